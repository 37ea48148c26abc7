// Package driver runs the sweep over a workspace: it loads packages, runs
// the analyzer on those that type-check, and reports, previews or applies
// the fixes, file by file, atomically.
//
// It differs from the stock go/analysis checker in what bad input does: a
// package that fails to load is named with its first error and none of its
// files is written, while the rest of the workspace is still swept.
package driver

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"golang.org/x/mod/modfile"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/syncsweep/syncsweep/rewrite"
)

// Exit codes, as go vet and go fix use them.
const (
	ExitClean    = 0 // nothing found, or everything fixed
	ExitError    = 1 // something could not be loaded, fixed or written; or -diff found changes
	ExitFindings = 3 // findings reported (or left after -fix)
)

// Options configures one run.
type Options struct {
	Analyzer   *analysis.Analyzer
	Patterns   []string
	Dir        string   // working directory for loading ("" = current)
	Env        []string // environment for the go command (nil = os.Environ())
	BuildFlags []string
	Tests      bool // also sweep test files
	Fix        bool // rewrite files in place
	Diff       bool // print a unified diff instead of writing
	JSON       bool // print findings as JSON
	// Tidy runs go mod tidy (and go mod vendor, where the module vendors)
	// in each module that -fix wrote to; without it the driver only says
	// when go mod tidy would drop a third-party lock module.
	Tidy bool
	// FacadeModule is the module path the rewritten code will need; the
	// driver says how to add it when a module lacks it (empty: no hint).
	FacadeModule string
	// Verify type-checks the swept workspace (in memory, before any
	// write) and writes nothing if a package that loaded before would no
	// longer compile.
	Verify bool
	// Verbose says why the result is being type-checked.
	Verbose bool
	// AfterAnalysis, if set, is called when the analysis is done and
	// every package is still in memory (for heap profiles).
	AfterAnalysis func()
	// Progress shows packages done/total on Stderr while the analysis
	// runs (the CLI turns it on when Stderr is a terminal).
	Progress bool
	// BatchFiles bounds how many Go files are type-checked at once
	// (0: a default of a few hundred), which bounds peak memory.
	BatchFiles int
	// Stats prints a per-package table of direct uses left, facade uses
	// and //syncsweep:allow directives instead of the findings (JSON with
	// JSON). The analyzer's result must be a *rewrite.Result.
	Stats  bool
	Stdout io.Writer
	Stderr io.Writer
}

// Run sweeps the packages and returns the process exit code.
func Run(opts Options) int {
	if opts.Stdout == nil {
		opts.Stdout = os.Stdout
	}
	if opts.Stderr == nil {
		opts.Stderr = os.Stderr
	}
	r := &run{Options: opts}
	return r.do()
}

type run struct {
	Options
	fset        *token.FileSet
	failed      bool            // something went wrong: exit 1
	findings    int             // diagnostics reported or left
	blocked     map[string]bool // files that belong to a broken package
	loaded      map[string]bool // IDs of the packages that loaded cleanly
	swept       map[string]bool // paths of every package the patterns name
	hazard      bool            // mayBreak said so for some batch
	batches     [][]string      // the patterns of each batch, from plan
	lockFrom    map[string]bool // swept packages whose lock-typed objects are used
	results     []pkgResult     // the analyzer's, when it returns a *rewrite.Result
	broken      map[string]bool // package paths left untouched
	interrupted bool            // a signal stopped the writes
	total       map[string]bool // package paths loaded

	mu     sync.Mutex                   // guards parsed
	parsed map[string][sha256.Size]byte // file -> hash of the content parsed
}

func (r *run) errorf(format string, args ...any) {
	r.failed = true
	fmt.Fprintf(r.Stderr, "syncsweep: "+format+"\n", args...)
}

func (r *run) do() int {
	if r.Progress {
		fmt.Fprint(r.Stderr, "syncsweep: loading packages...")
	}
	batches, err := r.plan()
	r.batches = batches
	if r.Progress {
		fmt.Fprint(r.Stderr, "\r\033[K")
	}
	if err != nil {
		r.errorf("%v", err)
		return ExitError
	}
	var diags []found
	var results []pkgResult
	jsonTree := make(map[string]map[string]json.RawMessage)
	for _, batch := range batches {
		d, res, ok := r.analyzeBatch(batch, jsonTree)
		if !ok {
			return ExitError
		}
		diags = append(diags, d...)
		results = append(results, res...)
		if len(batches) > 1 {
			// The batch's syntax, types and dependencies' export data
			// are garbage now: collect them before the next batch
			// allocates its own, so the two never add up.
			debug.FreeOSMemory()
		}
	}
	diags = r.dedupe(diags)
	r.results = results
	switch {
	case r.Stats:
		r.printStats(results)
	case r.Fix || r.Diff:
		r.applyFixes(diags)
	case r.JSON:
		// go vet -json's shape: each batch's from the checker itself
		// (checker.Graph.PrintJSON), merged.
		data, err := json.MarshalIndent(jsonTree, "", "\t")
		if err != nil {
			r.errorf("%v", err)
		}
		fmt.Fprintf(r.Stdout, "%s\n", data)
		r.findings = len(diags)
	default:
		for _, d := range diags {
			fmt.Fprintf(r.Stdout, "%s: %s\n", r.posn(d.diag.Pos), d.diag.Message)
		}
		r.findings = len(diags)
	}
	if n := len(r.broken); n > 0 {
		fmt.Fprintf(r.Stderr, "syncsweep: %d of %d packages left untouched (each named above with its first error); the other %d were swept\n",
			n, len(r.total), len(r.total)-n)
	}
	switch {
	case r.failed:
		return ExitError
	case r.findings > 0:
		return ExitFindings
	}
	return ExitClean
}

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
// large tree, at the cost of one go list per batch.
const defaultBatchFiles = 300

// plan lists the packages (no type-checking) and cuts them into batches
// of whole packages, each with its test variants, that load and analyze
// one after the other. The packages' paths are the batches' patterns; when
// the patterns name files (command-line-arguments), there is one batch.
func (r *run) plan() ([][]string, error) {
	r.fset = token.NewFileSet()
	r.blocked = make(map[string]bool)
	r.loaded = make(map[string]bool)
	r.broken = make(map[string]bool)
	r.total = make(map[string]bool)
	cfg := &packages.Config{
		Mode:       packages.NeedName | packages.NeedFiles | packages.NeedForTest,
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
	limit := r.BatchFiles
	if limit == 0 {
		limit = defaultBatchFiles
	}
	files := make(map[string]int)
	var paths []string
	hasPkg := make(map[string]bool) // a package besides its external test
	dirOf := make(map[string]string)
	r.swept = make(map[string]bool)
	r.lockFrom = make(map[string]bool)
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
		files[path] += len(p.GoFiles)
		hasPkg[path] = hasPkg[path] || p.PkgPath == path
		dirOf[path] = filepath.Dir(p.GoFiles[0])
	}
	var batches [][]string
	var batch []string
	n := 0
	for _, path := range paths {
		if len(batch) > 0 && n+files[path] > limit {
			batches = append(batches, batch)
			batch, n = nil, 0
		}
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

// analyzeBatch loads one batch with syntax and types, runs the analyzer on
// the packages that load, and keeps only what outlives the batch: the
// findings, the results, and (for -json) the checker's JSON.
func (r *run) analyzeBatch(patterns []string, jsonTree map[string]map[string]json.RawMessage) ([]found, []pkgResult, bool) {
	pkgs, err := r.load(patterns)
	if err != nil {
		r.errorf("%v", err)
		return nil, nil, false
	}
	good := r.triage(pkgs)
	if len(good) == 0 {
		return nil, nil, true
	}
	if r.Fix && r.Verify && !r.hazard {
		r.hazard = r.mayBreak(good)
	}
	a, stop := r.Analyzer, func() {}
	if r.Progress {
		a, stop = r.progress(a, len(good))
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, good, nil)
	stop()
	if r.AfterAnalysis != nil {
		r.AfterAnalysis()
	}
	if err != nil {
		r.errorf("%v", err)
		return nil, nil, false
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
			results = append(results, pkgResult{act.Package.PkgPath, res})
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
	return diags, results, true
}

func (r *run) load(patterns []string) ([]*packages.Package, error) {
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
			packages.NeedImports | packages.NeedTypes | packages.NeedTypesInfo |
			packages.NeedSyntax | packages.NeedTypesSizes | packages.NeedModule | packages.NeedForTest,
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

// found is a finding, without its package (which a batch drops).
type found struct {
	pkgID  string
	module *packages.Module
	diag   analysis.Diagnostic
}

// dedupe sorts findings by position and drops repeats, which arise when
// the same file is analyzed in more than one package variant.
func (r *run) dedupe(diags []found) []found {
	sort.SliceStable(diags, func(i, j int) bool {
		pi, pj := r.fset.Position(diags[i].diag.Pos), r.fset.Position(diags[j].diag.Pos)
		if pi.Filename != pj.Filename {
			return pi.Filename < pj.Filename
		}
		if pi.Offset != pj.Offset {
			return pi.Offset < pj.Offset
		}
		return diags[i].diag.Message < diags[j].diag.Message
	})
	var out []found
	for i, d := range diags {
		if i > 0 {
			prev := diags[i-1]
			if r.fset.Position(prev.diag.Pos) == r.fset.Position(d.diag.Pos) && prev.diag.Message == d.diag.Message {
				continue
			}
		}
		out = append(out, d)
	}
	return out
}

// posn formats a position relative to the working directory when it is
// inside it, as go vet does.
func (r *run) posn(pos token.Pos) string {
	p := r.fset.Position(pos)
	p.Filename = r.rel(p.Filename)
	return p.String()
}

func (r *run) rel(name string) string {
	wd := r.Dir
	if wd == "" {
		wd, _ = os.Getwd()
	}
	if rel, err := filepath.Rel(wd, name); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return name
}

// An edit is one text replacement in one file, in byte offsets.
type edit struct {
	start, end int
	text       string
}

// applyFixes gathers the first fix of every finding, applies them file by
// file (a file with conflicting edits is refused whole), checks that each
// result parses and formats, and then prints diffs or writes files.
func (r *run) applyFixes(diags []found) {
	byFile := make(map[string][]edit)
	moduleOf := make(map[string]*packages.Module)
	for _, d := range diags {
		if len(d.diag.SuggestedFixes) == 0 {
			// Nothing to apply: the finding stays, and is shown.
			fmt.Fprintf(r.Stderr, "%s: %s (no automatic fix)\n", r.posn(d.diag.Pos), d.diag.Message)
			r.findings++
			continue
		}
		for _, te := range d.diag.SuggestedFixes[0].TextEdits {
			tf := r.fset.File(te.Pos)
			end := te.End
			if !end.IsValid() {
				end = te.Pos
			}
			name := tf.Name()
			byFile[name] = append(byFile[name], edit{tf.Offset(te.Pos), tf.Offset(end), string(te.NewText)})
			moduleOf[name] = d.module
		}
	}
	names := make([]string, 0, len(byFile))
	for name := range byFile {
		names = append(names, name)
	}
	sort.Strings(names)

	type result struct {
		name     string
		old, new []byte
		mode     os.FileMode
	}
	var results []result
	for _, name := range names {
		if r.blocked[name] {
			// Shared with a package that does not load: leave it.
			r.errorf("%s: not rewritten: it belongs to a package that does not load", r.rel(name))
			continue
		}
		fi, err := os.Stat(name)
		if err != nil {
			r.errorf("%v", err)
			continue
		}
		old, err := os.ReadFile(name)
		if err != nil {
			r.errorf("%v", err)
			continue
		}
		if sum, ok := r.parsed[name]; ok && sum != sha256.Sum256(old) {
			r.errorf("%s: not rewritten: it changed on disk since it was loaded; run again", r.rel(name))
			continue
		}
		edits, err := normalize(byFile[name], len(old))
		if err != nil {
			r.errorf("%s: not rewritten: %v", r.rel(name), err)
			continue
		}
		new := apply(old, edits)
		formatted, err := format.Source(new)
		if err != nil {
			r.errorf("%s: not rewritten: the result would not parse: %v", r.rel(name), err)
			continue
		}
		if !bytes.Equal(formatted, old) {
			results = append(results, result{name, old, formatted, fi.Mode()})
		}
	}

	if r.Diff {
		for _, res := range results {
			rel := filepath.ToSlash(r.rel(res.name))
			fmt.Fprint(r.Stdout, unified("a/"+rel, "b/"+rel, string(res.old), string(res.new)))
		}
		if len(results) > 0 {
			r.failed = true // as go fix -diff: a non-empty diff exits 1
		}
		return
	}
	if r.Verify && len(results) > 0 && (r.unsure() || r.hazard || r.usesBroken()) {
		overlay := make(map[string][]byte, len(results))
		old := make(map[string][]byte, len(results))
		for _, res := range results {
			overlay[res.name] = res.new
			old[res.name] = res.old
		}
		if !r.verify(overlay, old) {
			return
		}
	}
	// An interrupt stops the writes between two files: the file in
	// flight is finished (each write is a rename, so it is whole either
	// way), and the user learns which files were written.
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(stop)
	var written []string
	var modules []*packages.Module
	for i, res := range results {
		select {
		case sig := <-stop:
			r.errorf("%v: stopped after writing %d of %d files; not written:", sig, len(written), len(results))
			for _, rest := range results[i:] {
				fmt.Fprintf(r.Stderr, "\t%s\n", r.rel(rest.name))
			}
			r.interrupted = true
			r.reportWritten(written)
			return
		default:
		}
		if err := writeAtomic(res.name, res.old, res.new, res.mode); err != nil {
			r.errorf("%s: not rewritten: %v", r.rel(res.name), err)
			continue
		}
		written = append(written, res.name)
		if m := moduleOf[res.name]; m != nil {
			modules = append(modules, m)
		}
	}
	r.reportWritten(written)
	r.hintRequirement(modules)
	r.afterWrite(modules)
}

// reportWritten says how many files were rewritten; after an interrupt it
// names them too.
func (r *run) reportWritten(written []string) {
	if len(written) == 0 {
		return
	}
	fmt.Fprintf(r.Stderr, "syncsweep: rewrote %d file(s)\n", len(written))
	if r.interrupted {
		for _, name := range written {
			fmt.Fprintf(r.Stderr, "\t%s\n", r.rel(name))
		}
	}
}

// usesBroken reports whether rewritten code uses a lock-typed object of a
// package that turned out broken, which is not rewritten.
func (r *run) usesBroken() bool {
	for path := range r.lockFrom {
		if r.broken[strings.TrimSuffix(path, "_test")] {
			if r.Verbose {
				fmt.Fprintf(r.Stderr, "syncsweep: checking the result: %s is left untouched and its locks are used elsewhere\n", path)
			}
			return true
		}
	}
	return false
}

// unsure reports whether the sweep said that a package's fixes alone may
// not keep the workspace compiling (see rewrite.Result.Unsure).
func (r *run) unsure() bool {
	for _, pr := range r.results {
		if pr.res.Unsure != "" {
			if r.Verbose {
				fmt.Fprintf(r.Stderr, "syncsweep: checking the result: %s\n", pr.res.Unsure)
			}
			return true
		}
	}
	return false
}

// mayBreak reports whether the sweep could stop a package compiling, which
// needs a value of a sync type that stays (declared outside the swept
// packages, in a generated file, which is never rewritten, or reached
// through a dot import) to meet code that is rewritten. It looks for a
// use, in these packages' files, of an object whose type holds a sync or
// sync/atomic type other than the aliases Locker and Cond. Objects of
// other swept packages are noted in r.lockFrom: one of those may turn out
// broken (so not rewritten) in a later batch. When there is no such use,
// verify can be skipped.
func (r *run) mayBreak(good []*packages.Package) bool {
	swept := r.swept
	for _, p := range good {
		generated := make(map[*token.File]bool)
		for _, f := range p.Syntax {
			generated[r.fset.File(f.Pos())] = ast.IsGenerated(f)
			for _, spec := range f.Imports {
				if spec.Name != nil && spec.Name.Name == "." && (spec.Path.Value == `"sync"` || spec.Path.Value == `"sync/atomic"`) {
					return true // its names stay sync's
				}
			}
		}
		for id, obj := range p.TypesInfo.Uses {
			if obj.Pkg() == nil || generated[r.fset.File(id.Pos())] {
				continue
			}
			path := obj.Pkg().Path()
			if path == "sync" || path == "sync/atomic" {
				continue // the sweep rewrites these references themselves
			}
			if _, ok := obj.(*types.PkgName); ok {
				continue
			}
			if holdsLockType(obj.Type(), make(map[types.Type]bool)) {
				if swept[path] && !generated[r.fset.File(obj.Pos())] {
					r.lockFrom[path] = true // rewritten too, unless it is broken
					continue
				}
				if r.Verbose {
					fmt.Fprintf(r.Stderr, "syncsweep: checking the result: %s uses %s\n", r.posn(id.Pos()), obj)
				}
				return true
			}
		}
	}
	return false
}

// holdsLockType reports whether t is, or is built from (pointers, slices,
// maps, channels, signatures, unnamed structs), a sync or sync/atomic type
// that the facade wraps rather than aliases.
func holdsLockType(t types.Type, seen map[types.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		if pkg := t.Obj().Pkg(); pkg != nil && (pkg.Path() == "sync" || pkg.Path() == "sync/atomic") {
			return t.Obj().Name() != "Locker" && t.Obj().Name() != "Cond"
		}
		for i := 0; i < t.TypeArgs().Len(); i++ {
			if holdsLockType(t.TypeArgs().At(i), seen) {
				return true
			}
		}
		return false // a type of someone else's: its fields are its own
	case *types.Pointer:
		return holdsLockType(t.Elem(), seen)
	case *types.Slice:
		return holdsLockType(t.Elem(), seen)
	case *types.Array:
		return holdsLockType(t.Elem(), seen)
	case *types.Chan:
		return holdsLockType(t.Elem(), seen)
	case *types.Map:
		return holdsLockType(t.Key(), seen) || holdsLockType(t.Elem(), seen)
	case *types.Signature:
		return holdsLockType(t.Params(), seen) || holdsLockType(t.Results(), seen)
	case *types.Tuple:
		for i := 0; i < t.Len(); i++ {
			if holdsLockType(t.At(i).Type(), seen) {
				return true
			}
		}
	case *types.Struct:
		for i := 0; i < t.NumFields(); i++ {
			if holdsLockType(t.Field(i).Type(), seen) {
				return true
			}
		}
	}
	return false
}

// verify loads the workspace again with the swept files overlaid and
// reports whether every package that loaded before still type-checks. It
// cannot when the module does not require the facade yet; then it says so
// and lets the write go ahead.
func (r *run) verify(overlay, old map[string][]byte) bool {
	cfg := &packages.Config{
		Mode:       packages.NeedName | packages.NeedFiles | packages.NeedImports | packages.NeedTypes | packages.NeedSyntax,
		Dir:        r.Dir,
		Env:        r.Env,
		BuildFlags: r.BuildFlags,
		Tests:      r.Tests,
		Overlay:    overlay,
	}
	// In the sweep's batches, so that the check's memory is bounded too.
	var pkgs []*packages.Package
	for i, batch := range r.batches {
		if i > 0 {
			debug.FreeOSMemory()
		}
		list, err := packages.Load(cfg, batch...)
		if err != nil {
			fmt.Fprintf(r.Stderr, "syncsweep: could not check that the swept code compiles: %v\n", err)
			return true
		}
		for _, p := range list {
			// Keep what the messages need, not the syntax.
			pkgs = append(pkgs, &packages.Package{ID: p.ID, Errors: p.Errors, IllTyped: p.IllTyped, GoFiles: p.GoFiles, Imports: p.Imports})
		}
	}
	var broken []string
	for _, p := range pkgs {
		if !r.loaded[p.ID] || len(p.Errors) == 0 && !p.IllTyped {
			continue
		}
		msg := overlayName.ReplaceAllStringFunc(r.firstError(p), func(m string) string {
			// The go command compiled a temporary copy of an overlaid
			// file; name the user's file instead.
			sub := overlayName.FindStringSubmatch(m)
			for _, f := range p.GoFiles {
				if filepath.Base(f) != sub[1] {
					continue
				}
				if line, err := strconv.Atoi(sub[2]); err == nil && overlay[f] != nil {
					// Say the line as it is in the file on disk.
					return fmt.Sprintf("%s:%d", r.rel(f), oldLine(string(old[f]), string(overlay[f]), line))
				}
				return r.rel(f)
			}
			return m
		})
		if r.FacadeModule != "" && strings.Contains(msg, r.FacadeModule) {
			fmt.Fprintf(r.Stderr, "syncsweep: could not check that the swept code compiles (%s); check with go build after go get\n", msg)
			return true
		}
		broken = append(broken, fmt.Sprintf("\t%s: %s", p.ID, msg))
	}
	if len(broken) == 0 {
		return true
	}
	sort.Strings(broken)
	r.errorf("nothing written: after the sweep, these packages would not compile:\n%s\n"+
		"Usually a lock is handed to code that wants the sync type itself (outside the workspace,\n"+
		"or kept on sync by a directive); keep that declaration on sync too (//syncsweep:allow <reason>)\n"+
		"or change the code, then run again.",
		strings.Join(broken, "\n"))
	return false
}

// overlayName matches the go command's temporary copy of an overlaid file.
var overlayName = regexp.MustCompile(`\S*gocommand-\d+[/\\]\d+-([^/\\\s:]+\.go)(?::(\d+))?`)

// oldLine maps a 1-based line of new back to the line of old it came from
// (for a changed line, the first line of the change).
func oldLine(old, new string, line int) int {
	ai, bi := 0, 0 // 0-based line cursors in old and new
	for _, op := range myers(splitLines(old), splitLines(new)) {
		if line-1 < op.bi {
			break
		}
		if line-1 < op.bEnd() {
			return op.ai + 1
		}
		ai, bi = op.aEnd(), op.bEnd()
	}
	return ai + (line - 1 - bi) + 1
}

// normalize sorts edits, drops exact duplicates (the same file analyzed
// in two package variants, or the import edit every site carries) and
// rejects overlapping ones.
func normalize(edits []edit, size int) ([]edit, error) {
	sort.SliceStable(edits, func(i, j int) bool {
		if edits[i].start != edits[j].start {
			return edits[i].start < edits[j].start
		}
		if edits[i].end != edits[j].end {
			return edits[i].end < edits[j].end
		}
		return edits[i].text < edits[j].text
	})
	var out []edit
	for _, e := range edits {
		if e.start < 0 || e.end < e.start || e.end > size {
			return nil, fmt.Errorf("edit [%d,%d) is outside the file", e.start, e.end)
		}
		if n := len(out); n > 0 {
			last := out[n-1]
			if last == e {
				continue
			}
			if e.start < last.end || e.start == last.start && e.end > e.start && last.end > last.start {
				return nil, fmt.Errorf("conflicting edits at offset %d (%q vs %q)", e.start, last.text, e.text)
			}
		}
		out = append(out, e)
	}
	return out, nil
}

func apply(src []byte, edits []edit) []byte {
	var out bytes.Buffer
	pos := 0
	for _, e := range edits {
		out.Write(src[pos:e.start])
		out.WriteString(e.text)
		pos = e.end
	}
	out.Write(src[pos:])
	return out.Bytes()
}

// writeAtomic replaces name with data: a temporary file in the same
// directory, synced, given the old mode, then renamed over the original,
// so a crash leaves either the old file or the new one.
func writeAtomic(name string, old, data []byte, mode os.FileMode) error {
	if mode&0o200 == 0 {
		return fmt.Errorf("file is read-only")
	}
	// The file may have changed since it was read (an editor saving it):
	// look again just before replacing it.
	if now, err := os.ReadFile(name); err != nil {
		return err
	} else if !bytes.Equal(now, old) {
		return fmt.Errorf("it changed on disk while syncsweep ran; run again")
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".syncsweep-*")
	if err != nil {
		return err
	}
	clean := func(err error) error {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		return clean(err)
	}
	if err := tmp.Sync(); err != nil {
		return clean(err)
	}
	if err := tmp.Chmod(mode.Perm()); err != nil {
		return clean(err)
	}
	if err := tmp.Close(); err != nil {
		return clean(err)
	}
	if err := os.Rename(tmp.Name(), name); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}

// hintRequirement tells the user the one command that makes the rewritten
// code build, for each module that does not yet require the facade.
func (r *run) hintRequirement(modules []*packages.Module) {
	if r.FacadeModule == "" {
		return
	}
	seen := make(map[string]bool)
	for _, m := range modules {
		if m.GoMod == "" || seen[m.GoMod] || m.Path == r.FacadeModule ||
			strings.HasPrefix(r.FacadeModule, m.Path+"/") {
			continue
		}
		seen[m.GoMod] = true
		data, err := os.ReadFile(m.GoMod)
		if err != nil {
			continue
		}
		mf, err := modfile.ParseLax(m.GoMod, data, nil)
		if err != nil {
			continue
		}
		required := false
		for _, req := range mf.Require {
			if req.Mod.Path == r.FacadeModule {
				required = true
			}
		}
		if required {
			continue
		}
		cd := ""
		if dir := r.rel(filepath.Dir(m.GoMod)); dir != "." {
			cd = "cd " + dir + " && "
		}
		fmt.Fprintf(r.Stderr, "syncsweep: module %s does not require %s yet; to finish, run:\n\t%sgo get %s@%s\n",
			m.Path, r.FacadeModule, cd, r.FacadeModule, toolVersion())
	}
}

// toolVersion is the version to fetch the facade at: the tool's own
// release when it was installed as one, else latest.
func toolVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "latest"
}
