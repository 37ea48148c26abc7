//go:build deadlock

//lint:file-ignore SA2001 the helpers build lock-order inversions; the sections are empty on purpose

package facade_test

import (
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/syncsweep/syncsweep/facade"
)

// Helpers that run only in a child process (optionsHelperEnv set): each
// must be the first code of its process to use a facade lock.
const optionsHelperEnv = "FACADE_OPTIONS_HELPER"

// isHelper reports whether this process is a helper child. In the parent
// the helper tests return at once, like os/exec's TestHelperProcess: the
// tests that run them as children assert their behaviour.
func isHelper() bool { return os.Getenv(optionsHelperEnv) != "" }

// TestHelperOptionsThenInversion sets options as a TestMain would, then
// inverts a lock order.
func TestHelperOptionsThenInversion(t *testing.T) {
	if !isHelper() {
		return
	}
	facade.SetDetectorOptions(facade.DetectorOptions{Timeout: time.Second})
	var a, b facade.Mutex
	a.Lock()
	b.Lock()
	b.Unlock()
	a.Unlock()
	b.Lock()
	a.Lock()
	a.Unlock()
	b.Unlock()
}

// TestHelperLongWait holds a lock for ten times the timeout (100ms) while
// another goroutine waits for it; with FAILED_TRYLOCK set, a third
// goroutine's TryLock fails on the held lock first.
func TestHelperLongWait(t *testing.T) {
	if !isHelper() {
		return
	}
	var mu facade.Mutex
	mu.Lock()
	if os.Getenv("FAILED_TRYLOCK") != "" {
		got := make(chan bool)
		go func() { got <- mu.TryLock() }()
		if <-got {
			t.Fatal("TryLock of a held lock succeeded")
		}
	}
	acquired := make(chan struct{})
	go func() {
		mu.Lock()
		mu.Unlock()
		close(acquired)
	}()
	time.Sleep(time.Second)
	mu.Unlock()
	<-acquired
}

func runOptionsHelper(t *testing.T, name string, env ...string) (string, error) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+name+"$", "-test.timeout=20s")
	cmd.Env = append(append(os.Environ(), optionsHelperEnv+"=1"), env...)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// TestEnvironmentHasLastWord: SYNCSWEEP_DEADLOCK=off switches detection off
// even in code that sets options itself (CI's switch must work on every
// test binary), and a value that is neither off nor on is refused loudly.
func TestEnvironmentHasLastWord(t *testing.T) {
	out, err := runOptionsHelper(t, "TestHelperOptionsThenInversion")
	if err == nil || !strings.Contains(out, "lock-order inversion") {
		t.Errorf("control: the inversion was not reported:\n%s", out)
	}
	out, err = runOptionsHelper(t, "TestHelperOptionsThenInversion", "SYNCSWEEP_DEADLOCK=off")
	if err != nil || strings.Contains(out, "POTENTIAL DEADLOCK") {
		t.Errorf("SYNCSWEEP_DEADLOCK=off, but SetDetectorOptions switched detection back on: %v\n%s", err, out)
	}
	out, err = runOptionsHelper(t, "TestHelperOptionsThenInversion", "SYNCSWEEP_DEADLOCK=of")
	if err == nil || !strings.Contains(out, `SYNCSWEEP_DEADLOCK="of"`) {
		t.Errorf("SYNCSWEEP_DEADLOCK=of (a typo) was accepted: %v\n%s", err, out)
	}
}

// A wait longer than the timeout is reported with the goroutine that
// holds the lock, also after a TryLock failed on it (go-deadlock books a
// failed TryLock like an unlock and drops the holder's record, so it
// misses this wait: see godeadlock_test.go).
func TestLongWaitReported(t *testing.T) {
	for _, env := range [][]string{nil, {"FAILED_TRYLOCK=1"}} {
		out, err := runOptionsHelper(t, "TestHelperLongWait", append(env, "SYNCSWEEP_DEADLOCK_TIMEOUT=100ms")...)
		if err == nil || !strings.Contains(out, "has waited") || !strings.Contains(out, "held by goroutine") {
			t.Errorf("%v: a wait of ten times the timeout was not reported:\n%s", env, out)
		}
	}
	out, err := runOptionsHelper(t, "TestHelperLongWait", "SYNCSWEEP_DEADLOCK_TIMEOUT=2s")
	if err != nil || strings.Contains(out, "POTENTIAL DEADLOCK") {
		t.Errorf("a wait of half the timeout was reported: %v\n%s", err, out)
	}
}
