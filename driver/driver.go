// Package driver runs the sweep over a workspace: it loads packages, runs
// the analyzer on those that type-check, and reports, previews or applies
// the fixes, file by file, atomically.
//
// It differs from the stock go/analysis checker in what bad input does: a
// package that fails to load is named with its first error and none of its
// files is written, while the rest of the workspace is still swept.
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

	"golang.org/x/tools/go/analysis"
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
