package syncsweep_test

import (
	"path/filepath"
	"testing"

	"github.com/syncsweep/syncsweep/analyzers/syncsweep"
	"github.com/syncsweep/syncsweep/internal/fixturetest"
	"github.com/syncsweep/syncsweep/policy"
)

var testdata, _ = filepath.Abs(filepath.Join("..", "..", "testdata"))

// TestFixtures runs the analyzer under each policy setting on the fixtures
// that exercise it, and on the sweep's own fixtures for the forms a use can
// take (the analyzer reports what the sweep rewrites, with the same fix).
func TestFixtures(t *testing.T) {
	inhouse := []policy.Row{
		{From: "inhouse/lock", Name: "SpinLock", Facade: "Mutex"},
		{From: "inhouse/lock", Name: "RWMutex"},
	}
	tests := []struct {
		pkg string
		pol policy.Policy
	}{
		// Forms: fields, embedding, aliases, generics, method
		// expressions, conversions; renamed imports; dot imports.
		{pkg: "basic"},
		{pkg: "renamed"},
		{pkg: "dotimport"},
		{pkg: "atomics"},
		// The escape hatch: at the end of a line, on the line above, in
		// a doc comment; without a reason; keeping nothing.
		{pkg: "allow"},
		// Policy keys, one at a time.
		{pkg: "allowlisted", pol: policy.Policy{Allow: []string{"allowlisted"}}},
		{pkg: "aliasuse", pol: policy.Policy{Allow: []string{"allowlisted"}}},
		{pkg: "banonly", pol: policy.Policy{Ban: []string{"sync.Mutex", "sync.RWMutex"}}},
		{pkg: "infacade", pol: policy.Policy{Facade: "inhouse/syncutil"}},
		{pkg: "keepsync", pol: policy.Policy{Atomic: "off"}},
		{pkg: "userrow", pol: policy.Policy{Allow: []string{"inhouse/..."}, Rows: inhouse}},
		{pkg: "inhouse/lock", pol: policy.Policy{Allow: []string{"inhouse/..."}, Rows: inhouse}},
	}
	for _, tt := range tests {
		t.Run(tt.pkg, func(t *testing.T) {
			rules, err := tt.pol.Compile()
			if err != nil {
				t.Fatal(err)
			}
			fixturetest.Run(t, testdata, syncsweep.New(rules), tt.pkg)
		})
	}
}

// TestFlags checks that go vet's way of configuring the analyzer (its
// flags) reaches the sweep: -ban narrows what is reported.
func TestFlags(t *testing.T) {
	for name, value := range map[string]string{"ban": "sync.Mutex,sync.RWMutex"} {
		if err := syncsweep.Analyzer.Flags.Set(name, value); err != nil {
			t.Fatal(err)
		}
	}
	fixturetest.Run(t, testdata, syncsweep.Analyzer, "banonly")
}
