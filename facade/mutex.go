//go:build !deadlock && !explore

package facade

import "sync"

// Mutex is a mutual exclusion lock; see [sync.Mutex].
// The zero value is an unlocked mutex. A Mutex must not be copied after
// first use.
type Mutex struct {
	mu sync.Mutex
}

// Lock locks m; see [sync.Mutex.Lock].
func (m *Mutex) Lock() { m.mu.Lock() }

// TryLock tries to lock m and reports whether it succeeded; see
// [sync.Mutex.TryLock].
func (m *Mutex) TryLock() bool { return m.mu.TryLock() }

// Unlock unlocks m; see [sync.Mutex.Unlock].
func (m *Mutex) Unlock() { m.mu.Unlock() }

// LockNested locks m as Lock does. The deadlock backend orders this
// acquisition as subclass i of m's lock class, so that one level of a
// hierarchy of locks of one declaration (a parent node before its child,
// around a lock of another class) is not taken for the other levels; see
// package facade's documentation. Other backends ignore i.
func (m *Mutex) LockNested(i int) { m.mu.Lock() }

// RWMutex is a reader/writer mutual exclusion lock; see [sync.RWMutex].
// The zero value is an unlocked mutex. An RWMutex must not be copied after
// first use.
type RWMutex struct {
	rw sync.RWMutex
}

// RLock locks rw for reading; see [sync.RWMutex.RLock].
func (rw *RWMutex) RLock() { rw.rw.RLock() }

// TryRLock tries to lock rw for reading and reports whether it succeeded;
// see [sync.RWMutex.TryRLock].
func (rw *RWMutex) TryRLock() bool { return rw.rw.TryRLock() }

// RUnlock undoes a single RLock call; see [sync.RWMutex.RUnlock].
func (rw *RWMutex) RUnlock() { rw.rw.RUnlock() }

// Lock locks rw for writing; see [sync.RWMutex.Lock].
func (rw *RWMutex) Lock() { rw.rw.Lock() }

// TryLock tries to lock rw for writing and reports whether it succeeded;
// see [sync.RWMutex.TryLock].
func (rw *RWMutex) TryLock() bool { return rw.rw.TryLock() }

// Unlock unlocks rw for writing; see [sync.RWMutex.Unlock].
func (rw *RWMutex) Unlock() { rw.rw.Unlock() }

// LockNested locks rw for writing as Lock does; the deadlock backend
// orders this acquisition as subclass i of rw's class (see
// [Mutex.LockNested]).
func (rw *RWMutex) LockNested(i int) { rw.rw.Lock() }

// RLockNested locks rw for reading as RLock does; the deadlock backend
// orders this acquisition as subclass i of rw's class (see
// [Mutex.LockNested]).
func (rw *RWMutex) RLockNested(i int) { rw.rw.RLock() }

// RLocker returns a [Locker] whose Lock and Unlock call rw.RLock and
// rw.RUnlock (on the facade RWMutex, so every backend sees them); see
// [sync.RWMutex.RLocker].
func (rw *RWMutex) RLocker() Locker { return (*rlocker)(rw) }

type rlocker RWMutex

func (r *rlocker) Lock()   { (*RWMutex)(r).RLock() }
func (r *rlocker) Unlock() { (*RWMutex)(r).RUnlock() }
