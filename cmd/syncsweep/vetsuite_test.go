package main_test

import (
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// staticcheck is the version CI runs (scripts/test.sh).
const staticcheck = "honnef.co/go/tools/cmd/staticcheck@v0.8.2"

// syncMisuse is issue 15's file: each line after a marker is a sync
// mistake that go vet or staticcheck reports before the sweep.
const syncMisuse = `package m

import (
	"sync"
	"sync/atomic"
)

var hits int64

type counter struct {
	mu sync.Mutex
	n  int
}

func byValue(c counter) int { return c.n }

func work() {}

// Run makes every mistake once.
func Run() int {
	var wg sync.WaitGroup
	go func() {
		wg.Add(1)
		defer wg.Done()
		work()
	}()
	wg.Wait()
	hits = atomic.AddInt64(&hits, 1)
	var mu sync.Mutex
	mu.Lock()
	mu.Unlock()
	mu.Lock()
	defer mu.Lock()
	c := counter{}
	return byValue(c)
}

type stats struct {
	flag bool
	n    int64
}

// Bump adds to a field that is not 64-bit aligned on 32-bit platforms.
func Bump(s *stats) { atomic.AddInt64(&s.n, 1) }
`

// finding is "line:col: message", the file name dropped.
var (
	finding   = regexp.MustCompile(`(?m)^[^\s:]+\.go:(\d+:\d+: .*)$`)
	checkName = regexp.MustCompile(` \(SA\d+\)$`)
)

// findings returns the findings of a go vet or staticcheck output, in
// words that do not depend on the sweep: the lock's type and the atomic
// package are named as sync's, and staticcheck's check name (which go vet does not print for
// the twins) is dropped.
func findings(out string) []string {
	var fs []string
	for _, m := range finding.FindAllStringSubmatch(out, -1) {
		f := strings.ReplaceAll(m[1], "github.com/syncsweep/syncsweep/facade.Mutex", "sync.Mutex")
		f = strings.ReplaceAll(f, "github.com/syncsweep/syncsweep/facade/atomic.", "sync/atomic.")
		fs = append(fs, checkName.ReplaceAllString(f, ""))
	}
	return fs
}

// TestVetChecksSurviveTheSweep: what go vet and staticcheck report on
// issue 15's file before the sweep, go vet, go vet -vettool=syncsweep and
// staticcheck report after it, at the same lines and columns and in the
// same words. A newer Go or staticcheck that adds a sync check fails this
// test until syncsweep has its twin.
func TestVetChecksSurviveTheSweep(t *testing.T) {
	bin := buildTool(t)
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"go.mod": "module example.com/m\n\ngo 1.21\n\nrequire github.com/syncsweep/syncsweep/facade v0.0.0\n\nreplace github.com/syncsweep/syncsweep/facade => " + filepath.Join(repoRoot, "facade") + "\n",
		"m.go":   syncMisuse,
	})
	mustRun(t, dir, nil, "go", "mod", "tidy")
	// staticcheck is built once, for this machine: go run would build it
	// for GOARCH=386 too.
	gobin := t.TempDir()
	mustRun(t, dir, []string{"GOBIN=" + gobin}, "go", "install", staticcheck)
	sc := filepath.Join(gobin, "staticcheck")
	// Each tool runs natively and for 386, where SA1027 (64-bit atomic
	// alignment) applies.
	collect := func(vettool bool) []string {
		var all []string
		for _, env := range [][]string{nil, {"GOARCH=386"}} {
			all = append(all, findings(runIn(t, dir, env, "go", "vet", "./...").stderr)...)
			if vettool {
				all = append(all, findings(runIn(t, dir, env, "go", "vet", "-vettool="+bin, "./...").stderr)...)
			}
			all = append(all, findings(runIn(t, dir, env, sc, "./...").stdout)...)
		}
		slices.Sort(all)
		return slices.Compact(all)
	}
	before := collect(false)
	if len(before) < 8 {
		t.Fatalf("before the sweep, go vet and staticcheck found only:\n%s", strings.Join(before, "\n"))
	}
	if r := runIn(t, dir, nil, bin, "-fix", "./..."); r.code != 0 {
		t.Fatalf("-fix: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	mustRun(t, dir, nil, "go", "mod", "tidy")
	after := collect(true)
	var lost, gained []string
	for _, f := range before {
		if !slices.Contains(after, f) {
			lost = append(lost, f)
		}
	}
	for _, f := range after {
		if !slices.Contains(before, f) {
			gained = append(gained, f)
		}
	}
	if len(lost) > 0 || len(gained) > 0 {
		t.Errorf("before the sweep:\n\t%s\nafter:\n\t%s\nlost: %q\nnew: %q",
			strings.Join(before, "\n\t"), strings.Join(after, "\n\t"), lost, gained)
	}
	// The syncsweep CLI reports the twins' findings too.
	cli := runIn(t, dir, nil, bin, "./...")
	for _, want := range []string{"WaitGroup.Add called from inside new goroutine", "direct assignment to atomic value", "deferring Lock right after having locked already"} {
		if !strings.Contains(cli.stdout, want) {
			t.Errorf("syncsweep ./... lacks %q:\n%s", want, cli.stdout)
		}
	}
}
