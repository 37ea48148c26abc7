package rewrite_test

import (
	"path/filepath"
	"testing"

	"github.com/syncsweep/syncsweep/internal/fixturetest"
	"github.com/syncsweep/syncsweep/policy"
	"github.com/syncsweep/syncsweep/rewrite"
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
		{pkg: "rbmutex"},
		{pkg: "rbmutexkeep"},
		{pkg: "godeadlock"},
		{pkg: "godeadlockopts"},
		{pkg: "linkdead"},
		{pkg: "anacrolixsync"},
		{pkg: "adhoctag"},
		{pkg: "deadlocklate"},
		{pkg: "deadlockzero"},
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
