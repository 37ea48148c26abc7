package facade_test

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"sort"
	"strings"
	"testing"
)

const (
	facadePath = "github.com/syncsweep/syncsweep/facade"
	atomicPath = facadePath + "/atomic"
)

// stdToFacade maps each std package to the facade package that replaces it.
var stdToFacade = map[string]string{
	"sync":        facadePath,
	"sync/atomic": atomicPath,
}

// qualify names a package by its import path, with the std packages the
// facade replaces renamed to their facade path, so that std and facade
// signatures print the same when they correspond.
func qualify(p *types.Package) string {
	if f, ok := stdToFacade[p.Path()]; ok {
		return f
	}
	return p.Path()
}

// TestSurface asserts that each facade package exports exactly what its std
// package exports, with the same kinds, signatures, method sets and exported
// fields. It fails when a Go release adds API to sync or sync/atomic.
func TestSurface(t *testing.T) {
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "source", nil)
	// Wrappers, not aliases, except for Locker (see the package doc).
	wantAlias := map[string]bool{"Locker": true}
	for std, fac := range stdToFacade {
		std, fac := std, fac
		t.Run(std, func(t *testing.T) {
			stdPkg, err := imp.Import(std)
			if err != nil {
				t.Fatalf("import %s: %v", std, err)
			}
			facPkg, err := imp.Import(fac)
			if err != nil {
				t.Fatalf("import %s: %v", fac, err)
			}
			if n := countExported(stdPkg); n < 5 {
				t.Fatalf("%s has only %d exported objects; the importer loaded too little", std, n)
			}
			for _, d := range compareSurface(stdPkg, facPkg) {
				t.Error(d)
			}
			for _, name := range facPkg.Scope().Names() {
				tn, ok := facPkg.Scope().Lookup(name).(*types.TypeName)
				if !ok || !tn.Exported() {
					continue
				}
				if tn.IsAlias() != wantAlias[name] {
					t.Errorf("%s.%s: IsAlias() = %v, want %v (the design makes only Locker an alias)",
						fac, name, tn.IsAlias(), wantAlias[name])
				}
			}
		})
	}
}

func countExported(p *types.Package) int {
	n := 0
	for _, name := range p.Scope().Names() {
		if token.IsExported(name) {
			n++
		}
	}
	return n
}

// facadeOnly names the facade's own API beyond sync's: the deadlock
// backend's options and report hook, present (and inert) in every build so
// that code using them builds under every tag.
var facadeOnly = map[string]bool{"DetectorOptions": true, "SetDetectorOptions": true, "UpdateDetectorOptions": true, "ReportDeadlocksTo": true}

// facadeOnlyMethods names the facade's own methods beyond sync's: the
// nested acquisitions the deadlock backend orders as subclasses.
var facadeOnlyMethods = map[string]bool{"LockNested": true, "RLockNested": true}

// compareSurface lists every difference between the exported API of std and
// that of fac, in both directions. Types of either package print through
// qualify, so a std type and the facade type replacing it compare equal.
func compareSurface(std, fac *types.Package) []string {
	var diffs []string
	add := func(format string, args ...interface{}) {
		diffs = append(diffs, fmt.Sprintf(format, args...))
	}
	for _, name := range std.Scope().Names() {
		s := std.Scope().Lookup(name)
		if !s.Exported() {
			continue
		}
		f := fac.Scope().Lookup(name)
		if f == nil || !f.Exported() {
			add("%s.%s: missing from %s", std.Path(), name, fac.Path())
			continue
		}
		if ks, kf := kind(s), kind(f); ks != kf {
			add("%s.%s: is a %s, but %s.%s is a %s", std.Path(), name, ks, fac.Path(), name, kf)
			continue
		}
		switch s := s.(type) {
		case *types.Func:
			ss, fs := sigKey(s.Type().(*types.Signature)), sigKey(f.Type().(*types.Signature))
			if ss != fs {
				add("%s: func %s%s, but facade has func %s%s", std.Path(), name, ss, name, fs)
			}
		case *types.TypeName:
			diffs = append(diffs, compareType(std.Path()+"."+name, s.Type(), f.Type())...)
		default: // vars and consts
			if ts, tf := typeKey(s.Type()), typeKey(f.Type()); ts != tf {
				add("%s.%s: type %s, but facade has %s", std.Path(), name, ts, tf)
			}
		}
	}
	for _, name := range fac.Scope().Names() {
		f := fac.Scope().Lookup(name)
		if !f.Exported() {
			continue
		}
		if s := std.Scope().Lookup(name); (s == nil || !s.Exported()) && !facadeOnly[name] {
			add("%s.%s: exported by the facade but not by %s", fac.Path(), name, std.Path())
		}
	}
	return diffs
}

func kind(o types.Object) string {
	switch o.(type) {
	case *types.TypeName:
		return "type"
	case *types.Func:
		return "func"
	case *types.Var:
		return "var"
	case *types.Const:
		return "const"
	}
	return fmt.Sprintf("%T", o)
}

// compareType compares type parameters, exported struct fields and the
// exported method sets of T and *T.
func compareType(name string, st, ft types.Type) []string {
	var diffs []string
	if s, f := typeParamsKey(st), typeParamsKey(ft); s != f {
		diffs = append(diffs, fmt.Sprintf("%s: type parameters %s, but facade has %s", name, s, f))
	}
	if s, f := underKind(st), underKind(ft); s != f {
		diffs = append(diffs, fmt.Sprintf("%s: is a %s type, but the facade's is a %s type", name, s, f))
	}
	diffs = append(diffs, compareMembers(name+" field", fields(st), fields(ft))...)
	diffs = append(diffs, compareMembers(name+" method", methods(st), methods(ft))...)
	diffs = append(diffs, compareMembers("*"+name+" method", methods(types.NewPointer(st)), methods(types.NewPointer(ft)))...)
	return diffs
}

func compareMembers(what string, std, fac map[string]string) []string {
	var diffs []string
	for _, n := range sortedKeys(std) {
		f, ok := fac[n]
		switch {
		case !ok:
			diffs = append(diffs, fmt.Sprintf("%s %s %s: missing from the facade", what, n, std[n]))
		case f != std[n]:
			diffs = append(diffs, fmt.Sprintf("%s %s: std has %s, facade has %s", what, n, std[n], f))
		}
	}
	for _, n := range sortedKeys(fac) {
		if _, ok := std[n]; !ok && !facadeOnlyMethods[n] {
			diffs = append(diffs, fmt.Sprintf("%s %s %s: exported by the facade but not by std", what, n, fac[n]))
		}
	}
	return diffs
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func underKind(t types.Type) string {
	switch t.Underlying().(type) {
	case *types.Struct:
		return "struct"
	case *types.Interface:
		return "interface"
	}
	return fmt.Sprintf("%T", t.Underlying())
}

// fields returns the exported fields of t's underlying struct, by name.
func fields(t types.Type) map[string]string {
	m := map[string]string{}
	if st, ok := t.Underlying().(*types.Struct); ok {
		for i := 0; i < st.NumFields(); i++ {
			if f := st.Field(i); f.Exported() {
				m[f.Name()] = typeKey(f.Type())
			}
		}
	}
	return m
}

// methods returns the exported methods of t's method set, by name.
func methods(t types.Type) map[string]string {
	m := map[string]string{}
	ms := types.NewMethodSet(t)
	for i := 0; i < ms.Len(); i++ {
		if o := ms.At(i).Obj(); o.Exported() {
			m[o.Name()] = sigKey(o.Type().(*types.Signature))
		}
	}
	return m
}

func typeParamsKey(t types.Type) string {
	if n, ok := t.(*types.Named); ok {
		return tparamsKey(n.TypeParams())
	}
	return ""
}

func tparamsKey(tps *types.TypeParamList) string {
	if tps.Len() == 0 {
		return ""
	}
	parts := make([]string, tps.Len())
	for i := range parts {
		tp := tps.At(i)
		parts[i] = tp.Obj().Name() + " " + typeKey(tp.Constraint())
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// sigKey prints a signature without parameter names: type parameters,
// parameter types (variadic marked), result types.
func sigKey(sig *types.Signature) string {
	return tparamsKey(sig.TypeParams()) + tupleKey(sig.Params(), sig.Variadic()) + " " + tupleKey(sig.Results(), false)
}

func tupleKey(tup *types.Tuple, variadic bool) string {
	parts := make([]string, tup.Len())
	for i := range parts {
		t := tup.At(i).Type()
		if variadic && i == len(parts)-1 {
			parts[i] = "..." + typeKey(t.(*types.Slice).Elem())
			continue
		}
		parts[i] = typeKey(t)
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// typeKey prints t with qualify, ignoring parameter names of func types and
// spelling the empty interface "any" however it was written.
func typeKey(t types.Type) string {
	switch t := t.(type) {
	case *types.Signature:
		return "func" + sigKey(t)
	case *types.Pointer:
		return "*" + typeKey(t.Elem())
	case *types.Slice:
		return "[]" + typeKey(t.Elem())
	case *types.Interface:
		if t.Empty() {
			return "any"
		}
	}
	return types.TypeString(t, qualify)
}

// TestCompareSurfaceFindsDifferences makes sure compareSurface is not
// vacuous: on crafted packages it must report a missing method, a changed
// signature, a missing function, a changed field, an extra export and a kind
// mismatch, and nothing for identical packages.
func TestCompareSurfaceFindsDifferences(t *testing.T) {
	const std = `package sync
type Mutex struct{}
func (*Mutex) Lock()
func (*Mutex) Unlock()
type Pool struct{ New func() any }
type Ptr[T any] struct{}
func Add(a, b int) int
func Gone()
type Locker interface{ Lock(); Unlock() }
`
	cases := []struct {
		name string
		fac  string
		want []string // substrings of the expected diffs, in order
	}{
		{
			name: "identical modulo parameter names and spelling of any",
			fac: `package facade
type Mutex struct{ mu int }
func (m *Mutex) Lock()
func (m *Mutex) Unlock()
type Pool struct{ p int; New func() interface{} }
type Ptr[T interface{}] struct{ p *T }
func Add(x, y int) (sum int)
func Gone()
type Locker interface{ Lock(); Unlock() }
`,
		},
		{
			name: "differences",
			fac: `package facade
type Mutex struct{}
func (*Mutex) Lock()
type Pool struct{ New func() string }
type Ptr[T comparable] struct{}
func Add(a int, b int64) int
var Gone int
type Locker interface{ Lock() }
func Extra()
`,
			want: []string{
				"sync: func Add(int, int) (int), but facade has func Add(int, int64) (int)",
				"sync.Gone: is a func, but " + facadePath + ".Gone is a var",
				"sync.Locker method Unlock () (): missing from the facade",
				"*sync.Mutex method Unlock () (): missing from the facade",
				"sync.Pool field New: std has func() (any), facade has func() (string)",
				"sync.Ptr: type parameters [T any], but facade has [T comparable]",
				"facade.Extra: exported by the facade but not by sync",
			},
		},
	}
	stdPkg := checkSource(t, "sync", std)
	for _, tc := range cases {
		tc := tc
		t.Run(tc.name, func(t *testing.T) {
			facPkg := checkSource(t, facadePath, tc.fac)
			got := compareSurface(stdPkg, facPkg)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d diffs, want %d:\n%s", len(got), len(tc.want), strings.Join(got, "\n"))
			}
			for i, w := range tc.want {
				if !strings.Contains(got[i], w) {
					t.Errorf("diff %d = %q, want it to contain %q", i, got[i], w)
				}
			}
		})
	}
}

// checkSource type-checks src, whose functions need no bodies.
func checkSource(t *testing.T, path, src string) *types.Package {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path+".go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	conf := types.Config{IgnoreFuncBodies: true}
	pkg, err := conf.Check(path, fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatalf("type-check %s: %v", path, err)
	}
	return pkg
}
