// Package stubgen generates internal/facadeapi/api.go: the default build of
// the facade's packages as type-checkable stubs. It lives apart from
// facadeapi so that the tool binary, which imports facadeapi, does not link
// go/build and the generator's AST editing.
package stubgen

import (
	"fmt"
	"go/build"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"

	"golang.org/x/mod/modfile"
)

// dirs are the facade's packages that the stub holds, relative to the
// facade module's root. Package stress is left out: swept code never
// imports it.
var dirs = []string{".", "atomic"}

// A file is one stubbed source file.
type file struct{ name, src string }

// A pkg is the stub of one facade package.
type pkg struct {
	path    string
	files   []file
	imports map[string]bool // the stub's, which may be fewer than the original's
}

// Generate stubs the facade module rooted at facadeDir and returns the
// source of api.go.
func Generate(facadeDir string) ([]byte, error) {
	pkgs, goVersion, err := stubModule(facadeDir)
	if err != nil {
		return nil, err
	}
	if err := typeCheck(pkgs, goVersion); err != nil {
		return nil, err
	}
	return render(pkgs)
}

// FixtureHeader starts every file of the fixtures' copy of the stub.
const FixtureHeader = "// A stub of the real facade's default build, which the fixtures' swept\n" +
	"// code type-checks against. Written by go run ./internal/facadeapi/gen.\n\n"

// Fixture returns the stub as files for the analysistest fixtures under
// testdata/src: each file's path, relative to testdata/src, and its
// content, which is also its .golden (the sweep leaves the facade alone).
func Fixture(facadeDir string) (map[string][]byte, error) {
	pkgs, goVersion, err := stubModule(facadeDir)
	if err != nil {
		return nil, err
	}
	if err := typeCheck(pkgs, goVersion); err != nil {
		return nil, err
	}
	out := make(map[string][]byte)
	for _, p := range pkgs {
		for _, f := range p.files {
			src := []byte(FixtureHeader + f.src)
			out[p.path+"/"+f.name] = src
			out[p.path+"/"+f.name+".golden"] = src
		}
	}
	return out, nil
}

// stubModule reads the facade module rooted at facadeDir and returns its
// packages as stubs, in dependency order, and the module's Go version
// ("go1.N").
func stubModule(facadeDir string) ([]*pkg, string, error) {
	gomod := filepath.Join(facadeDir, "go.mod")
	data, err := os.ReadFile(gomod)
	if err != nil {
		return nil, "", err
	}
	mf, err := modfile.ParseLax(gomod, data, nil)
	if err != nil {
		return nil, "", err
	}
	if mf.Module == nil || mf.Go == nil {
		return nil, "", fmt.Errorf("%s: no module or go line", gomod)
	}
	var pkgs []*pkg
	for _, dir := range dirs {
		path := mf.Module.Mod.Path
		if dir != "." {
			path += "/" + filepath.ToSlash(dir)
		}
		p, err := stubPackage(filepath.Join(facadeDir, dir), path)
		if err != nil {
			return nil, "", err
		}
		pkgs = append(pkgs, p)
	}
	pkgs, err = depOrder(pkgs)
	return pkgs, "go" + mf.Go.Version, err
}

// stubPackage stubs the files of dir that the default build compiles:
// go/build with build.Default decides, so a file constrained to another
// backend's tag is out and a file constrained to a Go release that this
// toolchain has is in.
func stubPackage(dir, path string) (*pkg, error) {
	bp, err := build.Default.ImportDir(dir, 0)
	if err != nil {
		return nil, err
	}
	if len(bp.CgoFiles) > 0 {
		return nil, fmt.Errorf("%s: cgo files %v cannot be stubbed", dir, bp.CgoFiles)
	}
	p := &pkg{path: path, imports: map[string]bool{}}
	fset := token.NewFileSet()
	for _, name := range bp.GoFiles { // sorted, and without _test.go files
		// With object resolution: astutil.UsesImport needs it to tell a
		// package name from a local of the same name.
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.ParseComments)
		if err != nil {
			return nil, err
		}
		src, err := stubFile(fset, f)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		for _, s := range f.Imports {
			if ip, err := strconv.Unquote(s.Path.Value); err == nil {
				p.imports[ip] = true
			}
		}
		p.files = append(p.files, file{name: name, src: string(src)})
	}
	return p, nil
}

// depOrder sorts pkgs so that each comes after the stub packages it
// imports, keeping the order of dirs otherwise.
func depOrder(pkgs []*pkg) ([]*pkg, error) {
	var order []*pkg
	state := map[string]int{} // 1: visiting, 2: done
	var visit func(p *pkg) error
	visit = func(p *pkg) error {
		switch state[p.path] {
		case 1:
			return fmt.Errorf("import cycle through %s", p.path)
		case 2:
			return nil
		}
		state[p.path] = 1
		for _, dep := range pkgs { // pkgs, not the map, for a stable order
			if p.imports[dep.path] {
				if err := visit(dep); err != nil {
					return err
				}
			}
		}
		state[p.path] = 2
		order = append(order, p)
		return nil
	}
	for _, p := range pkgs {
		if err := visit(p); err != nil {
			return nil, err
		}
	}
	return order, nil
}
