// Package stress runs a test body the way the build's facade backend calls
// for, so that one test source serves every backend:
//
//	func TestTransfer(t *testing.T) {
//		stress.Run(t, func() {
//			// locks through the facade
//		})
//	}
//
// On the default backend (sync) the body runs once. Under -tags deadlock it
// runs once with the detector armed: a potential deadlock (lock-order
// inversion, recursive locking, a wait longer than the timeout) fails the
// test with the detector's report of both goroutines, instead of panicking
// the whole test binary. Backends that explore goroutine interleavings will
// run the body under many schedules here.
//
// The body runs in its own goroutine, so it must report with t.Error, not
// t.Fatal.
package stress

import (
	"testing"

	"github.com/syncsweep/syncsweep/facade"
)

// Run runs body under the build's backend and fails t on a deadlock report.
func Run(t testing.TB, body func()) {
	t.Helper()
	reports := make(chan string, 1)
	restore := facade.ReportDeadlocksTo(func(report string) {
		select {
		case reports <- report:
		default: // the first report fails the test; later ones add nothing
		}
	})
	defer restore()
	done := make(chan struct{})
	go func() {
		defer close(done)
		body()
	}()
	select {
	case <-done:
		select {
		case r := <-reports:
			t.Fatalf("potential deadlock:\n%s", r)
		default:
		}
	case r := <-reports:
		// The body may stay blocked; its goroutine is abandoned.
		t.Fatalf("potential deadlock:\n%s", r)
	}
}
