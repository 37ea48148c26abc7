//go:build deadlock && !explore

// The deadlock backend: Mutex and RWMutex are sync's, checked by the
// detector in facade/internal/lockdep, which reports recursive locking,
// lock-order inversions (between two locks, and between lock classes) and
// waits longer than a timeout. Everything else in the facade is the
// default backend's.
//
// Quirks, each asserted by a test (quirks_deadlock_test.go,
// options_deadlock_test.go):
//   - Recursive read locking (RLock twice in one goroutine) is reported,
//     although sync allows it: it deadlocks as soon as a writer waits
//     between the two calls.
//   - A lock held longer than the timeout while another goroutine waits for
//     it is reported even when the holder would release it later: choose
//     the timeout (SYNCSWEEP_DEADLOCK_TIMEOUT) above the longest legitimate
//     hold.
//   - Classes merge objects: two classes taken in both orders are reported
//     even if no object of one is ever locked with an object of the other
//     in both orders (lockdep's rule: the code can deadlock as soon as the
//     two paths meet on one pair). LockNested separates the levels of a
//     hierarchy that are taken around another class.
//   - A lock the sweep's table does not name is a class of its own call
//     site (of its first acquisition): see package lockdep.

package facade

import (
	"sync"

	"github.com/syncsweep/syncsweep/facade/internal/lockdep"
)

// Mutex is a mutual exclusion lock; see [sync.Mutex]. In this build it
// detects potential deadlocks (see [DetectorOptions]).
type Mutex struct {
	mu sync.Mutex
	d  lockdep.Lock
}

// Lock locks m; see [sync.Mutex.Lock].
//
//go:noinline
func (m *Mutex) Lock() { m.lock(0) }

// LockNested locks m as Lock does; the deadlock detector orders this
// acquisition as subclass i of m's class (see [DetectorOptions]).
//
//go:noinline
func (m *Mutex) LockNested(i int) { m.lock(i) }

func (m *Mutex) lock(sub int) {
	t := m.d.Acquire(lockdep.Write, sub)
	if !m.mu.TryLock() {
		t.Wait(&m.d, lockdep.Write)
		m.mu.Lock()
		t.Waited()
	}
	m.d.Acquired(t, lockdep.Write, true)
}

// TryLock tries to lock m and reports whether it succeeded; see
// [sync.Mutex.TryLock].
//
//go:noinline
func (m *Mutex) TryLock() bool {
	t := m.d.Acquire(lockdep.TryWrite, 0)
	ok := m.mu.TryLock()
	m.d.Acquired(t, lockdep.TryWrite, ok)
	return ok
}

// Unlock unlocks m; see [sync.Mutex.Unlock].
func (m *Mutex) Unlock() {
	m.d.Release(false)
	m.mu.Unlock()
}

// RWMutex is a reader/writer mutual exclusion lock; see [sync.RWMutex]. In
// this build it detects potential deadlocks (see [DetectorOptions]).
type RWMutex struct {
	rw sync.RWMutex
	d  lockdep.Lock
}

// RLock locks rw for reading; see [sync.RWMutex.RLock].
//
//go:noinline
func (rw *RWMutex) RLock() { rw.rlock(0) }

// RLockNested locks rw for reading as RLock does; the deadlock detector
// orders this acquisition as subclass i of rw's class.
//
//go:noinline
func (rw *RWMutex) RLockNested(i int) { rw.rlock(i) }

func (rw *RWMutex) rlock(sub int) {
	t := rw.d.Acquire(lockdep.Read, sub)
	if !rw.rw.TryRLock() {
		t.Wait(&rw.d, lockdep.Read)
		rw.rw.RLock()
		t.Waited()
	}
	rw.d.Acquired(t, lockdep.Read, true)
}

// TryRLock tries to lock rw for reading and reports whether it succeeded;
// see [sync.RWMutex.TryRLock].
//
//go:noinline
func (rw *RWMutex) TryRLock() bool {
	t := rw.d.Acquire(lockdep.TryRead, 0)
	ok := rw.rw.TryRLock()
	rw.d.Acquired(t, lockdep.TryRead, ok)
	return ok
}

// RUnlock undoes a single RLock call; see [sync.RWMutex.RUnlock].
func (rw *RWMutex) RUnlock() {
	rw.d.Release(true)
	rw.rw.RUnlock()
}

// Lock locks rw for writing; see [sync.RWMutex.Lock].
//
//go:noinline
func (rw *RWMutex) Lock() { rw.lock(0) }

// LockNested locks rw for writing as Lock does; the deadlock detector
// orders this acquisition as subclass i of rw's class.
//
//go:noinline
func (rw *RWMutex) LockNested(i int) { rw.lock(i) }

func (rw *RWMutex) lock(sub int) {
	t := rw.d.Acquire(lockdep.Write, sub)
	if !rw.rw.TryLock() {
		t.Wait(&rw.d, lockdep.Write)
		rw.rw.Lock()
		t.Waited()
	}
	rw.d.Acquired(t, lockdep.Write, true)
}

// TryLock tries to lock rw for writing and reports whether it succeeded;
// see [sync.RWMutex.TryLock].
//
//go:noinline
func (rw *RWMutex) TryLock() bool {
	t := rw.d.Acquire(lockdep.TryWrite, 0)
	ok := rw.rw.TryLock()
	rw.d.Acquired(t, lockdep.TryWrite, ok)
	return ok
}

// Unlock unlocks rw for writing; see [sync.RWMutex.Unlock].
func (rw *RWMutex) Unlock() {
	rw.d.Release(false)
	rw.rw.Unlock()
}

// RLocker returns a [Locker] whose Lock and Unlock call rw.RLock and
// rw.RUnlock; see [sync.RWMutex.RLocker].
func (rw *RWMutex) RLocker() Locker { return (*rlocker)(rw) }

type rlocker RWMutex

func (r *rlocker) Lock()   { (*RWMutex)(r).RLock() }
func (r *rlocker) Unlock() { (*RWMutex)(r).RUnlock() }
