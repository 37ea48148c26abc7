package stubgen

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
)

// typeCheck type-checks the stubs, in order, against the standard library
// and each other, at the facade's Go version, so that the generator never
// writes an api.go that the tool cannot check against.
func typeCheck(pkgs []*pkg, goVersion string) error {
	fset := token.NewFileSet()
	imp := &chain{std: importer.Default(), stubs: map[string]*types.Package{}}
	for _, p := range pkgs {
		var files []*ast.File
		for _, f := range p.files {
			af, err := parser.ParseFile(fset, p.path+"/"+f.name, f.src, parser.SkipObjectResolution)
			if err != nil {
				return fmt.Errorf("stub does not parse: %v", err)
			}
			files = append(files, af)
		}
		conf := types.Config{Importer: imp, GoVersion: goVersion}
		tp, err := conf.Check(p.path, fset, files, nil)
		if err != nil {
			return fmt.Errorf("stub does not type-check: %v", err)
		}
		imp.stubs[p.path] = tp
	}
	return nil
}

// chain imports the stub packages checked so far, and anything else from
// std.
type chain struct {
	std   types.Importer
	stubs map[string]*types.Package
}

func (c *chain) Import(path string) (*types.Package, error) {
	if p, ok := c.stubs[path]; ok {
		return p, nil
	}
	return c.std.Import(path)
}
