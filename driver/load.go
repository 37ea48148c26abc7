package driver

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/syncsweep/syncsweep/rewrite"
)

// parseFile is go/packages' default parser, plus a fingerprint of the
// bytes it parsed: -fix refuses a file that changed on disk since.
func (r *run) parseFile(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
	sum := sha256.Sum256(src)
	r.mu.Lock()
	if r.parsed == nil {
		r.parsed = make(map[string][sha256.Size]byte)
	}
	r.parsed[filename] = sum
	r.mu.Unlock()
	return parser.ParseFile(fset, filename, src, parser.AllErrors|parser.ParseComments)
}

// progress returns a copy of a that counts the packages it has run on,
// and a function that stops the display.
func (r *run) progress(a *analysis.Analyzer, total int) (*analysis.Analyzer, func()) {
	var done atomic.Int64
	counted := *a
	counted.Run = func(pass *analysis.Pass) (any, error) {
		defer done.Add(1)
		return a.Run(pass)
	}
	quit := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-quit:
				fmt.Fprint(r.Stderr, "\r\033[K") // clear the line
				return
			case <-tick.C:
				fmt.Fprintf(r.Stderr, "\rsyncsweep: %d/%d packages", done.Load(), total)
			}
		}
	}()
	var once sync.Once
	return &counted, func() { once.Do(func() { close(quit); <-finished }) }
}

// defaultBatchFiles bounds the Go files type-checked at once: the heap is
// mostly syntax and type information, so this bounds the peak memory of a
// large tree, at the cost of one go list per batch (and of the go list that
// plans them). Most modules fit in one batch, which costs what one
// type-check of the tree costs.
const defaultBatchFiles = 3000

// plan lists the packages (no type-checking) and cuts them into batches
// of whole packages, each with its test variants, that load and analyze
// one after the other. The packages' paths are the batches' patterns; when
// the patterns name files (command-line-arguments), there is one batch.
// Packages come after the packages they import, so that the compile check
// of a batch knows what the sweep did to every swept dependency.
func (r *run) plan() ([][]string, error) {
	r.fset = token.NewFileSet()
	r.blocked = make(map[string]bool)
	r.loaded = make(map[string]bool)
	r.broken = make(map[string]bool)
	r.total = make(map[string]bool)
	r.swept = make(map[string]bool)
	r.batchOf = make(map[string]int)
	limit := r.BatchFiles
	if limit == 0 {
		limit = defaultBatchFiles
	}
	if n, ok := r.countFiles(); ok && n <= limit {
		// One batch: no listing to plan it. The load fills in what
		// the listing would have (see noteRoots).
		r.oneBatch = true
		return [][]string{r.Patterns}, nil
	}
	cfg := &packages.Config{
		Mode:       packages.NeedName | packages.NeedFiles | packages.NeedForTest | packages.NeedImports,
		Dir:        r.Dir,
		Env:        r.Env,
		BuildFlags: r.BuildFlags,
		Tests:      r.Tests,
	}
	list, err := packages.Load(cfg, r.Patterns...)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, fmt.Errorf("no packages match %s", strings.Join(r.Patterns, " "))
	}
	files := make(map[string]int)
	var paths []string
	hasPkg := make(map[string]bool) // a package besides its external test
	dirOf := make(map[string]string)
	deps := make(map[string][]string) // path -> the paths it imports
	for _, p := range list {
		if strings.HasSuffix(p.ID, ".test") {
			continue
		}
		if p.PkgPath == "command-line-arguments" || p.PkgPath == "" {
			return [][]string{r.Patterns}, nil
		}
		r.swept[p.PkgPath] = true
		if len(p.GoFiles) == 0 {
			// A directory with external tests only (its test
			// package has the files), or a broken listing: it is
			// loaded with its directory or fails there.
			continue
		}
		path := strings.TrimSuffix(p.PkgPath, "_test")
		if p.ForTest != "" && p.ForTest != path {
			continue // a package recompiled for another's test
		}
		if _, ok := files[path]; !ok {
			paths = append(paths, path)
		}
		if p.ForTest == "" && p.PkgPath == path {
			for _, imp := range p.Imports {
				deps[path] = append(deps[path], imp.PkgPath)
			}
		}
		files[path] += len(p.GoFiles)
		hasPkg[path] = hasPkg[path] || p.PkgPath == path
		dirOf[path] = filepath.Dir(p.GoFiles[0])
	}
	paths = importOrder(paths, deps)
	var batches [][]string
	var batch []string
	n := 0
	for _, path := range paths {
		if len(batch) > 0 && n+files[path] > limit {
			batches = append(batches, batch)
			batch, n = nil, 0
		}
		r.batchOf[path] = len(batches)
		// A directory of external tests only has no import path to
		// name it by; its directory names it.
		n += files[path]
		if !hasPkg[path] {
			path = dirOf[path]
		}
		batch = append(batch, path)
	}
	if len(batch) > 0 {
		batches = append(batches, batch)
	}
	return batches, nil
}

// countFiles counts, without the go command, the Go files the patterns
// can name, when every pattern is a directory (./x, ./x/...): enough to
// know that they fit in one batch. It walks as go list does, skipping
// testdata, vendor, directories whose names start with . or _, and nested
// modules.
func (r *run) countFiles() (int, bool) {
	base := r.Dir
	if base == "" {
		base = "."
	}
	n := 0
	for _, pat := range r.Patterns {
		dir, recursive := strings.CutSuffix(pat, "/...")
		if pat == "..." {
			dir, recursive = ".", true
		}
		if !filepath.IsAbs(dir) && dir != "." && !strings.HasPrefix(dir, "./") && !strings.HasPrefix(dir, "../") {
			return 0, false // an import path, a file, std, all...
		}
		if strings.Contains(dir, "...") {
			return 0, false
		}
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(base, dir)
		}
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if path == dir {
					return nil
				}
				name := d.Name()
				if !recursive || name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
					return filepath.SkipDir
				}
				if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
					return filepath.SkipDir
				}
				return nil
			}
			if strings.HasSuffix(path, ".go") {
				n++
			}
			return nil
		})
		if err != nil {
			return 0, false
		}
	}
	return n, true
}

// noteRoots records, for a batch loaded without a plan, what plan would
// have: the packages the patterns name.
func (r *run) noteRoots(pkgs []*packages.Package) {
	for _, p := range pkgs {
		if strings.HasSuffix(p.ID, ".test") || p.PkgPath == "" {
			continue
		}
		r.swept[p.PkgPath] = true
		r.batchOf[strings.TrimSuffix(p.PkgPath, "_test")] = 0
	}
}

// importOrder sorts paths so that each comes after the paths it imports
// (test imports aside: they may point back), keeping go list's order
// where imports do not decide.
func importOrder(paths []string, deps map[string][]string) []string {
	want := make(map[string]bool, len(paths))
	for _, p := range paths {
		want[p] = true
	}
	done := make(map[string]bool, len(paths))
	out := make([]string, 0, len(paths))
	var visit func(p string)
	visit = func(p string) {
		if done[p] || !want[p] {
			return
		}
		done[p] = true
		for _, d := range deps[p] {
			visit(d)
		}
		out = append(out, p)
	}
	for _, p := range paths {
		visit(p)
	}
	return out
}

// analyzeBatch loads one batch with syntax and types, runs the analyzer on
// the packages that load, and keeps only what outlives the batch: the
// findings, the results, and (for -json) the checker's JSON.
func (r *run) analyzeBatch(patterns []string, jsonTree map[string]map[string]json.RawMessage) ([]found, []pkgResult, []*packages.Package, bool) {
	pkgs, err := r.load(patterns)
	if err != nil {
		r.errorf("%v", err)
		return nil, nil, nil, false
	}
	if r.oneBatch {
		r.noteRoots(pkgs)
	}
	good := r.triage(pkgs)
	if len(good) == 0 {
		return nil, nil, pkgs, true
	}
	a, stop := r.Analyzer, func() {}
	if r.Progress {
		a, stop = r.progress(a, len(good))
	}
	roots := []*analysis.Analyzer{a}
	if !r.Fix && !r.Diff && !r.Stats {
		roots = append(roots, r.Checks...)
	}
	graph, err := checker.Analyze(roots, good, nil)
	stop()
	if r.AfterAnalysis != nil {
		r.AfterAnalysis()
	}
	if err != nil {
		r.errorf("%v", err)
		return nil, nil, nil, false
	}
	var diags []found
	var results []pkgResult
	for act := range graph.All() {
		if !act.IsRoot {
			continue
		}
		if act.Err != nil {
			r.errorf("%s: %v", act.Package.PkgPath, act.Err)
			continue
		}
		for _, d := range act.Diagnostics {
			diags = append(diags, found{pkgID: act.Package.ID, module: act.Package.Module, diag: d})
		}
		if res, ok := act.Result.(*rewrite.Result); ok {
			pr := pkgResult{path: act.Package.PkgPath, res: res, name: act.Package.Name, module: act.Package.Module}
			if len(act.Package.GoFiles) > 0 {
				pr.dir = filepath.Dir(act.Package.GoFiles[0])
			}
			pr.test = strings.Contains(act.Package.ID, " [") || strings.HasSuffix(act.Package.PkgPath, "_test")
			results = append(results, pr)
		}
	}
	if r.JSON {
		var buf bytes.Buffer
		var tree map[string]map[string]json.RawMessage
		err := graph.PrintJSON(&buf)
		if err == nil {
			err = json.Unmarshal(buf.Bytes(), &tree)
		}
		if err != nil {
			r.errorf("%v", err)
		}
		for id, m := range tree {
			jsonTree[id] = m
		}
	}
	return diags, results, pkgs, true
}

func (r *run) load(patterns []string) ([]*packages.Package, error) {
	cfg := &packages.Config{
		// NeedExportFile costs nothing more: go list -export already
		// runs for the dependencies' types. The compile check reads it.
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
			packages.NeedImports | packages.NeedTypes | packages.NeedTypesInfo |
			packages.NeedSyntax | packages.NeedTypesSizes | packages.NeedModule | packages.NeedForTest |
			packages.NeedExportFile,
		Dir:        r.Dir,
		Env:        r.Env,
		BuildFlags: r.BuildFlags,
		Tests:      r.Tests,
		Fset:       r.fset,
		ParseFile:  r.parseFile,
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, err
	}
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("no packages match %s", strings.Join(patterns, " "))
	}
	return pkgs, nil
}

// triage drops test mains and the plain variants that a test variant
// covers, names every broken package with its first error, and returns the
// packages to analyze.
func (r *run) triage(pkgs []*packages.Package) []*packages.Package {
	hasTestVariant := make(map[string]bool)
	for _, p := range pkgs {
		if p.ForTest != "" && p.PkgPath == p.ForTest {
			hasTestVariant[p.PkgPath] = true
		}
	}
	var good []*packages.Package
	for _, p := range pkgs {
		if strings.HasSuffix(p.ID, ".test") {
			continue // the generated test main
		}
		r.total[strings.TrimSuffix(p.PkgPath, "_test")] = true
		if len(p.Errors) > 0 || p.IllTyped {
			r.broken[strings.TrimSuffix(p.PkgPath, "_test")] = true
			r.errorf("package %s left untouched: %s", p.ID, r.firstError(p))
			for _, list := range [][]string{p.GoFiles, p.CompiledGoFiles, p.IgnoredFiles, p.OtherFiles} {
				for _, f := range list {
					r.blocked[f] = true
				}
			}
			continue
		}
		r.loaded[p.ID] = true
		if p.ForTest == "" && hasTestVariant[p.PkgPath] {
			continue // "p [p.test]" has every file of p
		}
		good = append(good, p)
	}
	return good
}

// firstError returns the most telling error of a broken package, on one
// line.
func (r *run) firstError(p *packages.Package) string {
	// The go command's and the parser's errors come first: a type error
	// is often their consequence.
	for _, kind := range []packages.ErrorKind{packages.ListError, packages.ParseError} {
		for _, e := range p.Errors {
			if e.Kind == kind {
				return r.formatError(e)
			}
		}
	}
	// Then a dependency that failed (runtime/cgo without a C compiler, a
	// package that does not build): the type errors here only echo it.
	paths := make([]string, 0, len(p.Imports))
	for path := range p.Imports {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	for _, path := range paths {
		if imp := p.Imports[path]; len(imp.Errors) > 0 {
			return "it imports " + path + ", which does not load: " + r.formatError(imp.Errors[0])
		}
	}
	if len(p.Errors) > 0 {
		return r.formatError(p.Errors[0])
	}
	for _, path := range paths {
		if p.Imports[path].IllTyped {
			return "it imports " + path + ", which does not type-check"
		}
	}
	return "it does not type-check"
}

// formatError returns an error on one line. Errors that come from the go
// command carry a "# pkg" header and several lines.
func (r *run) formatError(e packages.Error) string {
	for _, line := range strings.Split(e.Msg, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "# ") {
			continue
		}
		if e.Pos != "" && e.Pos != "-" {
			return r.relPos(e.Pos) + ": " + line
		}
		return line
	}
	return e.Error()
}

// relPos shortens the file name in a "file:line:col" position.
func (r *run) relPos(pos string) string {
	if i := strings.Index(pos, ".go:"); i >= 0 {
		return r.rel(pos[:i+3]) + pos[i+3:]
	}
	return pos
}
