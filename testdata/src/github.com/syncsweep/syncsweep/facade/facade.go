// Package facade is a test stand-in for the real facade: the sweep must
// leave the facade's own use of sync alone. It has the real facade's
// names, so that fixtures' fixed code type-checks.
package facade

import (
	"sync"
	"time"
)

// Mutex wraps sync.Mutex.
type Mutex struct{ mu sync.Mutex }

// Lock locks m.
func (m *Mutex) Lock() { m.mu.Lock() }

// TryLock tries to lock m.
func (m *Mutex) TryLock() bool { return m.mu.TryLock() }

// Unlock unlocks m.
func (m *Mutex) Unlock() { m.mu.Unlock() }

// RWMutex wraps sync.RWMutex.
type RWMutex struct{ rw sync.RWMutex }

// Lock locks rw for writing.
func (rw *RWMutex) Lock() { rw.rw.Lock() }

// RLock locks rw for reading.
func (rw *RWMutex) RLock() { rw.rw.RLock() }

// RLocker returns a Locker that read-locks rw.
func (rw *RWMutex) RLocker() Locker { return rw.rw.RLocker() }

// RUnlock undoes one RLock.
func (rw *RWMutex) RUnlock() { rw.rw.RUnlock() }

// TryLock tries to lock rw for writing.
func (rw *RWMutex) TryLock() bool { return rw.rw.TryLock() }

// TryRLock tries to lock rw for reading.
func (rw *RWMutex) TryRLock() bool { return rw.rw.TryRLock() }

// Unlock unlocks rw for writing.
func (rw *RWMutex) Unlock() { rw.rw.Unlock() }

// The rest of the surface, as the real facade's default backend has it.
type (
	Cond      = sync.Cond
	Locker    = sync.Locker
	Map       = sync.Map
	Once      = sync.Once
	Pool      = sync.Pool
	WaitGroup = sync.WaitGroup
)

// NewCond returns a new Cond with Locker l.
func NewCond(l Locker) *Cond { return sync.NewCond(l) }

// OnceFunc is sync.OnceFunc.
func OnceFunc(f func()) func() { return sync.OnceFunc(f) }

// OnceValue is sync.OnceValue.
func OnceValue[T any](f func() T) func() T { return sync.OnceValue(f) }

// OnceValues is sync.OnceValues.
func OnceValues[T1, T2 any](f func() (T1, T2)) func() (T1, T2) { return sync.OnceValues(f) }

// DetectorOptions configure the deadlock backend.
type DetectorOptions struct {
	Timeout time.Duration
	Disable bool
}

// SetDetectorOptions sets the deadlock backend's options.
func SetDetectorOptions(o DetectorOptions) {}
