// Package sync is a stub of github.com/anacrolix/sync (3aec205) for the
// fixtures: the same exported API, no profiling. The module proxy does
// not serve this module, so the stub was checked against its source.
package sync

import (
	"io"
	"sync"
)

type (
	WaitGroup = sync.WaitGroup
	Cond      = sync.Cond
	Pool      = sync.Pool
	Locker    = sync.Locker
	Once      = sync.Once
	Map       = sync.Map
)

// Mutex is sync.Mutex with lock profiling.
type Mutex struct {
	mu sync.Mutex
}

// Lock locks the mutex.
func (me *Mutex) Lock() { me.mu.Lock() }

// TryLock tries to lock the mutex.
func (me *Mutex) TryLock() bool { return me.mu.TryLock() }

// Unlock unlocks the mutex.
func (me *Mutex) Unlock() { me.mu.Unlock() }

// RWMutex is sync.RWMutex with lock profiling.
type RWMutex struct {
	rw sync.RWMutex
}

// Lock locks rw for writing.
func (me *RWMutex) Lock() { me.rw.Lock() }

// TryLock tries to lock rw for writing.
func (me *RWMutex) TryLock() bool { return me.rw.TryLock() }

// Unlock unlocks rw for writing.
func (me *RWMutex) Unlock() { me.rw.Unlock() }

// RLock locks rw for reading.
func (me *RWMutex) RLock() { me.rw.RLock() }

// RUnlock undoes a single RLock call.
func (me *RWMutex) RUnlock() { me.rw.RUnlock() }

// TryRLock tries to lock rw for reading.
func (me *RWMutex) TryRLock() bool { return me.rw.TryRLock() }

// OnceFunc is sync.OnceFunc.
func OnceFunc(f func()) func() { return sync.OnceFunc(f) }

// OnceValue is sync.OnceValue.
func OnceValue[T any](f func() T) func() T { return sync.OnceValue(f) }

// PrintLockTimes writes the lock times.
func PrintLockTimes(w io.Writer) {}

// Enable turns on contention and lock-time profiling.
func Enable() {}

// EnableContention turns on contention profiling.
func EnableContention() {}

// EnableLockTimes turns on lock-time profiling.
func EnableLockTimes() {}
