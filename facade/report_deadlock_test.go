//go:build deadlock

//lint:file-ignore SA2001 the test builds a lock-order inversion; the sections are empty on purpose

package facade_test

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/syncsweep/syncsweep/facade"
)

// The default reaction ends the run with the report and a panic (not
// go-deadlock's os.Exit(2)), even when the culprit unlocks in deferred
// calls. The deadlock runs in a child process: it ends that process.
func TestDefaultReactionPanics(t *testing.T) {
	if os.Getenv("FACADE_DEADLOCK_CHILD") == "1" {
		var a, b facade.Mutex
		a.Lock()
		b.Lock()
		b.Unlock()
		a.Unlock()
		done := make(chan struct{})
		go func() {
			defer close(done)
			b.Lock()
			defer b.Unlock() // would run if the panic were raised here
			a.Lock()
			a.Unlock()
		}()
		<-done
		return // not reached when the inversion is reported
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestDefaultReactionPanics$")
	cmd.Env = append(os.Environ(), "FACADE_DEADLOCK_CHILD=1")
	out, err := cmd.CombinedOutput()
	ee, ok := err.(*exec.ExitError)
	if !ok || ee.ExitCode() != 2 || !strings.Contains(string(out), "lock-order inversion") ||
		!strings.Contains(string(out), "panic: facade: potential deadlock") {
		t.Fatalf("child: %v\n%s", err, out)
	}
}
