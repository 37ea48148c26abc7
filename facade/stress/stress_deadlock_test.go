//go:build deadlock

//lint:file-ignore SA2001 these tests exercise lock order and recursion; the sections are empty on purpose

package stress_test

import (
	"strings"
	"testing"

	"github.com/syncsweep/syncsweep/facade"
	"github.com/syncsweep/syncsweep/facade/stress"
)

// TestRunReportsInversion: under the deadlock backend, a lock-order
// inversion in the body fails the test with the detector's report.
func TestRunReportsInversion(t *testing.T) {
	var a, b facade.Mutex
	rec := &recorder{TB: t}
	stress.Run(rec, func() {
		a.Lock()
		b.Lock()
		b.Unlock()
		a.Unlock()
		done := make(chan struct{})
		go func() { // another goroutine, the other order: no real deadlock here
			defer close(done)
			b.Lock()
			a.Lock()
			a.Unlock()
			b.Unlock()
		}()
		<-done
	})
	if !strings.Contains(rec.msg, "lock-order inversion") {
		t.Fatalf("no report of the inversion; got %q", rec.msg)
	}
}
