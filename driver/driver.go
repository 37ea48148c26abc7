// Package driver runs the sweep over a workspace: it loads packages, runs
// the analyzer on those that type-check, and reports, previews or applies
// the fixes, file by file, atomically.
//
// It differs from the stock go/analysis checker in what bad input does: a
// package that fails to load is named with its first error and none of its
// files is written, while the rest of the workspace is still swept. And
// before -fix writes (or -diff shows) a byte, it type-checks the result in
// process (check.go), so that a sweep that would not compile writes
// nothing.
package driver

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/syncsweep/syncsweep/policy"
	"golang.org/x/tools/go/analysis"
)

// Exit codes, as go vet and go fix use them.
const (
	ExitClean    = 0 // nothing found, or everything fixed
	ExitError    = 1 // something could not be loaded, fixed or written; or -diff found changes
	ExitUsage    = 2 // a bad command line, as the flag package and go vet have it
	ExitFindings = 3 // findings reported (or left after -fix)
)

// Options configures one run.
type Options struct {
	Analyzer *analysis.Analyzer
	// Checks run beside Analyzer when the run reports (not with -fix,
	// -diff or -stats): their findings are reported and counted, and
	// their fixes never applied (go vet's and staticcheck's twins).
	Checks     []*analysis.Analyzer
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
	// Verify type-checks the swept workspace in process (for -fix and
	// -diff, before any write) and writes nothing if a package that
	// loaded before would no longer compile.
	Verify bool
	// Rules, when set, is the policy the Analyzer sweeps by: the driver
	// sets its Swept to the packages the patterns name, so that the sweep
	// keeps a lock that reaches a package it does not rewrite, and the
	// compile check asks it which types move (rewrite.Moves); without it,
	// the default policy's.
	Rules *policy.Rules
	// WriteHook, when set, is called at each step of each file's write
	// (StepTemp, StepHalf, StepSynced, StepRenamed); an error it returns
	// fails that write there. Tests stop, kill or interrupt the process,
	// or fail a write half way, at a chosen step.
	WriteHook func(step, name string) error
	// Verbose says what the check type-checked and how long it took.
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
	fset       *token.FileSet
	failed     bool            // something went wrong: exit 1
	findings   int             // diagnostics reported or left
	blocked    map[string]bool // files that belong to a broken package
	loaded     map[string]bool // IDs of the packages that loaded cleanly
	swept      map[string]bool // paths of every package the patterns name
	batchOf    map[string]int  // package path -> its batch, from plan
	oneBatch   bool            // plan found one batch without listing the packages
	batchCount int
	phases     []phase // for -v
	// inspectUniverse, when set (by tests), sees each batch's universe once its checks are done.
	inspectUniverse func(*universe)
	results         []pkgResult           // the analyzer's, when it returns a *rewrite.Result
	planned         []fileResult          // the files -fix writes, or -diff shows
	newSrc          map[string][]byte     // file -> its text after the sweep
	oldSrc          map[string][]byte     // file -> its text before
	newAST          map[string]parsedFile // file -> its syntax after the sweep, for the batch's check
	check           *compileCheck         // nil without -verify
	broken          map[string]bool       // package paths left untouched
	interrupted     bool                  // a signal stopped the writes
	total           map[string]bool       // package paths loaded

	mu     sync.Mutex                   // guards parsed
	parsed map[string][sha256.Size]byte // file -> hash of the content parsed
}

// phase is the time one stage of the run took, for -v.
type phase struct {
	name string
	d    time.Duration
}

// took adds the time since start to a stage.
func (r *run) took(name string, start time.Time) {
	d := time.Since(start)
	for i := range r.phases {
		if r.phases[i].name == name {
			r.phases[i].d += d
			return
		}
	}
	r.phases = append(r.phases, phase{name, d})
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
	r.batchCount = len(batches)
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
	if r.Rules != nil {
		// Filled by plan, or by the load of a lone batch, before the
		// analysis reads it.
		r.Rules.Swept = func(path string) bool { return r.swept[path] }
	}
	if (r.Fix || r.Diff) && r.Verify {
		r.check = r.newCompileCheck()
	}
	for i, batch := range batches {
		start := time.Now()
		d, res, pkgs, ok := r.analyzeBatch(batch, jsonTree)
		r.took("loading and analysis", start)
		if !ok {
			return ExitError
		}
		diags = append(diags, d...)
		results = append(results, res...)
		if r.Fix || r.Diff {
			// The batch's files as the sweep leaves them, and the
			// check that they compile, while its syntax and types are
			// in memory.
			start = time.Now()
			planned := r.planFiles(r.dedupe(append([]found(nil), d...)))
			r.planned = append(r.planned, planned...)
			r.took("applying the fixes in memory", start)
			if r.check != nil {
				start = time.Now()
				r.checkBatch(i, pkgs, planned)
				r.took("the compile check", start)
			}
		}
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
		r.planned = append(r.planned, r.planTables(results)...)
		start := time.Now()
		compiles := r.check.finish()
		r.took("the compile check", start)
		r.applyFixes(r.planned, compiles)
		r.printStays(results)
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
	if r.Verbose && len(r.phases) > 0 {
		var parts []string
		for _, ph := range r.phases {
			parts = append(parts, fmt.Sprintf("%s %v", ph.name, ph.d.Round(time.Millisecond)))
		}
		fmt.Fprintf(r.Stderr, "syncsweep: time spent: %s\n", strings.Join(parts, ", "))
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
