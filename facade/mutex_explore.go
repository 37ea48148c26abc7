//go:build explore && go1.25 && !deadlock

package facade

import (
	"sync"
	"unsafe"

	"github.com/syncsweep/syncsweep/facade/internal/explore"
)

// Mutex is a mutual exclusion lock; see [sync.Mutex]. Under an exploration
// (package stress) every call is a scheduling point; elsewhere it is
// sync.Mutex.
type Mutex struct {
	mu sync.Mutex
}

// Lock locks m; see [sync.Mutex.Lock].
func (m *Mutex) Lock() {
	if s := explore.Current(); s != nil {
		s.Do(explore.Call{Op: explore.Lock, Obj: unsafe.Pointer(m)})
		explore.Acquire(unsafe.Pointer(m))
		return
	}
	m.mu.Lock()
}

// TryLock tries to lock m and reports whether it succeeded; see
// [sync.Mutex.TryLock].
func (m *Mutex) TryLock() bool {
	if s := explore.Current(); s != nil {
		ok := s.Do(explore.Call{Op: explore.TryLock, Obj: unsafe.Pointer(m)}).OK
		if ok {
			explore.Acquire(unsafe.Pointer(m))
		}
		return ok
	}
	return m.mu.TryLock()
}

// Unlock unlocks m; see [sync.Mutex.Unlock].
func (m *Mutex) Unlock() {
	if s := explore.Current(); s != nil {
		explore.Release(unsafe.Pointer(m))
		s.Do(explore.Call{Op: explore.Unlock, Obj: unsafe.Pointer(m)})
		return
	}
	m.mu.Unlock()
}

// RWMutex is a reader/writer mutual exclusion lock; see [sync.RWMutex].
// Under an exploration it keeps Go's writer preference: once a writer
// waits, new readers wait behind it, so a goroutine that read-locks twice
// deadlocks when a writer arrives between the two.
type RWMutex struct {
	rw sync.RWMutex
}

// The race detector's two synchronisation addresses, as sync.RWMutex has
// readerSem and writerSem.
func (rw *RWMutex) raceR() unsafe.Pointer { return unsafe.Pointer(rw) }
func (rw *RWMutex) raceW() unsafe.Pointer { return unsafe.Add(unsafe.Pointer(rw), 8) }

// RLock locks rw for reading; see [sync.RWMutex.RLock].
func (rw *RWMutex) RLock() {
	if s := explore.Current(); s != nil {
		s.Do(explore.Call{Op: explore.RLock, Obj: unsafe.Pointer(rw)})
		explore.Acquire(rw.raceR())
		return
	}
	rw.rw.RLock()
}

// TryRLock tries to lock rw for reading and reports whether it succeeded;
// see [sync.RWMutex.TryRLock].
func (rw *RWMutex) TryRLock() bool {
	if s := explore.Current(); s != nil {
		ok := s.Do(explore.Call{Op: explore.TryRLock, Obj: unsafe.Pointer(rw)}).OK
		if ok {
			explore.Acquire(rw.raceR())
		}
		return ok
	}
	return rw.rw.TryRLock()
}

// RUnlock undoes a single RLock call; see [sync.RWMutex.RUnlock].
func (rw *RWMutex) RUnlock() {
	if s := explore.Current(); s != nil {
		explore.ReleaseMerge(rw.raceW())
		s.Do(explore.Call{Op: explore.RUnlock, Obj: unsafe.Pointer(rw)})
		return
	}
	rw.rw.RUnlock()
}

// Lock locks rw for writing; see [sync.RWMutex.Lock].
func (rw *RWMutex) Lock() {
	if s := explore.Current(); s != nil {
		s.Do(explore.Call{Op: explore.WLock, Obj: unsafe.Pointer(rw)})
		explore.Acquire(rw.raceR())
		explore.Acquire(rw.raceW())
		return
	}
	rw.rw.Lock()
}

// TryLock tries to lock rw for writing and reports whether it succeeded;
// see [sync.RWMutex.TryLock].
func (rw *RWMutex) TryLock() bool {
	if s := explore.Current(); s != nil {
		ok := s.Do(explore.Call{Op: explore.TryWLock, Obj: unsafe.Pointer(rw)}).OK
		if ok {
			explore.Acquire(rw.raceR())
			explore.Acquire(rw.raceW())
		}
		return ok
	}
	return rw.rw.TryLock()
}

// Unlock unlocks rw for writing; see [sync.RWMutex.Unlock].
func (rw *RWMutex) Unlock() {
	if s := explore.Current(); s != nil {
		explore.Release(rw.raceR())
		s.Do(explore.Call{Op: explore.WUnlock, Obj: unsafe.Pointer(rw)})
		return
	}
	rw.rw.Unlock()
}

// RLocker returns a [Locker] whose Lock and Unlock call rw.RLock and
// rw.RUnlock; see [sync.RWMutex.RLocker].
func (rw *RWMutex) RLocker() Locker { return (*rlocker)(rw) }

type rlocker RWMutex

func (r *rlocker) Lock()   { (*RWMutex)(r).RLock() }
func (r *rlocker) Unlock() { (*RWMutex)(r).RUnlock() }

// LockNested locks m as Lock does. The deadlock backend orders this
// acquisition as subclass i of m's lock class, so that one level of a
// hierarchy of locks of one declaration (a parent node before its child,
// around a lock of another class) is not taken for the other levels; see
// package facade's documentation. Other backends ignore i.
func (m *Mutex) LockNested(i int) { m.Lock() }

// LockNested locks rw for writing as Lock does; the deadlock backend
// orders this acquisition as subclass i of rw's class (see
// [Mutex.LockNested]).
func (rw *RWMutex) LockNested(i int) { rw.Lock() }

// RLockNested locks rw for reading as RLock does; the deadlock backend
// orders this acquisition as subclass i of rw's class (see
// [Mutex.LockNested]).
func (rw *RWMutex) RLockNested(i int) { rw.RLock() }
