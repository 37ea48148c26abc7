package facadeapi

import (
	"go/importer"
	"go/token"
	"go/types"
	"path/filepath"
	"sort"
	"testing"

	"golang.org/x/tools/go/packages"
)

// stubImporter is an importer as the tool's would be: the stub packages
// checked so far, and the standard library for the rest.
type stubImporter struct {
	std   types.Importer
	stubs map[string]*types.Package
}

func newStubImporter(fset *token.FileSet) *stubImporter {
	return &stubImporter{std: importer.ForCompiler(fset, "gc", nil), stubs: map[string]*types.Package{}}
}

func (imp *stubImporter) Import(path string) (*types.Package, error) {
	if p, ok := imp.stubs[path]; ok {
		return p, nil
	}
	return imp.std.Import(path)
}

// checkStubs type-checks every stub package in the order of Paths, so a
// package checked before one it imports fails to import it.
func checkStubs(t *testing.T) map[string]*types.Package {
	t.Helper()
	fset := token.NewFileSet()
	imp := newStubImporter(fset)
	goVersion := facadeGoVersion(t)
	for _, path := range Paths() {
		p, err := Check(fset, path, imp, goVersion)
		if err != nil {
			t.Fatalf("Check(%q, %s): %v", path, goVersion, err)
		}
		imp.stubs[path] = p
	}
	return imp.stubs
}

// TestStubMatchesFacade compares the stub with the real facade, loaded by
// the go command from its own module: every exported object, the fields of
// every exported struct type, and the method sets of T and *T for every
// exported type. Unexported fields and methods count too, since they decide
// size, comparability and which interfaces a type satisfies.
func TestStubMatchesFacade(t *testing.T) {
	dir, err := filepath.Abs(facadeDir)
	if err != nil {
		t.Fatal(err)
	}
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedTypes, Dir: dir}
	loaded, err := packages.Load(cfg, Paths()...)
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(loaded) > 0 || len(loaded) != len(Paths()) {
		t.Fatalf("loading the facade failed: %d packages for %d paths", len(loaded), len(Paths()))
	}
	stubs := checkStubs(t)
	for _, rp := range loaded {
		want, got := surface(rp.Types), surface(stubs[rp.PkgPath])
		if len(want) < 10 {
			t.Fatalf("%s: the real package has only %d surface entries; the load went wrong", rp.PkgPath, len(want))
		}
		for _, key := range sortedKeys(want) {
			switch g, ok := got[key]; {
			case !ok:
				t.Errorf("%s: missing from the stub: %s", rp.PkgPath, want[key])
			case g != want[key]:
				t.Errorf("%s: %s differs:\nfacade: %s\nstub:   %s", rp.PkgPath, key, want[key], g)
			}
		}
		for _, key := range sortedKeys(got) {
			if _, ok := want[key]; !ok {
				t.Errorf("%s: in the stub only: %s", rp.PkgPath, got[key])
			}
		}
	}
}

// surface describes p's API for comparison: a key naming each exported
// object, field and method, mapped to its description, with package paths
// spelt out in full.
func surface(p *types.Package) map[string]string {
	m := map[string]string{}
	if p == nil {
		return m
	}
	qual := func(p *types.Package) string { return p.Path() }
	for _, name := range p.Scope().Names() {
		obj := p.Scope().Lookup(name)
		if !obj.Exported() {
			continue
		}
		m[name] = types.ObjectString(obj, qual)
		tn, ok := obj.(*types.TypeName)
		if !ok {
			continue
		}
		if st, ok := tn.Type().Underlying().(*types.Struct); ok {
			for i := 0; i < st.NumFields(); i++ {
				f := st.Field(i)
				m[name+" field "+f.Name()] = types.ObjectString(f, qual)
			}
		}
		for _, recv := range []types.Type{tn.Type(), types.NewPointer(tn.Type())} {
			ms := types.NewMethodSet(recv)
			for i := 0; i < ms.Len(); i++ {
				obj := ms.At(i).Obj()
				m[types.TypeString(recv, qual)+" method "+obj.Name()] = types.ObjectString(obj, qual)
			}
		}
	}
	return m
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
