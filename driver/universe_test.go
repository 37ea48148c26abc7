package driver

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"testing"

	"github.com/syncsweep/syncsweep/catalog"
	"github.com/syncsweep/syncsweep/policy"
	"github.com/syncsweep/syncsweep/rewrite"
)

// TestUniverseHasOneCopyOfEachPackage: whatever a batch's check made from
// export data, every package its universe reaches (through Imports, as
// the export data writer and the type checker do) exists once per path.
// Two copies of one path make types that look the same and do not match,
// and export data that cannot be read back; the check would then fail on
// a sweep that compiles. mid is read again from its export data (it
// imports a swept package), which mentions packages the load has only in
// part (internal/abi, through reflect.Value).
func TestUniverseHasOneCopyOfEachPackage(t *testing.T) {
	root := WriteModule(t, map[string]string{
		"go.mod":         "module example.com/m\n\ngo 1.21\n",
		"store/store.go": "package store\n\nimport \"sync\"\n\n// Mu is swept.\nvar Mu sync.Mutex\n",
		"mid/mid.go":     "package mid\n\nimport (\n\t\"reflect\"\n\n\t\"example.com/m/store\"\n)\n\n// V reflects under the lock.\nfunc V() reflect.Value { store.Mu.Lock(); defer store.Mu.Unlock(); return reflect.ValueOf(1) }\n",
		"top/top.go":     "package top\n\nimport (\n\t\"reflect\"\n\t\"sync\"\n\n\t\"example.com/m/mid\"\n)\n\nvar mu sync.Mutex\n\n// V is mid's, under a lock.\nfunc V() reflect.Value { mu.Lock(); defer mu.Unlock(); return mid.V() }\n",
	})
	rules, err := policy.Policy{}.Compile()
	if err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	r := &run{Options: Options{
		Analyzer:     rewrite.New(rules),
		Rules:        rules,
		Patterns:     []string{"./..."},
		Dir:          root,
		Env:          append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off"),
		Fix:          true,
		Verify:       true,
		FacadeModule: catalog.DefaultFacade,
		BatchFiles:   1,
		Stdout:       &out,
		Stderr:       &errb,
	}}
	universes := 0
	r.inspectUniverse = func(u *universe) {
		universes++
		seen := make(map[string]*types.Package)
		var visit func(p *types.Package)
		visit = func(p *types.Package) {
			if q, ok := seen[p.Path()]; ok {
				if q != p {
					t.Errorf("two copies of %s in one universe", p.Path())
				}
				return
			}
			seen[p.Path()] = p
			for _, imp := range p.Imports() {
				visit(imp)
			}
		}
		for _, e := range u.pkgs {
			if e.p != nil {
				visit(e.p)
			}
		}
	}
	if code := r.do(); code != ExitClean {
		t.Fatalf("exit %d\n%s", code, errb.String())
	}
	if universes < 3 {
		t.Errorf("%d batches checked, want one per package", universes)
	}
}

// TestTaintedBeforeRecheck: a package that imports one the batch will
// type-check again (it uses moved locks, though the sweep did not change
// it) is stale from the start, before that check has run: in parallel,
// another goroutine may ask for it first, and binding it to the old
// types then would make two copies of the rechecked package.
func TestTaintedBeforeRecheck(t *testing.T) {
	r := &run{newSrc: map[string][]byte{"/m/a/a.go": []byte("package a")}}
	cs := newCheckState(r, "", nil, nil)
	cs.meta["a"] = &pkgMeta{id: "a", path: "a", files: []string{"/m/a/a.go"}}
	cs.meta["r"] = &pkgMeta{id: "r", path: "r"}
	cs.meta["u"] = &pkgMeta{id: "u", path: "u", imports: map[string]string{"r": "r"}}
	cs.meta["v"] = &pkgMeta{id: "v", path: "v", imports: map[string]string{"a": "a"}}
	cs.meta["w"] = &pkgMeta{id: "w", path: "w"}
	u := cs.universe(nil)
	u.recheck["r"] = true
	for id, want := range map[string]bool{"r": true, "u": true, "a": true, "v": true, "w": false} {
		if got := u.isTainted(id); got != want {
			t.Errorf("isTainted(%s) = %v, want %v", id, got, want)
		}
	}
}

// TestAddsMethods: a test variant stands for its package in the check
// only when its test files add no method to a type of the package's
// non-test files (which could satisfy an interface the package's
// importers compiled without).
func TestAddsMethods(t *testing.T) {
	const lib = "package p\n\ntype T struct{}\n\ntype G[K any] struct{}\n"
	tests := []struct {
		name, test string
		want       bool
	}{
		{"helpers only", "package p\n\nfunc helper() {}\n", false},
		{"a method on the test's own type", "package p\n\ntype fake struct{}\n\nfunc (fake) Lock() {}\n", false},
		{"a method on the package's type", "package p\n\nfunc (*T) Lock() {}\n", true},
		{"a method on the package's generic type", "package p\n\nfunc (g *G[K]) Lock() {}\n", true},
	}
	for _, tt := range tests {
		fset := token.NewFileSet()
		a, err := parser.ParseFile(fset, "/p/p.go", lib, 0)
		if err != nil {
			t.Fatal(err)
		}
		b, err := parser.ParseFile(fset, "/p/p_test.go", tt.test, 0)
		if err != nil {
			t.Fatal(err)
		}
		if got := addsMethods(fset, []*ast.File{a, b}, map[string]bool{"/p/p.go": true}); got != tt.want {
			t.Errorf("%s: addsMethods = %v, want %v", tt.name, got, tt.want)
		}
	}
}
