//go:build deadlock && !race

//lint:file-ignore SA2001 these tests exercise lock order; the sections are empty on purpose

package facade_test

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sasha-s/go-deadlock"
)

// go-deadlock, which the deadlock backend used before its own detector,
// stays a test dependency: the benchmarks run against it, and these tests
// assert the quirks that the detector does not share, so that a newer
// go-deadlock that fixes one is noticed. (It left the facade's non-test
// code so that an adopter's go.mod no longer carries it.) Not under -race:
// go-deadlock reads its Opts without synchronization, so these tests'
// settings race with its timers, a quirk of its own.

// goDeadlockReports runs f with go-deadlock reporting into a buffer
// instead of exiting, and returns what it wrote.
func goDeadlockReports(f func()) string {
	var mu sync.Mutex
	var buf bytes.Buffer
	oldLog, oldOn, oldTimeout := deadlock.Opts.LogBuf, deadlock.Opts.OnPotentialDeadlock, deadlock.Opts.DeadlockTimeout
	deadlock.Opts.LogBuf = lockedWriter{&mu, &buf}
	deadlock.Opts.OnPotentialDeadlock = func() {}
	defer func() {
		deadlock.Opts.LogBuf, deadlock.Opts.OnPotentialDeadlock, deadlock.Opts.DeadlockTimeout = oldLog, oldOn, oldTimeout
	}()
	f()
	mu.Lock()
	defer mu.Unlock()
	return buf.String()
}

type lockedWriter struct {
	mu  *sync.Mutex
	buf *bytes.Buffer
}

func (w lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.Write(p)
}

// go-deadlock reports the holder's own TryLock as recursive locking
// (ours: TestTryLockByHolderOnlyFails).
func TestGoDeadlockQuirkTryLockByHolder(t *testing.T) {
	var mu deadlock.Mutex
	out := goDeadlockReports(func() {
		mu.Lock()
		mu.TryLock()
		mu.Unlock()
	})
	if !strings.Contains(out, "Recursive locking") {
		t.Errorf("go-deadlock no longer reports a holder's TryLock:\n%s", out)
	}
}

// A TryLock that fails on a held lock makes go-deadlock drop the holder's
// record, so a wait longer than the timeout goes unreported (ours:
// TestLongWaitReported).
func TestGoDeadlockQuirkFailedTryLockHidesLongWait(t *testing.T) {
	wait := func(failedTry bool) string {
		return goDeadlockReports(func() {
			deadlock.Opts.DeadlockTimeout = 50 * time.Millisecond
			var mu deadlock.Mutex
			mu.Lock()
			if failedTry {
				done := make(chan bool)
				go func() { done <- mu.TryLock() }()
				<-done
			}
			acquired := make(chan struct{})
			go func() {
				mu.Lock()
				mu.Unlock()
				close(acquired)
			}()
			time.Sleep(300 * time.Millisecond)
			mu.Unlock()
			<-acquired
		})
	}
	if out := wait(false); !strings.Contains(out, "Have been trying to lock it again") {
		t.Fatalf("control: go-deadlock did not report a long wait:\n%s", out)
	}
	if out := wait(true); strings.Contains(out, "Have been trying to lock it again") {
		t.Errorf("go-deadlock now reports the long wait after a failed TryLock:\n%s", out)
	}
}

type gdCache struct {
	mu    deadlock.Mutex
	store *gdStore
}

type gdStore struct {
	mu    deadlock.Mutex
	cache *gdCache
}

// go-deadlock orders locks per object: the cache/store inversion on
// different objects goes unreported (ours: TestClassInversion in package
// stress).
func TestGoDeadlockQuirkNoClasses(t *testing.T) {
	pair := func() *gdCache {
		c := &gdCache{store: &gdStore{}}
		c.store.cache = c
		return c
	}
	out := goDeadlockReports(func() {
		c := pair()
		c.mu.Lock()
		c.store.mu.Lock()
		c.store.mu.Unlock()
		c.mu.Unlock()
		s := pair().store
		s.mu.Lock()
		s.cache.mu.Lock()
		s.cache.mu.Unlock()
		s.mu.Unlock()
	})
	if out != "" {
		t.Errorf("go-deadlock now reports an inversion of declarations:\n%s", out)
	}
}
