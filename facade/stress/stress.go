//go:build !explore

package stress

import (
	"testing"

	"github.com/syncsweep/syncsweep/facade"
)

// Run runs body under the build's backend and fails t on a deadlock report.
func Run(t testing.TB, body func(), opts ...Option) {
	t.Helper()
	if skip(t, opts) {
		return
	}
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
