//go:build deadlock && race

package facade_test

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/syncsweep/syncsweep/facade"
)

// The detector's bookkeeping must not order two goroutines that share
// nothing but a racy counter: the race is reported under -race as it is
// with sync. The race runs in a child process.
func TestRaceStillReported(t *testing.T) {
	if os.Getenv("FACADE_RACE_CHILD") == "1" {
		counter := 0
		done := make(chan struct{})
		for i := 0; i < 2; i++ {
			go func() {
				var mu facade.Mutex // each goroutine its own lock
				for j := 0; j < 1000; j++ {
					mu.Lock()
					counter++
					mu.Unlock()
				}
				done <- struct{}{}
			}()
		}
		<-done
		<-done
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestRaceStillReported$")
	cmd.Env = append(os.Environ(), "FACADE_RACE_CHILD=1")
	out, _ := cmd.CombinedOutput()
	if !strings.Contains(string(out), "WARNING: DATA RACE") {
		t.Fatalf("the race on counter was not reported:\n%s", out)
	}
}
