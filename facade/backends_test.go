package facade_test

import (
	"encoding/json"
	"fmt"
	"go/importer"
	"go/token"
	"go/types"
	"io"
	"os"
	"sort"
	"strings"
	"testing"
)

// backendTags lists every backend's build tags ("" is the default).
var backendTags = []string{"", "deadlock", "explore"}

// TestOneSurface compiles the facade under every backend's tag and fails
// if the exported API or a method set differs from the default backend's:
// code that builds on one backend builds on all.
func TestOneSurface(t *testing.T) {
	pkgs := []string{facadePath, facadePath + "/atomic", facadePath + "/stress"}
	want := make(map[string]string)
	for _, tag := range backendTags {
		surfaces := surfaceUnder(t, tag, pkgs)
		for _, p := range pkgs {
			if tag == "" {
				want[p] = surfaces[p]
				if p == facadePath && strings.Count(surfaces[p], "\n") < 20 {
					t.Fatalf("%s: the surface is too small to be real:\n%s", p, surfaces[p])
				}
				continue
			}
			if surfaces[p] != want[p] {
				t.Errorf("%s: -tags %s changes the API:\n--- default\n%s--- %s\n%s", p, tag, want[p], tag, surfaces[p])
			}
		}
	}
}

// surfaceUnder type-checks pkgs from export data built with -tags=tag and
// describes each one's exported API: every object and every method of
// every exported type and of its pointer.
func surfaceUnder(t *testing.T, tag string, pkgs []string) map[string]string {
	args := append([]string{"list", "-export", "-deps", "-json=ImportPath,Export", "-tags=" + tag}, pkgs...)
	out, err := goCmd(t, moduleDir(t), args...)
	if err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	exports := make(map[string]string)
	dec := json.NewDecoder(strings.NewReader(out))
	for dec.More() {
		var p struct{ ImportPath, Export string }
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		exports[p.ImportPath] = p.Export
	}
	imp := importer.ForCompiler(token.NewFileSet(), "gc", func(path string) (io.ReadCloser, error) {
		return os.Open(exports[path])
	})
	surfaces := make(map[string]string)
	for _, path := range pkgs {
		pkg, err := imp.Import(path)
		if err != nil {
			t.Fatalf("-tags %q: import %s: %v", tag, path, err)
		}
		var lines []string
		q := types.RelativeTo(pkg)
		for _, name := range pkg.Scope().Names() {
			obj := pkg.Scope().Lookup(name)
			if !obj.Exported() {
				continue
			}
			line := types.ObjectString(obj, q)
			if tn, ok := obj.(*types.TypeName); ok && !tn.IsAlias() {
				// Unexported fields are each backend's own business.
				if st, ok := tn.Type().Underlying().(*types.Struct); ok {
					line = "type " + name + " struct"
					for i := 0; i < st.NumFields(); i++ {
						if f := st.Field(i); f.Exported() {
							lines = append(lines, fmt.Sprintf("  %s.%s %s", name, f.Name(), types.TypeString(f.Type(), q)))
						}
					}
				}
			}
			lines = append(lines, line)
			if tn, ok := obj.(*types.TypeName); ok {
				for _, typ := range []types.Type{tn.Type(), types.NewPointer(tn.Type())} {
					ms := types.NewMethodSet(typ)
					for i := 0; i < ms.Len(); i++ {
						if m := ms.At(i).Obj(); m.Exported() {
							lines = append(lines, fmt.Sprintf("  (%s) %s", types.TypeString(typ, q), types.ObjectString(m, q)))
						}
					}
				}
			}
		}
		sort.Strings(lines)
		surfaces[path] = strings.Join(lines, "\n") + "\n"
	}
	return surfaces
}
