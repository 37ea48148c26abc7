// Command syncsweep moves a Go workspace's direct uses of sync and
// sync/atomic onto a lock facade, and reports any that are left.
//
// Usage:
//
//	syncsweep [flags] packages   # report direct lock use (exit 3 if any)
//	syncsweep -diff packages     # print the rewrite as a unified diff (exit 1 if non-empty)
//	syncsweep -fix packages      # rewrite files in place
//
// The same binary works as a vet tool and a fix tool:
//
//	go vet -vettool=$(which syncsweep) ./...
//	go fix -fixtool=$(which syncsweep) ./...
//
// A package that does not load (parse or type errors) is named with its
// first error and none of its files is written; the rest are still swept.
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"strings"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/syncsweep/syncsweep/analyzers/suite"
	"github.com/syncsweep/syncsweep/analyzers/syncsweep"
	"github.com/syncsweep/syncsweep/catalog"
	"github.com/syncsweep/syncsweep/driver"
	"github.com/syncsweep/syncsweep/policy"
)

func main() {
	if invokedByGoCommand(os.Args[1:]) {
		if fixing(os.Args[1:]) {
			// go fix -fixtool (or go vet -fix): the sweep's fixes alone.
			unitchecker.Main(syncsweep.Analyzer) // does not return
		}
		// go vet -vettool: go vet's own suite, the guard and the twins
		// of vet's and staticcheck's sync checks, so that this one tool
		// is the whole of go vet.
		unitchecker.Main(suite.VetTool()...) // does not return
	}
	os.Exit(run(os.Args[1:]))
}

// fixing reports whether the go command asks for fixes (go fix, or go vet
// -fix): it passes -fix.
func fixing(args []string) bool {
	for _, a := range args {
		if a == "-fix" || a == "--fix" || a == "-fix=true" {
			return true
		}
	}
	return false
}

// invokedByGoCommand reports whether go vet or go fix is running us: they
// ask for -V=full and -flags, then pass one .cfg file.
func invokedByGoCommand(args []string) bool {
	for _, a := range args {
		if strings.HasPrefix(a, "-V") || a == "-flags" || strings.HasSuffix(a, ".cfg") {
			return true
		}
	}
	return false
}

func run(args []string) int {
	fs := flag.NewFlagSet("syncsweep", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `usage: syncsweep [flags] packages

Reports every direct use of sync and sync/atomic that bypasses the lock
facade; -fix rewrites them, -diff previews the rewrite, -stats shows how
far the migration is.

Exit status: 0 nothing found (or all fixed); 3 findings left;
1 a package did not load, a file could not be written, the policy is bad,
or -diff printed a non-empty diff; 2 a bad command line.

Flags:
`)
		fs.PrintDefaults()
	}
	var (
		fix     = fs.Bool("fix", false, "rewrite files in place")
		diff    = fs.Bool("diff", false, "print the rewrite as a unified diff and write nothing")
		asJSON  = fs.Bool("json", false, "print findings as JSON")
		tests   = fs.Bool("test", true, "also sweep test files")
		verify  = fs.Bool("verify", true, "with -fix and -diff, type-check the result in process before writing, and write nothing if a package would not compile")
		vflag   = fs.Bool("v", false, "verbose: say what the compile check type-checked and how long it took")
		tags    = fs.String("tags", "", "comma-separated build tags to load with")
		chdir   = fs.String("C", "", "change to `dir` before doing anything else")
		cpuprof = fs.String("cpuprofile", "", "write a CPU profile to `file`")
		memprof = fs.String("memprofile", "", "write a heap profile (at the heap's peak: after the analysis) to `file`")
		batch   = fs.Int("batch", 0, "type-check about `n` Go files at a time, which bounds peak memory (0: a default of 300)")
		tidy    = fs.Bool("tidy", false, "with -fix, run go mod tidy (and go mod vendor where the module vendors) in each module written to, so go.mod drops lock modules nothing imports any more")
		stats   = fs.Bool("stats", false, "print per-package counts of direct and facade uses and every //syncsweep:allow with its reason, instead of the findings")
		pflags  policy.Flags
	)
	pflags.Register(fs)
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return driver.ExitClean
		}
		return driver.ExitUsage
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return driver.ExitUsage
	}
	if *fix && *diff {
		fmt.Fprintln(os.Stderr, "syncsweep: -fix and -diff do not go together: -diff shows what -fix would write")
		return driver.ExitUsage
	}
	if *chdir != "" {
		if err := os.Chdir(*chdir); err != nil {
			fmt.Fprintf(os.Stderr, "syncsweep: %v\n", err)
			return driver.ExitError
		}
	}
	// The config file is read after -C, so a relative path means the
	// same thing as the package patterns do.
	rules, err := pflags.Rules()
	if err != nil {
		fmt.Fprintf(os.Stderr, "syncsweep: %v\n", err)
		return driver.ExitError
	}
	var buildFlags []string
	if *tags != "" {
		buildFlags = []string{"-tags=" + *tags}
	}
	// go get takes a package path too, so an in-house facade's path
	// does for the hint; ours is a module of its own.
	module := rules.Facade
	if strings.HasPrefix(module, catalog.DefaultFacade+"/") {
		module = catalog.DefaultFacade
	}
	if *cpuprof != "" {
		f, err := os.Create(*cpuprof)
		if err != nil {
			fmt.Fprintf(os.Stderr, "syncsweep: %v\n", err)
			return driver.ExitError
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(os.Stderr, "syncsweep: %v\n", err)
			return driver.ExitError
		}
		defer pprof.StopCPUProfile()
	}
	var afterAnalysis func()
	if *memprof != "" {
		afterAnalysis = func() {
			f, err := os.Create(*memprof)
			if err == nil {
				err = pprof.Lookup("heap").WriteTo(f, 0)
				f.Close()
			}
			if err != nil {
				fmt.Fprintf(os.Stderr, "syncsweep: %v\n", err)
			}
		}
	}
	return driver.Run(driver.Options{
		AfterAnalysis: afterAnalysis,
		Analyzer:      syncsweep.New(rules),
		Checks:        suite.Twins(rules),
		Rules:         rules,
		WriteHook:     testWriteHook(),
		Patterns:      fs.Args(),
		BuildFlags:    buildFlags,
		Tests:         *tests,
		Fix:           *fix,
		Diff:          *diff,
		JSON:          *asJSON,
		FacadeModule:  module,
		Tidy:          *tidy,
		Verify:        *verify,
		Verbose:       *vflag,
		Stats:         *stats,
		Progress:      isTerminal(os.Stderr),
		BatchFiles:    *batch,
	})
}

// isTerminal reports whether f is a terminal: progress is shown there,
// while CI logs (pipes, files) stay plain.
func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
