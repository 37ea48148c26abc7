// Package facadeapi carries the API of the lock facade's default build
// (github.com/syncsweep/syncsweep/facade and facade/atomic) as Go source, so
// that the tool can type-check swept code in process even on a user's first
// sweep, when their module does not require the facade yet and the go
// command cannot load it.
//
// The source is a stub: every declaration with its real type, fields and
// signature, and every body replaced by a panic. It imports only the
// standard library and the other stub package. api.go holds it, generated
// from facade/ by `go run ./internal/facadeapi/gen`; TestUpToDate fails when
// it is stale.
package facadeapi

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
)

// A File is one source file of a stub package.
type File struct{ Name, Src string }

// stub is one stub package; api.go lists them in stubs.
type stub struct {
	path  string
	files []File
}

// Paths lists the import paths the stub holds, in dependency order (facade
// before facade/atomic or whichever order their imports need).
func Paths() []string {
	paths := make([]string, len(stubs))
	for i, s := range stubs {
		paths[i] = s.path
	}
	return paths
}

// Files returns the stub's files of one package, and false for a path it
// does not hold. The slice is the caller's to change.
func Files(path string) ([]File, bool) {
	for _, s := range stubs {
		if s.path == path {
			return append([]File(nil), s.files...), true
		}
	}
	return nil, false
}

// Check parses the stub's files of path and type-checks them at goVersion
// (as for types.Config.GoVersion; "" for the latest), resolving every import
// through imp: the standard library, and the other stub packages, which the
// caller's importer has to provide (Paths gives the order to check them
// in). It returns the first error. Positions are in fset, under the file
// names path+"/"+name, which exist nowhere on disk.
func Check(fset *token.FileSet, path string, imp types.Importer, goVersion string) (*types.Package, error) {
	files, ok := Files(path)
	if !ok {
		return nil, fmt.Errorf("facadeapi: no stub of package %q; the stub holds %s", path, strings.Join(Paths(), ", "))
	}
	var parsed []*ast.File
	for _, f := range files {
		// Comments need not be kept: the parser records the Go version of
		// a //go:build line without them.
		af, err := parser.ParseFile(fset, path+"/"+f.Name, f.Src, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		parsed = append(parsed, af)
	}
	conf := types.Config{Importer: imp, GoVersion: goVersion}
	return conf.Check(path, fset, parsed, nil)
}
