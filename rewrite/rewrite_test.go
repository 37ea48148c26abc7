package rewrite_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/syncsweep/syncsweep/internal/fixturetest"
	"github.com/syncsweep/syncsweep/policy"
	"github.com/syncsweep/syncsweep/rewrite"
	"golang.org/x/tools/go/analysis/analysistest"
)

var testdata = func() string {
	dir, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		panic(err)
	}
	return dir
}()

// TestFixtures runs the sweep on each fixture package and compares the
// fixed files with their .golden files. Packages that must not change
// have no diagnostics and goldens equal to their input.
func TestFixtures(t *testing.T) {
	tests := []struct {
		pkg string
		pol policy.Policy
		// swept, when set, is the run's set of swept packages
		// (policy.Rules.Swept).
		swept func(pkgPath string) bool
	}{
		{pkg: "basic"},
		{pkg: "atomics"},
		{pkg: "renamed"},
		{pkg: "shadow"},
		{pkg: "dotimport"},
		{pkg: "usertype"},
		{pkg: "generated"},
		{pkg: "partial"},
		{pkg: "buildtags"},
		{pkg: "imports"},
		{pkg: "crossbuild"},
		{pkg: "badexcluded"},
		{pkg: "github.com/syncsweep/syncsweep/facade/..."},
		{pkg: "keepsync", pol: policy.Policy{Atomic: "off"}},
		{pkg: "semaphoremutex"},
		{pkg: "semaphorekeep"},
		{pkg: "semaphorestays"},
		{pkg: "semaphorestrict", pol: policy.Policy{ReportNoEquivalent: true}},
		{pkg: "rbmutex"},
		{pkg: "rbmutexkeep"},
		{pkg: "godeadlock"},
		{pkg: "godeadlockopts"},
		{pkg: "linkdead"},
		{pkg: "anacrolixsync"},
		{pkg: "adhoctag"},
		{pkg: "deadlocklate"},
		{pkg: "deadlockzero"},
		{pkg: "deadlockruntime"},
		{pkg: "deadlockwrap"},
		{pkg: "missingrows"},
		{pkg: "pinned"},
		{pkg: "pinnedexcluded"},
		{pkg: "pinnedswept", swept: func(p string) bool { return p != "example.com/ext" }},
		{pkg: "pinnedtype", swept: func(p string) bool { return p != "example.com/ext" }},
		{pkg: "pinunloaded"},
		{pkg: "usererr", pol: policy.Policy{Rows: []policy.Row{
			{From: "inhouse/errlock", Name: "Lock", Facade: "Mutex"},
			{From: "inhouse/errlock", Name: "Lock.Lock", Result: "nil"},
			{From: "inhouse/errlock", Name: "Lock.Unlock", Result: "nil"},
			{From: "inhouse/errlock", Name: "Lock.LockWithTimeout", Facade: "Lock", Result: "true"},
		}}},
	}
	for _, tt := range tests {
		t.Run(tt.pkg, func(t *testing.T) {
			rules, err := tt.pol.Compile()
			if err != nil {
				t.Fatal(err)
			}
			rules.Swept = tt.swept
			fixturetest.Run(t, testdata, rewrite.New(rules), tt.pkg)
		})
	}
}

// TestStays: the semaphores the facade has no equivalent for are no
// findings (semaphorestays' want comments), but the sweep's result lists
// each, once, with why: -fix and -stats print them.
func TestStays(t *testing.T) {
	rules, err := policy.Policy{}.Compile()
	if err != nil {
		t.Fatal(err)
	}
	results := analysistest.Run(t, testdata, rewrite.New(rules), "semaphorestays")
	if len(results) != 1 {
		t.Fatalf("%d results", len(results))
	}
	var got []string
	for _, s := range results[0].Result.(*rewrite.Result).Stays {
		got = append(got, fmt.Sprintf("%s:%d: %s", filepath.Base(s.Pos.Filename), s.Pos.Line, s.Message))
	}
	want := []string{
		"stays.go:15: conns stays golang.org/x/sync/semaphore.Weighted, a counting semaphore, which the facade has no equivalent for: semaphore.NewWeighted(max) at stays.go:23: weight max is not the constant 1, so it is no mutex",
		"stays.go:16: timed stays golang.org/x/sync/semaphore.Weighted, a lock whose acquire can be cancelled, which the facade has no equivalent for: Acquire at stays.go:39: context ctx may be cancelled, and then the call fails",
		"stays.go:33: local stays golang.org/x/sync/semaphore.Weighted, a counting semaphore, which the facade has no equivalent for: it is assigned l.conns at stays.go:34",
	}
	sort.Strings(got)
	if !slices.Equal(got, want) {
		t.Errorf("Stays:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
