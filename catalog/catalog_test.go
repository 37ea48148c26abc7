package catalog_test

import (
	"go/importer"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/syncsweep/syncsweep/catalog"
)

// exported returns the exported package-level names of pkg, by kind.
func exported(pkg *types.Package) map[string]catalog.Kind {
	out := make(map[string]catalog.Kind)
	for _, name := range pkg.Scope().Names() {
		obj := pkg.Scope().Lookup(name)
		if !obj.Exported() {
			continue
		}
		switch obj.(type) {
		case *types.TypeName:
			out[name] = catalog.Type
		case *types.Func:
			out[name] = catalog.Func
		default:
			out[name] = -1 // a var or const: the catalog has no kind for it
		}
	}
	return out
}

// TestCoversStd fails when the toolchain's sync or sync/atomic has an
// exported name the catalog lacks (a new Go release), or the catalog
// names something the std package does not have.
func TestCoversStd(t *testing.T) {
	imp := importer.ForCompiler(token.NewFileSet(), "source", nil)
	for _, path := range []string{"sync", "sync/atomic"} {
		pkg, err := imp.Import(path)
		if err != nil {
			t.Fatal(err)
		}
		std := exported(pkg)
		for name, kind := range std {
			row, ok := catalog.Lookup(path, name)
			if !ok {
				t.Errorf("%s.%s is not in the catalog", path, name)
			} else if row.Kind != kind {
				t.Errorf("%s.%s: catalog kind %v, std kind %v", path, name, row.Kind, kind)
			}
		}
		for _, row := range catalog.Rows {
			if _, ok := std[row.Name]; row.From == path && !ok {
				t.Errorf("catalog row %s.%s: no such name in the std package", path, row.Name)
			}
		}
	}
}

// TestFacadeOffersEveryRow loads the facade module from this checkout and
// checks that each row's target exists there with the same kind, and that
// the facade exports nothing the catalog does not know.
func TestFacadeOffersEveryRow(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "facade"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedTypes, Dir: dir}
	pkgs, err := packages.Load(cfg, "./...")
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
	seen := make(map[string]bool)
	for _, row := range catalog.Rows {
		target := row.Target(catalog.DefaultFacade)
		pkg := byPath[target]
		if pkg == nil {
			t.Fatalf("facade package %s not found in %s", target, dir)
		}
		name := row.FacadeName()
		switch {
		case row.Missing != "":
			continue
		case row.Kind == catalog.Method:
			// The method's facade type is its type row's.
			owner, ok := catalog.Lookup(row.From, row.Owner())
			if !ok {
				t.Errorf("%s.%s: no row for its type", row.From, row.Name)
				continue
			}
			if !slices.Contains(catalog.FacadeMethods[owner.FacadeName()], name) {
				t.Errorf("%s.%s: the facade's %s has no method %s in catalog.FacadeMethods", row.From, row.Name, owner.FacadeName(), name)
			}
			continue
		case row.Kind == catalog.Field:
			if !hasField(pkg.Scope().Lookup("DetectorOptions"), name) {
				t.Errorf("%s.%s: facade.DetectorOptions has no field %s", row.From, row.Name, name)
			}
			continue
		}
		want := row.Kind
		if row.Kind == catalog.Var || row.Result == catalog.New {
			// go-deadlock's NewCond is a var holding sync.NewCond;
			// a constructor becomes new(T) of the facade's type.
			want = map[catalog.Kind]catalog.Kind{catalog.Var: catalog.Func, catalog.Func: catalog.Type}[row.Kind]
		}
		kind, ok := exported(pkg)[name]
		if !ok {
			t.Errorf("%s has no %s (for %s.%s)", target, name, row.From, row.Name)
		} else if kind != want {
			t.Errorf("%s.%s: kind %v, catalog says %v", target, name, kind, want)
		}
		seen[target+"."+name] = true
	}
	for typ, methods := range catalog.FacadeMethods {
		obj := byPath[catalog.DefaultFacade].Scope().Lookup(typ)
		if obj == nil {
			t.Errorf("catalog.FacadeMethods: the facade has no %s", typ)
			continue
		}
		var got []string
		mset := types.NewMethodSet(types.NewPointer(obj.Type()))
		for i := range mset.Len() {
			got = append(got, mset.At(i).Obj().Name())
		}
		if !slices.Equal(got, methods) {
			t.Errorf("catalog.FacadeMethods[%q] = %v, the facade has %v", typ, methods, got)
		}
	}
	for _, own := range catalog.FacadeOwn {
		seen[own] = true
	}
	for path, pkg := range byPath {
		if strings.Contains(path, "/internal/") {
			continue // no user imports it: the backends' own machinery
		}
		for name := range exported(pkg) {
			if !seen[path+"."+name] {
				t.Errorf("%s.%s is not in the catalog", path, name)
			}
		}
	}
}

func hasField(obj types.Object, name string) bool {
	if obj == nil {
		return false
	}
	st, ok := obj.Type().Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for f := range st.Fields() {
		if f.Name() == name {
			return true
		}
	}
	return false
}

// TestREADMETable checks that the README carries the catalog's table,
// verbatim, between its markers.
func TestREADMETable(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	const begin, end = "<!-- catalog:begin -->\n", "<!-- catalog:end -->"
	s := string(readme)
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the %q ... %q markers", begin, end)
	}
	if got, want := s[i+len(begin):j], catalog.Markdown(catalog.DefaultFacade); got != want {
		t.Errorf("README table is stale; regenerate it with `go run ./catalog/gen`:\n%s", want)
	}
}

func TestDefaultName(t *testing.T) {
	tests := []struct{ path, want string }{
		{"github.com/syncsweep/syncsweep/facade", "facade"},
		{"github.com/syncsweep/syncsweep/facade/atomic", "atomic"},
		{"example.com/sync-util/v2", "sync_util"},
		{"example.com/syncutil", "syncutil"},
	}
	for _, tt := range tests {
		if got := catalog.DefaultName(tt.path); got != tt.want {
			t.Errorf("DefaultName(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
}

func TestRowsSorted(t *testing.T) {
	if !sort.SliceIsSorted(catalog.Rows, func(i, j int) bool {
		a, b := catalog.Rows[i], catalog.Rows[j]
		return a.From < b.From || a.From == b.From && a.Name < b.Name
	}) {
		t.Error("catalog.Rows is not sorted by From, then Name")
	}
}
