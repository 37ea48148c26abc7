package rewrite

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/types"
	"strings"
)

// Build-excluded files (another GOOS, build tags) are swept by syntax, but
// the rule that a lock reaching unrewritten code stays holds for them too:
// a lock handed to a generated function only in app_windows.go stays on
// every build. When such files hold sites, the package is type-checked
// once more, with them, and that check's flows join the graph.

type parsedFile struct {
	f   *ast.File
	err error
}

// parseIgnored parses a file that the build excludes, once: the pinning
// and sweepIgnored share its syntax, so that the sites they see are the
// same nodes, and its directives the same counters.
func (sw *sweeper) parseIgnored(filename string) (*ast.File, error) {
	if p, ok := sw.parsed[filename]; ok {
		return p.f, p.err
	}
	var p parsedFile
	src, err := sw.readFile(filename)
	if err != nil {
		p.err = err
	} else {
		p.f, p.err = parser.ParseFile(sw.pass.Fset, filename, src, parser.ParseComments)
	}
	if sw.parsed == nil {
		sw.parsed = make(map[string]parsedFile)
	}
	sw.parsed[filename] = p
	return p.f, p.err
}

// excludedFiles returns the build-excluded .go files of this package
// (same package clause) that parse, and whether any that the sweep
// rewrites holds a site or uses one of the package's locks.
func (sw *sweeper) excludedFiles() (files []*ast.File, withSites bool) {
	for _, name := range sw.pass.IgnoredFiles {
		if !strings.HasSuffix(name, ".go") {
			continue
		}
		f, err := sw.parseIgnored(name)
		if err != nil || f.Name.Name != sw.pass.Pkg.Name() {
			continue
		}
		files = append(files, f)
		if !withSites && !skipFile(name, f) && (sw.holdsSites(f) || sw.usesLocks(f)) {
			withSites = true
		}
	}
	if !withSites {
		return nil, false
	}
	return files, true
}

// usesLocks reports, from syntax, whether a file uses a package-level
// object of this build's package whose type moves (or a type whose fields
// or methods hold one): a file without a lock type of its own can still
// hand the package's locks to code that keeps sync.
func (sw *sweeper) usesLocks(f *ast.File) bool {
	scope := sw.pass.Pkg.Scope()
	found := false
	ast.Inspect(f, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if found || !ok {
			return !found
		}
		if id.Obj != nil {
			return true // declared in the file itself
		}
		obj := scope.Lookup(id.Name)
		if obj == nil {
			return true
		}
		t := obj.Type()
		if tn, ok := obj.(*types.TypeName); ok {
			t = tn.Type().Underlying()
		}
		found = movesType(sw.rules, t, nil)
		return !found
	})
	return found
}

// holdsSites reports, from syntax, whether a file names a lock type that
// moves, or dot-imports a catalogued package.
func (sw *sweeper) holdsSites(f *ast.File) bool {
	specs, dots := sourceSpecs(sw.rules, f)
	if len(dots) > 0 {
		return true
	}
	if len(specs) == 0 {
		return false
	}
	byName := make(map[string]string)
	for _, spec := range specs {
		byName[localName(spec)] = importPath(spec)
	}
	found := false
	ast.Inspect(f, func(n ast.Node) bool {
		if found {
			return false
		}
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		if x, ok := sel.X.(*ast.Ident); ok && x.Obj == nil {
			if p, ok := byName[x.Name]; ok {
				row, ok := sw.rules.Lookup(p, sel.Sel.Name)
				found = ok && rowMoves(sw.rules, row)
			}
		}
		return true
	})
	return found
}

// checkExcluded type-checks a throwaway package made of the pass's files
// and the excluded ones. Imports resolve to the packages this build
// already has; the rest fail, and every error is ignored: the checker
// recovers (a redeclared name keeps its first declaration, an unknown
// import's names are invalid) and types most expressions all the same.
func (sw *sweeper) checkExcluded(excluded []*ast.File) (*types.Package, *types.Info) {
	deps := make(map[string]*types.Package)
	var add func(p *types.Package)
	add = func(p *types.Package) {
		if deps[p.Path()] != nil {
			return
		}
		deps[p.Path()] = p
		for _, q := range p.Imports() {
			add(q)
		}
	}
	for _, p := range sw.pass.Pkg.Imports() {
		add(p)
	}
	conf := types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if p := deps[path]; p != nil {
				return p, nil
			}
			return nil, fmt.Errorf("%s is not imported by this build", path)
		}),
		FakeImportC: true,
		Error:       func(error) {},
		Sizes:       sw.pass.TypesSizes,
		GoVersion:   sw.pass.Pkg.GoVersion(),
	}
	info := &types.Info{
		Types:      make(map[ast.Expr]types.TypeAndValue),
		Defs:       make(map[*ast.Ident]types.Object),
		Uses:       make(map[*ast.Ident]types.Object),
		Implicits:  make(map[ast.Node]types.Object),
		Selections: make(map[*ast.SelectorExpr]*types.Selection),
		Instances:  make(map[*ast.Ident]types.Instance),
	}
	// The typed files' function bodies are walked with the pass's own
	// types; here only their declarations matter, so they go without.
	files := make([]*ast.File, 0, len(sw.pass.Files)+len(excluded))
	for _, f := range sw.pass.Files {
		files = append(files, withoutBodies(f))
	}
	files = append(files, excluded...)
	pkg, _ := conf.Check(sw.pass.Pkg.Path(), sw.pass.Fset, files, info)
	return pkg, info
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// withoutBodies returns a shallow copy of f whose functions have no
// bodies; every other node is f's own.
func withoutBodies(f *ast.File) *ast.File {
	g := *f
	g.Decls = make([]ast.Decl, len(f.Decls))
	for i, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
			c := *fd
			c.Body = nil
			d = &c
		}
		g.Decls[i] = d
	}
	return &g
}
