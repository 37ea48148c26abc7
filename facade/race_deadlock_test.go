//go:build deadlock && race

package facade_test

import (
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/syncsweep/syncsweep/facade"
)

// The detector's bookkeeping must not order two goroutines that share
// nothing but a racy counter: the race is reported under -race as it is
// with sync, also while a third goroutine waits for a held lock, which
// keeps the watchdog scanning the records. The race runs in a child
// process.
func TestRaceStillReported(t *testing.T) {
	if mode := os.Getenv("FACADE_RACE_CHILD"); mode != "" {
		if mode == "wait" {
			var held facade.Mutex
			held.Lock()
			go func() { held.Lock(); held.Unlock() }() // waits past a watchdog period
			defer held.Unlock()
			time.Sleep(100 * time.Millisecond)
		}
		counter := 0
		done := make(chan struct{})
		for i := 0; i < 2; i++ {
			go func(i int) {
				var mu facade.Mutex // each goroutine its own lock
				mu.Lock()
				mu.Unlock()
				// The second increments well after the first, with
				// watchdog scans between when mode is wait.
				time.Sleep(time.Duration(i) * 2500 * time.Millisecond)
				mu.Lock()
				counter++
				mu.Unlock()
				done <- struct{}{}
			}(i)
		}
		<-done
		<-done
		return
	}
	for _, mode := range []string{"alone", "wait"} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestRaceStillReported$")
		cmd.Env = append(os.Environ(), "FACADE_RACE_CHILD="+mode)
		out, _ := cmd.CombinedOutput()
		if !strings.Contains(string(out), "WARNING: DATA RACE") {
			t.Errorf("%s: the race on counter was not reported:\n%s", mode, out)
		}
	}
}
