package rewrite

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/syncsweep/syncsweep/catalog"
)

// Files the build configuration excludes (other GOOS, build tags), and
// cgo's originals: swept by syntax, since the type checker never saw them.

// excludedDecls returns, computed on first use, the package-level names
// declared by the package's build-excluded files: an import added under
// such a name would not compile in that other build.
func excludedDecls(pass *analysis.Pass) func() map[string]bool {
	var names map[string]bool
	return func() map[string]bool {
		if names != nil {
			return names
		}
		names = make(map[string]bool)
		for _, filename := range pass.IgnoredFiles {
			src, err := pass.ReadFile(filename)
			if err != nil || !strings.HasSuffix(filename, ".go") {
				continue
			}
			f, err := parser.ParseFile(token.NewFileSet(), filename, src, parser.SkipObjectResolution)
			if err != nil || f.Name.Name != pass.Pkg.Name() {
				continue
			}
			for _, d := range f.Decls {
				switch d := d.(type) {
				case *ast.FuncDecl:
					if d.Recv == nil {
						names[d.Name.Name] = true
					}
				case *ast.GenDecl:
					for _, spec := range d.Specs {
						switch spec := spec.(type) {
						case *ast.TypeSpec:
							names[spec.Name.Name] = true
						case *ast.ValueSpec:
							for _, n := range spec.Names {
								names[n.Name] = true
							}
						}
					}
				}
			}
		}
		return names
	}
}

// sweepIgnored plans a file that the build configuration excludes, by
// syntax alone: the parser's resolver leaves X unresolved in X.Sel when X
// is not declared inside the file, so it can only be the import.
//
// cgo says the file is the user's version of one that cgo rewrote.
func (sw *sweeper) sweepIgnored(filename string, cgo bool) {
	pass, excluded := sw.pass, sw.excluded
	f, err := sw.parseIgnored(filename)
	if err != nil {
		if f != nil && f.Name != nil {
			// The build never compiles it, so this is no build error,
			// but the user should know the file was not swept.
			if list, ok := err.(scanner.ErrorList); ok && len(list) > 0 {
				err = fmt.Errorf("line %d:%d: %s", list[0].Pos.Line, list[0].Pos.Column, list[0].Msg)
			}
			pass.Reportf(f.Name.Pos(), "excluded by build constraints and does not parse, so syncsweep left it: %v", err)
		}
		return
	}
	if skipFile(filename, f) {
		return
	}
	fi := sw.newFile(f, filename)
	defer sw.finish(fi)
	sw.pins.reportIn(fi, cgo)
	specs, dots := sourceSpecs(sw.rules, f)
	for _, spec := range dots {
		// Without types, the names the dot import brings cannot be
		// told from the file's own: report the import itself.
		fi.reportUnfixable(spec.Pos(), spec.End(), "dot import of %s bypasses the lock facade; syncsweep cannot tell its names apart without type information, so import it by name and run syncsweep -fix", spec.Path.Value)
	}
	facadeNames := make(map[string]bool)
	for _, spec := range f.Imports {
		if sw.isFacadePath(importPath(spec)) && localName(spec) != "." {
			facadeNames[localName(spec)] = true
		}
	}
	if len(specs) == 0 && len(facadeNames) == 0 {
		return
	}
	byName := make(map[string]*ast.ImportSpec)
	for _, spec := range specs {
		byName[localName(spec)] = spec
	}
	used := make(map[string]bool)     // every identifier outside selectors' Sel
	declared := make(map[string]bool) // names the file declares locally
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ImportSpec:
			return false
		case *ast.SelectorExpr:
			x, ok := n.X.(*ast.Ident)
			if !ok {
				return true
			}
			used[x.Name] = true
			if facadeNames[x.Name] && x.Obj == nil {
				sw.res.Facade++
			}
			spec, ok := byName[x.Name]
			if !ok || x.Obj != nil {
				return false
			}
			row, ok := sw.rules.Lookup(importPath(spec), n.Sel.Name)
			switch {
			case !ok:
			case row.Missing != "":
				fi.reportUnfixable(n.Pos(), n.End(), "%s.%s bypasses the lock facade and has no facade equivalent: %s", row.From, row.Name, row.Missing)
				ok = false
			case sw.rules.Guarded(row.From, row.Name) || row.Result == catalog.New:
				fi.reportUnfixable(n.Pos(), n.End(), "%s.%s bypasses the lock facade; this file is excluded by build constraints, and syncsweep moves %s only where type information proves every use", row.From, row.Name, row.Name)
				ok = false
			}
			if ok && (sw.pins.keeps(n) || sw.pins.keepsAt(pass.Fset, n)) {
				ok = false // its value reaches code that keeps sync
			}
			if !ok || !fi.addSite(site{sel: n, spec: spec, row: row}) {
				fi.residual[spec] = true
			}
			return false
		case *ast.Ident:
			used[n.Name] = true
			if n.Obj != nil {
				declared[n.Name] = true
			}
		}
		return true
	})
	fi.shadowed = func(g *group) bool { return declared[localName(g.existing)] }
	fi.taken = func(name string, g *group, gone map[*ast.ImportSpec]bool) bool {
		if pass.Pkg.Scope().Lookup(name) != nil || excluded()[name] {
			return true
		}
		if g.existing != nil && localName(g.existing) == name {
			return false
		}
		for _, spec := range f.Imports {
			if localName(spec) == name && !gone[spec] {
				return true
			}
		}
		if gone[byName[name]] {
			// The name stays bound as before, now to the facade.
			return false
		}
		return used[name]
	}
}
