//go:build deadlock && !explore

// The deadlock backend: Mutex and RWMutex are github.com/sasha-s/go-deadlock's,
// which report lock-order inversions, recursive locking and waits longer than
// a timeout. Everything else in the facade is the default backend's.
//
// Quirks, each asserted by a test (quirks_deadlock_test.go,
// options_deadlock_test.go):
//   - The holder's own TryLock is reported as recursive locking, although it
//     only fails: go-deadlock checks before it tries.
//   - Recursive read locking (RLock twice in one goroutine) is reported,
//     although sync allows it: it deadlocks as soon as a writer waits between
//     the two calls, so go-deadlock treats it as a bug.
//   - A lock held longer than the timeout while another goroutine waits for
//     it is reported even when the holder would release it later: choose the
//     timeout (SYNCSWEEP_DEADLOCK_TIMEOUT) above the longest legitimate hold.
//   - Detection costs a goroutine id lookup and a stack capture per Lock; the
//     benchmarks in bench_deadlock_test.go show it is go-deadlock's own cost.
//   - A TryLock that fails because another goroutine holds the lock makes
//     go-deadlock drop that holder's record (it books the failure like an
//     unlock), so a goroutine then waiting longer than the timeout for the
//     lock is not reported (TestQuirkFailedTryLockHidesLongWait, in
//     options_deadlock_test.go).

package facade

import (
	"github.com/sasha-s/go-deadlock"
)

// Mutex is a mutual exclusion lock; see [sync.Mutex]. In this build it
// detects potential deadlocks (see [DetectorOptions]).
type Mutex struct {
	mu deadlock.Mutex
}

// Lock locks m; see [sync.Mutex.Lock].
func (m *Mutex) Lock() { markUsed(); m.mu.Lock() }

// TryLock tries to lock m and reports whether it succeeded; see
// [sync.Mutex.TryLock].
func (m *Mutex) TryLock() bool { markUsed(); return m.mu.TryLock() }

// Unlock unlocks m; see [sync.Mutex.Unlock].
func (m *Mutex) Unlock() { m.mu.Unlock() }

// RWMutex is a reader/writer mutual exclusion lock; see [sync.RWMutex]. In
// this build it detects potential deadlocks (see [DetectorOptions]).
type RWMutex struct {
	rw deadlock.RWMutex
}

// RLock locks rw for reading; see [sync.RWMutex.RLock].
func (rw *RWMutex) RLock() { markUsed(); rw.rw.RLock() }

// TryRLock tries to lock rw for reading and reports whether it succeeded;
// see [sync.RWMutex.TryRLock].
func (rw *RWMutex) TryRLock() bool { markUsed(); return rw.rw.TryRLock() }

// RUnlock undoes a single RLock call; see [sync.RWMutex.RUnlock].
func (rw *RWMutex) RUnlock() { rw.rw.RUnlock() }

// Lock locks rw for writing; see [sync.RWMutex.Lock].
func (rw *RWMutex) Lock() { markUsed(); rw.rw.Lock() }

// TryLock tries to lock rw for writing and reports whether it succeeded;
// see [sync.RWMutex.TryLock].
func (rw *RWMutex) TryLock() bool { markUsed(); return rw.rw.TryLock() }

// Unlock unlocks rw for writing; see [sync.RWMutex.Unlock].
func (rw *RWMutex) Unlock() { rw.rw.Unlock() }

// RLocker returns a [Locker] whose Lock and Unlock call rw.RLock and
// rw.RUnlock; see [sync.RWMutex.RLocker].
func (rw *RWMutex) RLocker() Locker { return (*rlocker)(rw) }

type rlocker RWMutex

func (r *rlocker) Lock()   { (*RWMutex)(r).RLock() }
func (r *rlocker) Unlock() { (*RWMutex)(r).RUnlock() }
