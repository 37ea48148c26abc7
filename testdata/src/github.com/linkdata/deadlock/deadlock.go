// Package deadlock is a stub of github.com/linkdata/deadlock v0.5.5 for
// the fixtures: the same exported API, no detection.
package deadlock

import (
	"io"
	"sync"
	"time"
)

// Options are the detector's options.
type Options struct {
	DeadlockTimeout           time.Duration
	OnPotentialDeadlock       func()
	MaxMapSize                int
	PrintAllCurrentGoroutines bool
	LogBuf                    io.Writer
}

// Opts control how deadlock detection behaves.
var Opts = Options{}

// WriteLocked calls fn with Opts locked for writing.
func (opts *Options) WriteLocked(fn func()) { fn() }

// ReadLocked calls fn with Opts locked for reading.
func (opts *Options) ReadLocked(fn func()) { fn() }

// DeadlockMutex is sync.Mutex with deadlock detection.
type DeadlockMutex struct {
	mu sync.Mutex
}

// Lock locks the mutex.
func (m *DeadlockMutex) Lock() { m.mu.Lock() }

// TryLock tries to lock the mutex.
func (m *DeadlockMutex) TryLock() bool { return m.mu.TryLock() }

// Unlock unlocks the mutex.
func (m *DeadlockMutex) Unlock() { m.mu.Unlock() }

// DeadlockRWMutex is sync.RWMutex with deadlock detection.
type DeadlockRWMutex struct {
	mu sync.RWMutex
}

// Lock locks rw for writing.
func (m *DeadlockRWMutex) Lock() { m.mu.Lock() }

// TryLock tries to lock rw for writing.
func (m *DeadlockRWMutex) TryLock() bool { return m.mu.TryLock() }

// Unlock unlocks rw for writing.
func (m *DeadlockRWMutex) Unlock() { m.mu.Unlock() }

// RLock locks rw for reading.
func (m *DeadlockRWMutex) RLock() { m.mu.RLock() }

// TryRLock tries to lock rw for reading.
func (m *DeadlockRWMutex) TryRLock() bool { return m.mu.TryRLock() }

// RUnlock undoes a single RLock call.
func (m *DeadlockRWMutex) RUnlock() { m.mu.RUnlock() }

// RLocker returns a Locker interface by calling RLock and RUnlock.
func (m *DeadlockRWMutex) RLocker() sync.Locker { return m.mu.RLocker() }

// Mutex is a DeadlockMutex (or sync.Mutex when detection is disabled).
type Mutex struct{ DeadlockMutex }

// RWMutex is a DeadlockRWMutex (or sync.RWMutex when detection is disabled).
type RWMutex struct{ DeadlockRWMutex }
