//go:build deadlock

//lint:file-ignore SA2001 these tests exercise lock order and recursion; the sections are empty on purpose

package facade_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/syncsweep/syncsweep/facade"
)

// capture collects the deadlock reports made while f runs.
func capture(f func()) []string {
	var mu sync.Mutex
	var reports []string
	restore := facade.ReportDeadlocksTo(func(r string) {
		mu.Lock()
		reports = append(reports, r)
		mu.Unlock()
	})
	defer restore()
	f()
	mu.Lock()
	defer mu.Unlock()
	return reports
}

func reported(reports []string, what string) bool {
	for _, r := range reports {
		if strings.Contains(r, what) {
			return true
		}
	}
	return false
}

// The detector's job: an inversion of lock order between two goroutines is
// reported even when it did not deadlock this time.
func TestDetectsInversion(t *testing.T) {
	var a, b facade.Mutex
	reports := capture(func() {
		a.Lock()
		b.Lock()
		b.Unlock()
		a.Unlock()
		done := make(chan struct{})
		go func() {
			defer close(done)
			b.Lock()
			a.Lock()
			a.Unlock()
			b.Unlock()
		}()
		<-done
	})
	if !reported(reports, "Inconsistent locking") {
		t.Fatalf("inversion not reported: %q", reports)
	}
}

// Quirk (documented in mutex_deadlock.go): the holder's own TryLock is
// reported as recursive locking, although it only fails.
func TestQuirkTryLockByHolder(t *testing.T) {
	var mu facade.Mutex
	var got bool
	reports := capture(func() {
		mu.Lock()
		got = mu.TryLock()
		mu.Unlock()
	})
	if got || !reported(reports, "Recursive locking") {
		t.Fatalf("TryLock = %v, reports %q", got, reports)
	}
}

// Quirk (documented in mutex_deadlock.go): recursive read locking, which
// sync allows, is reported.
func TestQuirkRecursiveRLock(t *testing.T) {
	var rw facade.RWMutex
	reports := capture(func() {
		rw.RLock()
		rw.RLock()
		rw.RUnlock()
		rw.RUnlock()
	})
	if !reported(reports, "Recursive locking") {
		t.Fatalf("recursive RLock not reported: %q", reports)
	}
}

// Options may not change once a lock was used: the detector reads them
// without synchronization.
func TestOptionsAfterFirstUsePanic(t *testing.T) {
	var mu facade.Mutex
	mu.Lock()
	mu.Unlock()
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "set the options first") {
			t.Fatalf("recover() = %v", r)
		}
	}()
	facade.SetDetectorOptions(facade.DetectorOptions{})
}
