package driver

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/packages"

	"github.com/syncsweep/syncsweep/catalog"
	"github.com/syncsweep/syncsweep/policy"
	"github.com/syncsweep/syncsweep/rewrite"
)

// compileCheck runs the check across the batches of one run (check.go has
// the type-checking itself).
type compileCheck struct {
	r         *run
	main      *checkState
	moves     func(types.Type) bool
	deferred  []string // external tests that import a later batch's packages
	took      time.Duration
	couldNot  []string // packages the check could not type-check, with why: nothing is written
	unchecked []string // build-excluded files no configuration here could check: said, not fatal
	broken    []string
	checked   int
	changed   int
	configs   []string // the other configurations checked, for -v
}

func (r *run) newCompileCheck() *compileCheck {
	r.newSrc = make(map[string][]byte)
	r.oldSrc = make(map[string][]byte)
	r.newAST = make(map[string]parsedFile)
	rules := r.Rules
	if rules == nil {
		rules, _ = policy.Policy{}.Compile() // the defaults always compile
	}
	moves := func(t types.Type) bool { return rewrite.Moves(rules, t) }
	return &compileCheck{
		r:     r,
		main:  newCheckState(r, "", r.Env, r.BuildFlags),
		moves: moves,
	}
}

func isDefaultFacade(module string) bool { return module == catalog.DefaultFacade }

// checkBatch checks what one batch's sweep changed, with the batch still
// in memory: its packages' types stand for everything the sweep left
// alone, and its syntax for the files it did not rewrite.
func (r *run) checkBatch(index int, pkgs []*packages.Package, planned []fileResult) {
	c := r.check
	start := time.Now()
	defer func() { c.took += time.Since(start) }()
	for _, res := range planned {
		r.newSrc[res.name] = res.new
		r.oldSrc[res.name] = res.old
	}
	defer clear(r.newAST) // parsed for this batch's check only
	cs := c.main
	// One batch: no later universe reads what this one checks.
	cs.keepExport = r.batchCount > 1
	cs.record(pkgs)
	base := make(map[string]*packages.Package)
	packages.Visit(pkgs, nil, func(p *packages.Package) { base[p.ID] = p })
	plain := make(map[string]*packages.Package)
	for _, p := range pkgs {
		if p.ForTest == "" {
			plain[p.PkgPath] = p
		}
	}
	u := cs.universe(base)
	var ids []string
	for _, p := range pkgs {
		if strings.HasSuffix(p.ID, ".test") || !r.loaded[p.ID] {
			continue
		}
		u.report[p.ID] = true
		if c.needs(cs, p, plain[p.PkgPath]) {
			ids = append(ids, p.ID)
		}
	}
	// The analysis is over: its type information would only double the
	// check's peak memory.
	for _, p := range pkgs {
		p.TypesInfo = nil
	}
	ids = c.shareTestVariants(u, pkgs, plain, ids)
	// Nor does the syntax of the packages not checked again.
	checked := make(map[string]bool, len(ids))
	for _, id := range ids {
		checked[id] = true
	}
	for _, p := range pkgs {
		if !checked[p.ID] {
			p.Syntax = nil
		}
	}
	var now []string
	for _, id := range cs.order(ids) {
		if c.waits(cs, id, index) {
			c.deferred = append(c.deferred, id)
			continue
		}
		now = append(now, id)
		u.recheck[id] = true
	}
	c.forceAll(u, now)
	for base, variant := range u.sameAs {
		// Later batches read the package as its variant was checked.
		if cs.done[variant] {
			cs.done[base] = true
			cs.newImports[base] = cs.newImports[variant]
			if data := cs.exports[variant]; data != nil {
				cs.exports[base] = data
			}
		}
	}
	if r.inspectUniverse != nil {
		r.inspectUniverse(u)
	}
}

// needs reports whether a package of the batch is checked: it has a
// rewritten file, or it uses the locks of a package that has, where their
// type matters. An in-package test variant is checked for its test files
// only, when the plain package is there to cover the others.
func (c *compileCheck) needs(cs *checkState, p, plainPkg *packages.Package) bool {
	files := p.Syntax
	if p.ForTest != "" && p.PkgPath == p.ForTest && plainPkg != nil {
		inPlain := make(map[string]bool)
		for _, f := range plainPkg.CompiledGoFiles {
			inPlain[f] = true
		}
		files = nil
		for _, f := range p.Syntax {
			name := c.r.fset.File(f.Pos()).Name()
			if inPlain[name] {
				continue
			}
			if c.r.newSrc[name] != nil {
				return true
			}
			files = append(files, f)
		}
		if len(files) == 0 {
			return false
		}
	} else if cs.changed(p.ID) {
		return true
	}
	for path := range lockUses(c.r.fset, p.TypesInfo, files, c.moves) {
		if id := cs.resolve(p.ID, path); id != "" && (cs.changed(id) || cs.done[id]) {
			return true
		}
	}
	return false
}

// shareTestVariants drops from ids each package whose in-package test
// variant is checked too, and lets the variant stand for it: the variant
// has every file of the package, so checking both would check those files
// twice. Its test files' extra declarations are invisible to importers,
// which compiled without them, unless they add methods to the package's
// types (which could satisfy an interface the plain package does not), so
// a variant whose test files declare methods does not stand in, nor one
// whose test files import packages the plain one does not (testImports).
func (c *compileCheck) shareTestVariants(u *universe, pkgs []*packages.Package, plain map[string]*packages.Package, ids []string) []string {
	want := make(map[string]bool, len(ids))
	for _, id := range ids {
		want[id] = true
	}
	for _, p := range pkgs {
		base := plain[p.PkgPath]
		if p.ForTest != p.PkgPath || base == nil || !want[p.ID] || !want[base.ID] {
			continue
		}
		inPlain := make(map[string]bool, len(base.CompiledGoFiles))
		for _, f := range base.CompiledGoFiles {
			inPlain[f] = true
		}
		if !addsMethods(c.r.fset, p.Syntax, inPlain) && !testImports(p, base) {
			u.sameAs[base.ID] = p.ID
			delete(want, base.ID)
		}
	}
	out := ids[:0]
	for _, id := range ids {
		if want[id] {
			out = append(out, id)
		}
	}
	return out
}

// testImports reports whether a test variant imports a package, other
// than a standard one, that the plain package does not: standing for the
// plain package, the variant would bring that import into every importer's
// graph, where it can close a cycle (tsdb's tests import storage/remote,
// whose tests import scrape, whose tests reach tsdb).
func testImports(variant, plain *packages.Package) bool {
	for path := range variant.Imports {
		if _, ok := plain.Imports[path]; !ok && !catalog.IsStd(path) {
			return true
		}
	}
	return false
}

// addsMethods reports whether the test files among files (those not in
// inPlain) declare a method on a type that a non-test file declares.
func addsMethods(fset *token.FileSet, files []*ast.File, inPlain map[string]bool) bool {
	own := make(map[string]bool) // types the test files declare
	var recvs []string
	for _, f := range files {
		if inPlain[fset.File(f.Pos()).Name()] {
			continue
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					if ts, ok := spec.(*ast.TypeSpec); ok {
						own[ts.Name.Name] = true
					}
				}
			case *ast.FuncDecl:
				if d.Recv != nil && len(d.Recv.List) == 1 {
					recvs = append(recvs, recvName(d.Recv.List[0].Type))
				}
			}
		}
	}
	for _, name := range recvs {
		if !own[name] {
			return true
		}
	}
	return false
}

// recvName returns the name of a receiver's base type (T in *T[K]).
func recvName(e ast.Expr) string {
	for {
		switch x := e.(type) {
		case *ast.StarExpr:
			e = x.X
		case *ast.ParenExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.IndexListExpr:
			e = x.X
		case *ast.Ident:
			return x.Name
		default:
			return ""
		}
	}
}

// resolve returns the ID that path means among the packages that id
// imports, directly or not (or id itself).
func (cs *checkState) resolve(id, path string) string {
	seen := map[string]bool{id: true}
	queue := []string{id}
	for len(queue) > 0 {
		x := queue[0]
		queue = queue[1:]
		m := cs.meta[x]
		if m == nil {
			continue
		}
		if m.path == path {
			return x
		}
		for _, dep := range m.imports {
			if !seen[dep] {
				seen[dep] = true
				queue = append(queue, dep)
			}
		}
	}
	return ""
}

// waits reports whether a test variant imports, directly or not, a
// package whose own sweep comes in a later batch (batches follow the
// packages' imports, not their tests'): it is checked after the last one,
// when every file's new text is known.
func (c *compileCheck) waits(cs *checkState, id string, index int) bool {
	m := cs.meta[id]
	if m == nil || m.forTest == "" {
		return false
	}
	seen := map[string]bool{id: true}
	queue := []string{id}
	for len(queue) > 0 {
		x := queue[0]
		queue = queue[1:]
		for _, dep := range cs.meta[x].imports {
			d := cs.meta[dep]
			if seen[dep] || d == nil {
				continue
			}
			seen[dep] = true
			if b, ok := c.r.batchOf[strings.TrimSuffix(d.path, "_test")]; ok && b > index {
				return true
			}
			queue = append(queue, dep)
		}
	}
	return false
}

// force type-checks a package from source in u, whether or not it
// changed (it is in u.recheck), unless a goroutine did already.
func (c *compileCheck) force(u *universe, id string) {
	if _, err := u.get(id, ""); err != nil {
		u.mu.Lock()
		u.cs.couldNot = append(u.cs.couldNot, fmt.Sprintf("\t%s: %v", id, err))
		u.mu.Unlock()
	}
}

// forceAll checks ids, in import order, on every CPU: a package waits in
// get for the packages it imports that another goroutine is checking.
func (c *compileCheck) forceAll(u *universe, ids []string) {
	inParallel(len(ids), func(i int) { c.force(u, ids[i]) })
}

// inParallel calls f(0), ..., f(n-1) on every CPU, handing the indexes
// out in order, and returns when all have returned.
func inParallel(n int, f func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// finish completes the check after the last batch and reports whether
// the result compiles. Without a check it reports true.
func (c *compileCheck) finish() bool {
	if c == nil {
		return true
	}
	start := time.Now()
	cs := c.main
	if len(c.deferred) > 0 {
		u := cs.universe(nil)
		for _, id := range c.deferred {
			u.report[id] = true
			u.recheck[id] = true
		}
		c.forceAll(u, cs.order(c.deferred))
	}
	c.absorb(cs)
	c.checkExcluded()
	c.took += time.Since(start)
	r := c.r
	if r.Verbose {
		fmt.Fprintf(r.Stderr, "syncsweep: checked that the result compiles: %d packages type-checked again (%d with rewritten files) in %v\n",
			c.checked, c.changed, c.took.Round(time.Millisecond))
		for _, cfg := range c.configs {
			fmt.Fprintf(r.Stderr, "syncsweep: \t%s\n", cfg)
		}
	}
	if len(c.unchecked) > 0 {
		sort.Strings(c.unchecked)
		fmt.Fprintf(r.Stderr, "syncsweep: not type-checked (their build is not this one, and no configuration syncsweep tried includes them here):\n%s\n", strings.Join(c.unchecked, "\n"))
	}
	ok := true
	if len(c.couldNot) > 0 {
		sort.Strings(c.couldNot)
		r.errorf("could not check that the swept code compiles:\n%s", strings.Join(c.couldNot, "\n"))
		ok = false
	}
	if len(c.broken) > 0 {
		sort.Strings(c.broken)
		head := "nothing written: after the sweep, these packages would not compile"
		if r.Diff {
			head = "after this sweep, these packages would not compile, so -fix would write nothing"
		}
		r.errorf("%s:\n%s\n"+
			"Usually a lock is handed to code that wants the sync type itself and that syncsweep could not\n"+
			"see (another package's function whose parameter stays on sync); keep that declaration on sync\n"+
			"too (//syncsweep:allow <reason>) or change the code, then run again.",
			head, strings.Join(c.broken, "\n"))
		ok = false
	}
	if !ok && !r.Diff {
		fmt.Fprintln(r.Stderr, "syncsweep: -verify=false writes the files anyway")
	}
	return ok
}

// absorb adds one configuration's findings to the run's.
func (c *compileCheck) absorb(cs *checkState) {
	suffix := ""
	if cs.label != "" {
		suffix = " (" + cs.label + ")"
	}
	for _, b := range cs.broken {
		c.broken = append(c.broken, b+suffix)
	}
	for _, b := range cs.couldNot {
		if cs.label != "" {
			// Another platform's packages may not load here at all
			// (a dependency only that platform needs): say so, and
			// let the files through as the run's own build allows.
			c.unchecked = append(c.unchecked, b+suffix)
			continue
		}
		c.couldNot = append(c.couldNot, b+suffix)
	}
	c.checked += cs.checked
	c.changed += cs.changedPkgs
}
