package goker_test

import (
	"bytes"
	"context"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"text/tabwriter"
	"time"

	"golang.org/x/tools/go/ast/astutil"
)

// TestGoKerDetectors runs every GoKer kernel that uses a Mutex or an
// RWMutex under the facade's deadlock detector (swept, -tags deadlock,
// with the sweep's lock-class tables) and under go-deadlock used directly
// (the same kernels with their sync mutexes replaced by go-deadlock's),
// the same number of times each, with the same one-second wait timeout,
// and asserts that the detector flags at least as many runs as
// go-deadlock. GOKER_DETECTOR_RUNS sets the runs per kernel (default 3;
// scripts/goker-detectors.sh runs 10).
func TestGoKerDetectors(t *testing.T) {
	runs := 3
	if v := os.Getenv("GOKER_DETECTOR_RUNS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			t.Fatalf("GOKER_DETECTOR_RUNS=%q: want a positive number", v)
		}
		runs = n
	}
	src := kernelSource(t)

	ours := filepath.Join(t.TempDir(), "goker")
	kernels := writeKernels(t, src, ours)
	writeModule(t, ours, kernels)
	sweep(t, ours)
	// Each kernel, then a grace period, under stress.Run: a report that
	// comes after the kernel returned, from a goroutine it left, counts.
	var tests strings.Builder
	tests.WriteString("package main\n\nimport (\n\t\"testing\"\n\t\"time\"\n\n\t\"github.com/syncsweep/syncsweep/facade/stress\"\n)\n")
	for _, k := range kernels {
		fmt.Fprintf(&tests, "\nfunc Test%s(t *testing.T) { stress.Run(t, func() { %[1]s(); time.Sleep(grace) }) }\n", k.name)
	}
	fmt.Fprintf(&tests, "\nconst grace = %d\n", grace)
	if err := os.WriteFile(filepath.Join(ours, "kernels_test.go"), []byte(tests.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	oursBin := filepath.Join(ours, "goker.test")
	run(t, ours, "go", "test", "-c", "-tags", "deadlock", "-o", oursBin, ".")

	theirs := filepath.Join(t.TempDir(), "gokergd")
	writeKernels(t, src, theirs)
	var locking []kernel
	for _, k := range kernels {
		if toGoDeadlock(t, theirs, k) {
			locking = append(locking, k)
		}
	}
	writeGoDeadlockModule(t, theirs, locking)
	theirsBin := filepath.Join(theirs, "gokergd.test")
	run(t, theirs, "go", "test", "-c", "-o", theirsBin, ".")

	type count struct{ ours, theirs int }
	counts := make([]count, len(locking))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for i, k := range locking {
		for r := 0; r < runs; r++ {
			for _, side := range []string{"ours", "theirs"} {
				wg.Add(1)
				go func() {
					defer wg.Done()
					sem <- struct{}{}
					defer func() { <-sem }()
					bin, dir := oursBin, ours
					if side == "theirs" {
						bin, dir = theirsBin, theirs
					}
					if flagged(bin, dir, k.name) {
						mu.Lock()
						if side == "ours" {
							counts[i].ours++
						} else {
							counts[i].theirs++
						}
						mu.Unlock()
					}
				}()
			}
		}
	}
	wg.Wait()

	var table bytes.Buffer
	tw := tabwriter.NewWriter(&table, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "kernel\tclass\tfacade deadlock\tgo-deadlock\n")
	var sumOurs, sumTheirs, keptUp int
	for i, k := range locking {
		c := counts[i]
		fmt.Fprintf(tw, "%s\t%s\t%d/%d\t%d/%d\n", k.name, k.class(), c.ours, runs, c.theirs, runs)
		sumOurs += c.ours
		sumTheirs += c.theirs
		if c.ours >= c.theirs {
			keptUp++
		}
	}
	tw.Flush()
	t.Logf("flagged runs per kernel (%d runs each):\n%s", runs, table.String())
	t.Logf("facade deadlock: %d runs flagged; go-deadlock: %d; the detector flagged at least as many runs on %d of %d kernels", sumOurs, sumTheirs, keptUp, len(locking))
	if sumOurs < sumTheirs {
		t.Errorf("the facade's detector flagged %d runs, go-deadlock %d", sumOurs, sumTheirs)
	}
}

var mu sync.Mutex // guards the counts

// grace is how long a run waits after its kernel returned, for the
// goroutines the kernel left to reach its bug: longer than the one-second
// wait timeout and the detectors' periods of checking it.
const grace = 1500 * time.Millisecond

// flagged runs kernel name's test once and reports whether a detector
// reported a potential deadlock. A run that neither ends nor is flagged in
// ten seconds is not flagged.
func flagged(bin, dir, name string) bool {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-test.run=^Test"+name+"$", "-test.timeout=1m")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "SYNCSWEEP_DEADLOCK_TIMEOUT=1s", "SYNCSWEEP_DEADLOCK=on")
	out, _ := cmd.CombinedOutput()
	return bytes.Contains(out, []byte("POTENTIAL DEADLOCK"))
}

// toGoDeadlock rewrites kernel k's file in dir to use go-deadlock's Mutex
// and RWMutex in place of sync's, and reports whether it had any.
func toGoDeadlock(t *testing.T, dir string, k kernel) bool {
	t.Helper()
	name := filepath.Join(dir, k.file)
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	changed := false
	ast.Inspect(f, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if ok && isIdent(sel.X, "sync") && (sel.Sel.Name == "Mutex" || sel.Sel.Name == "RWMutex") {
			sel.X.(*ast.Ident).Name = "deadlock"
			changed = true
		}
		return true
	})
	if !changed {
		return false
	}
	astutil.AddNamedImport(fset, f, "deadlock", "github.com/sasha-s/go-deadlock")
	if !astutil.UsesImport(f, "sync") {
		astutil.DeleteImport(fset, f, "sync")
	}
	var buf bytes.Buffer
	if err := format.Node(&buf, fset, f); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return true
}

// writeGoDeadlockModule makes dir a module whose tests run each kernel
// under go-deadlock, with the same one-second timeout and grace period,
// and print its report.
func writeGoDeadlockModule(t *testing.T, dir string, kernels []kernel) {
	t.Helper()
	gomod := fmt.Sprintf(`module gokergd

go 1.26

godebug randseednop=0

require github.com/sasha-s/go-deadlock v0.3.9

replace github.com/syncsweep/syncsweep/facade => %s
`, filepath.Join(repoRoot, "facade"))
	var tests strings.Builder
	tests.WriteString(`package main

import (
	"os"
	"testing"
	"time"

	"github.com/sasha-s/go-deadlock"
)

func TestMain(m *testing.M) {
	deadlock.Opts.DeadlockTimeout = time.Second
	deadlock.Opts.OnPotentialDeadlock = func() { os.Exit(3) } // after the report
	os.Exit(m.Run())
}
`)
	for _, k := range kernels {
		fmt.Fprintf(&tests, "\nfunc Test%s(t *testing.T) { %[1]s(); time.Sleep(grace) }\n", k.name)
	}
	fmt.Fprintf(&tests, "\nconst grace = %d\n", grace)
	for name, content := range map[string]string{"go.mod": gomod, "kernels_test.go": tests.String()} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run(t, dir, "go", "mod", "tidy")
}
