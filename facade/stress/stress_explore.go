//go:build explore && go1.25

package stress

import (
	"testing"

	"github.com/syncsweep/syncsweep/facade/internal/explore"
)

const backend = "explore"

// Run runs body under many schedules (see the package documentation) and
// fails t with the first failing schedule's report.
func Run(t testing.TB, body func(), opts ...Option) {
	t.Helper()
	if skip(t, opts) {
		return
	}
	if explore.Current() != nil {
		t.Fatalf("stress.Run: called inside the body of another stress.Run; explorations do not nest")
		return
	}
	tt, ok := t.(*testing.T)
	if !ok {
		t.Fatalf("stress.Run: the explore backend runs each schedule in a testing/synctest bubble, which needs the test's *testing.T; got %T", t)
		return
	}
	out, err := explore.Explore(tt, body)
	if err != nil {
		t.Fatalf("stress.Run: %v", err)
		return
	}
	if out.Failure != nil {
		t.Fatalf("%s", out.Failure.Report())
		return
	}
	if out.Exhausted != "" {
		t.Logf("explore: no failure in %s (%d schedules run, %s, seed %d)", out.Exhausted, out.Schedules, out.Strategy, out.Seed)
	}
}
