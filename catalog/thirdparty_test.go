package catalog_test

import (
	"fmt"
	"go/token"
	"go/types"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/syncsweep/syncsweep/catalog"
)

// pinned lists the third-party packages the catalog has rows for, with the
// module versions their rows, and their stubs under testdata/src, were
// checked against. TestThirdPartyRows fails for rows of a package missing
// here: pin its module, then check the rows against it.
var pinned = []struct {
	pkg, module, version string
}{
	{"github.com/linkdata/deadlock", "github.com/linkdata/deadlock", "v0.5.5"},
	{"github.com/puzpuzpuz/xsync/v3", "github.com/puzpuzpuz/xsync/v3", "v3.5.1"},
	{"github.com/puzpuzpuz/xsync/v4", "github.com/puzpuzpuz/xsync/v4", "v4.5.0"},
	{"github.com/sasha-s/go-deadlock", "github.com/sasha-s/go-deadlock", "v0.3.9"},
	{"golang.org/x/sync/semaphore", "golang.org/x/sync", "v0.24.0"},
}

// anacrolix is the one third-party source with no pin: the module proxy
// does not serve github.com/anacrolix/sync (it answers 403), so its rows
// are checked against its stub under testdata/src instead, which was
// itself checked by hand against the module's source.
const anacrolix = "github.com/anacrolix/sync"

// qualifier prints a package by its name alone, so that a stub's types
// and its real package's compare equal as strings: they have different
// paths, and types.RelativeTo prints every other package by its path.
func qualifier(p *types.Package) string { return p.Name() }

// thirdParty reports whether an import path is outside the standard
// library: its first element has a dot.
func thirdParty(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return strings.Contains(first, ".")
}

func thirdPartyRows() []catalog.Row {
	var rows []catalog.Row
	for _, r := range catalog.Rows {
		if thirdParty(r.From) {
			rows = append(rows, r)
		}
	}
	return rows
}

func rowName(r catalog.Row) string {
	return fmt.Sprintf("%s.%s (%v row)", r.From, r.Name, r.Kind)
}

// goEnv is the environment of the go commands run on the temporary
// module: the test's own, outside any workspace.
func goEnv() []string { return append(os.Environ(), "GOWORK=off") }

// loadReal creates a module that requires every pinned module at its
// version, lets `go mod tidy` fetch them, and returns the pinned packages
// by import path.
func loadReal(t *testing.T) map[string]*types.Package {
	t.Helper()
	dir := t.TempDir()
	versions := make(map[string]string)
	var gomod, main strings.Builder
	gomod.WriteString("module example.com/catalogcheck\n\ngo 1.26\n\nrequire (\n")
	main.WriteString("package main\n\nimport (\n")
	var paths []string
	for _, p := range pinned {
		paths = append(paths, p.pkg)
		fmt.Fprintf(&main, "\t_ %q\n", p.pkg)
		if v, ok := versions[p.module]; ok {
			if v != p.version {
				t.Fatalf("pinned: module %s at both %s and %s", p.module, v, p.version)
			}
			continue
		}
		versions[p.module] = p.version
		fmt.Fprintf(&gomod, "\t%s %s\n", p.module, p.version)
	}
	gomod.WriteString(")\n")
	main.WriteString(")\n\nfunc main() {}\n")
	for name, text := range map[string]string{"go.mod": gomod.String(), "main.go": main.String()} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tidy := exec.Command("go", "mod", "tidy")
	tidy.Dir, tidy.Env = dir, goEnv()
	if out, err := tidy.CombinedOutput(); err != nil {
		t.Fatalf("go mod tidy in %s: %v\n%s", dir, err, out)
	}
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedTypes | packages.NeedDeps | packages.NeedImports | packages.NeedModule,
		Dir:  dir,
		Env:  goEnv(),
	}
	pkgs, err := packages.Load(cfg, paths...)
	if err != nil {
		t.Fatal(err)
	}
	byPath := make(map[string]*types.Package)
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			t.Fatalf("%s: %v", p.PkgPath, p.Errors[0])
		}
		byPath[p.PkgPath] = p.Types
	}
	for _, p := range pinned {
		if byPath[p.pkg] == nil {
			t.Fatalf("%s did not load", p.pkg)
		}
	}
	// go mod tidy may raise a version another pinned module requires:
	// the packages must be the versions the rows were checked against.
	for _, p := range pkgs {
		for _, pin := range pinned {
			if pin.pkg != p.PkgPath {
				continue
			}
			if p.Module == nil || p.Module.Path != pin.module || p.Module.Version != pin.version {
				t.Fatalf("%s loaded from module %+v, want %s %s", p.PkgPath, p.Module, pin.module, pin.version)
			}
		}
	}
	return byPath
}

// loadStubs loads the analysistest stubs of the given import paths from
// ../testdata, a GOPATH.
func loadStubs(t *testing.T, paths ...string) map[string]*types.Package {
	t.Helper()
	gopath, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedTypes | packages.NeedDeps | packages.NeedImports,
		Dir:  gopath,
		Env:  append(os.Environ(), "GO111MODULE=off", "GOPATH="+gopath, "GOFLAGS="),
	}
	pkgs, err := packages.Load(cfg, paths...)
	if err != nil {
		t.Fatal(err)
	}
	byPath := make(map[string]*types.Package)
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			t.Fatalf("stub %s: %v", p.PkgPath, p.Errors[0])
		}
		byPath[p.PkgPath] = p.Types
	}
	for _, path := range paths {
		if byPath[path] == nil {
			t.Fatalf("stub %s did not load from %s", path, gopath)
		}
	}
	return byPath
}

// object returns what a row names in pkg: the package-level type, func or
// var; the method of *Type; the field of Var's struct.
func object(pkg *types.Package, r catalog.Row) (types.Object, error) {
	switch r.Kind {
	case catalog.Type, catalog.Func, catalog.Var:
		obj := pkg.Scope().Lookup(r.Name)
		var kind catalog.Kind
		switch obj.(type) {
		case nil:
			return nil, fmt.Errorf("%s has no %s", pkg.Path(), r.Name)
		case *types.TypeName:
			kind = catalog.Type
		case *types.Func:
			kind = catalog.Func
		case *types.Var:
			kind = catalog.Var
		default:
			return nil, fmt.Errorf("%s.%s is a %T", pkg.Path(), r.Name, obj)
		}
		if kind != r.Kind {
			return nil, fmt.Errorf("%s.%s is a %v", pkg.Path(), r.Name, kind)
		}
		return obj, nil
	case catalog.Method:
		tn, ok := pkg.Scope().Lookup(r.Owner()).(*types.TypeName)
		if !ok {
			return nil, fmt.Errorf("%s has no type %s", pkg.Path(), r.Owner())
		}
		sel := types.NewMethodSet(types.NewPointer(types.Unalias(tn.Type()))).Lookup(pkg, r.Member())
		if sel == nil {
			return nil, fmt.Errorf("the method set of *%s.%s has no %s", pkg.Path(), r.Owner(), r.Member())
		}
		return sel.Obj(), nil
	case catalog.Field:
		v, ok := pkg.Scope().Lookup(r.Owner()).(*types.Var)
		if !ok {
			return nil, fmt.Errorf("%s has no var %s", pkg.Path(), r.Owner())
		}
		st, ok := v.Type().Underlying().(*types.Struct)
		if !ok {
			return nil, fmt.Errorf("%s.%s is a %s, not a struct", pkg.Path(), r.Owner(), types.TypeString(v.Type(), qualifier))
		}
		for f := range st.Fields() {
			if f.Name() == r.Member() {
				return f, nil
			}
		}
		return nil, fmt.Errorf("%s.%s has no field %s", pkg.Path(), r.Owner(), r.Member())
	}
	return nil, fmt.Errorf("unknown kind %d", r.Kind)
}

var errorType = types.Universe.Lookup("error").Type()

// results says, for each Result but Same, what the row's func or method
// must return.
var results = map[catalog.Result]struct {
	want string
	ok   func(res *types.Tuple) bool
}{
	catalog.Nil: {"a single error", func(res *types.Tuple) bool {
		return res.Len() == 1 && types.Identical(res.At(0).Type(), errorType)
	}},
	catalog.True: {"a single bool", func(res *types.Tuple) bool {
		return res.Len() == 1 && types.Identical(res.At(0).Type(), types.Typ[types.Bool])
	}},
	catalog.Tokens: {"a single result", func(res *types.Tuple) bool {
		return res.Len() == 1
	}},
	catalog.New: {"a single pointer to a named type", func(res *types.Tuple) bool {
		return res.Len() == 1 && constructed(res.At(0).Type()) != nil
	}},
}

// constructed returns the named type T of a constructor's result *T.
func constructed(t types.Type) *types.Named {
	ptr, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return nil
	}
	named, _ := types.Unalias(ptr.Elem()).(*types.Named)
	return named
}

// TestThirdPartyRows checks every third-party row against the package it
// names, at the pinned version: the object exists with the row's kind,
// and a call's Args and Result fit its signature.
func TestThirdPartyRows(t *testing.T) {
	pins := make(map[string]bool)
	for _, p := range pinned {
		pins[p.pkg] = true
		if !catalog.Covers(p.pkg) {
			t.Errorf("pinned %s has no catalog rows: drop its pin", p.pkg)
		}
	}
	for _, from := range catalog.Sources() {
		if thirdParty(from) && from != anacrolix && !pins[from] {
			t.Errorf("catalog rows for %s, which is not pinned: add its module and the version the rows were checked against to pinned", from)
		}
	}

	pkgs := loadReal(t)
	// Not served by the module proxy (403): checked against its stub.
	maps.Copy(pkgs, loadStubs(t, anacrolix))

	for _, r := range thirdPartyRows() {
		pkg := pkgs[r.From]
		if pkg == nil {
			t.Errorf("%s: %s was not loaded", rowName(r), r.From)
			continue
		}
		obj, err := object(pkg, r)
		if err != nil {
			t.Errorf("%s: %v", rowName(r), err)
			continue
		}
		fn, ok := obj.(*types.Func)
		if !ok {
			if r.Args != nil || r.Result != catalog.Same {
				t.Errorf("%s: Args or Result set on a %v row", rowName(r), r.Kind)
			}
			continue
		}
		sig := fn.Signature()
		if r.Args != nil && len(r.Args) != sig.Params().Len() {
			t.Errorf("%s: %d Args, but %s takes %d parameters", rowName(r), len(r.Args), types.TypeString(sig, qualifier), sig.Params().Len())
		}
		if r.Result == catalog.Same {
			continue
		}
		check, ok := results[r.Result]
		if !ok {
			t.Errorf("%s: no check for Result %v: add one to results", rowName(r), r.Result)
			continue
		}
		if !check.ok(sig.Results()) {
			t.Errorf("%s: Result %v needs %s, but it is %s", rowName(r), r.Result, check.want, types.TypeString(sig, qualifier))
			continue
		}
		if r.Result != catalog.New {
			continue
		}
		// The call becomes new(As): As must be the facade's name for the
		// constructed type, or the variables it is assigned to would
		// move to another type.
		named := constructed(sig.Results().At(0).Type())
		tr, ok := catalog.Lookup(named.Obj().Pkg().Path(), named.Obj().Name())
		if !ok || tr.Kind != catalog.Type {
			t.Errorf("%s: constructs %s, which has no type row", rowName(r), types.TypeString(named, qualifier))
		} else if tr.FacadeName() != r.FacadeName() {
			t.Errorf("%s: becomes new(%s), but its type %s moves to %s", rowName(r), r.FacadeName(), tr.Name, tr.FacadeName())
		}
	}
}

// optsVars are the detector-option vars whose struct types have
// unexported fields that differ between stub and real package: only the
// fields the rows name are compared.
var optsVars = map[string]bool{
	"github.com/sasha-s/go-deadlock.Opts": true,
	"github.com/linkdata/deadlock.Opts":   true,
}

// TestStubsMatchReal checks that what each third-party row names has the
// same type in the stub under testdata/src (which the analyzers' fixtures
// use) as in the real package at its pinned version.
func TestStubsMatchReal(t *testing.T) {
	reals := loadReal(t)
	var paths []string
	for _, p := range pinned {
		paths = append(paths, p.pkg)
	}
	stubs := loadStubs(t, paths...)
	for _, r := range thirdPartyRows() {
		if r.From == anacrolix {
			continue // no real package: TestThirdPartyRows checks the stub
		}
		realPkg, stubPkg := reals[r.From], stubs[r.From]
		if realPkg == nil || stubPkg == nil {
			t.Errorf("%s: %s not loaded (not pinned?)", rowName(r), r.From)
			continue
		}
		realObj, err := object(realPkg, r)
		if err != nil {
			t.Errorf("%s: real package: %v", rowName(r), err)
			continue
		}
		stubObj, err := object(stubPkg, r)
		if err != nil {
			t.Errorf("%s: stub: %v", rowName(r), err)
			continue
		}
		if got, want := describe(stubPkg, stubObj, r), describe(realPkg, realObj, r); got != want {
			t.Errorf("%s: the stub differs from %s:\nstub: %s\nreal: %s", rowName(r), r.From, got, want)
		}
	}
}

// describe renders the type of what row r names, obj in pkg, for
// comparison across packages: a func or method's signature; a field's or
// var's type (for the option vars, the fields the rows name); a type's
// name, underlying kind and the exported methods of *T.
func describe(pkg *types.Package, obj types.Object, r catalog.Row) string {
	switch obj := obj.(type) {
	case *types.Func:
		return sigString(obj.Signature())
	case *types.TypeName:
		t := types.Unalias(obj.Type())
		desc := "type " + types.TypeString(obj.Type(), qualifier)
		if obj.IsAlias() {
			desc += " = " + types.TypeString(t, qualifier)
		}
		if _, ok := t.Underlying().(*types.Struct); !ok {
			return desc + " " + typeString(t.Underlying())
		}
		var methods []string
		mset := types.NewMethodSet(types.NewPointer(t))
		for sel := range mset.Methods() {
			if m := sel.Obj(); m.Exported() {
				methods = append(methods, m.Name()+" "+sigString(m.Type().(*types.Signature)))
			}
		}
		if len(methods) == 0 {
			methods = append(methods, "none")
		}
		return desc + " struct; methods of *T: " + strings.Join(methods, "; ")
	case *types.Var:
		if r.Kind != catalog.Var || !optsVars[r.From+"."+r.Name] {
			return typeString(obj.Type())
		}
		var fields []string
		for _, fr := range catalog.Rows {
			if fr.From != r.From || fr.Kind != catalog.Field || fr.Owner() != r.Name {
				continue
			}
			if f, err := object(pkg, fr); err != nil {
				fields = append(fields, fr.Member()+" missing")
			} else {
				fields = append(fields, fr.Member()+" "+typeString(f.Type()))
			}
		}
		return "struct{" + strings.Join(fields, "; ") + "; ...}"
	}
	return fmt.Sprintf("%T", obj)
}

// typeString is types.TypeString, with a signature's parameter names left
// out: they are not part of its type.
func typeString(t types.Type) string {
	if sig, ok := t.(*types.Signature); ok {
		return sigString(sig)
	}
	return types.TypeString(t, qualifier)
}

// sigString renders a signature without its receiver and parameter names.
func sigString(sig *types.Signature) string {
	unnamed := func(tuple *types.Tuple) *types.Tuple {
		vars := make([]*types.Var, tuple.Len())
		for i := range vars {
			vars[i] = types.NewParam(token.NoPos, nil, "", tuple.At(i).Type())
		}
		return types.NewTuple(vars...)
	}
	var tparams []string
	for tp := range sig.TypeParams().TypeParams() {
		tparams = append(tparams, tp.Obj().Name()+" "+types.TypeString(tp.Constraint(), qualifier))
	}
	s := types.TypeString(types.NewSignatureType(nil, nil, nil, unnamed(sig.Params()), unnamed(sig.Results()), sig.Variadic()), qualifier)
	if len(tparams) > 0 {
		s = "[" + strings.Join(tparams, ", ") + "]" + s
	}
	return s
}
