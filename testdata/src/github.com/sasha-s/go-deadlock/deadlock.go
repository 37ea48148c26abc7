// Package deadlock is a stub of github.com/sasha-s/go-deadlock v0.3.9 for
// the fixtures: the same exported API (catalog's tests compare them), no
// detection.
package deadlock

import (
	"io"
	"sync"
	"time"
)

// TimerPoolMode controls timer pooling behavior.
type TimerPoolMode int

// The timer pool modes.
const (
	TimerPoolDefault TimerPoolMode = iota
	TimerPoolEnabled
	TimerPoolDisabled
)

// Opts control how deadlock detection behaves.
var Opts = struct {
	Disable                   bool
	DisableLockOrderDetection bool
	DeadlockTimeout           time.Duration
	OnPotentialDeadlock       func()
	MaxMapSize                int
	PrintAllCurrentGoroutines bool
	TimerPool                 TimerPoolMode
	mu                        *sync.Mutex
	LogBuf                    io.Writer
}{}

// Cond is sync.Cond wrapper.
type Cond struct {
	sync.Cond
}

// Locker is sync.Locker wrapper.
type Locker struct {
	sync.Locker
}

// Once is sync.Once wrapper.
type Once struct {
	sync.Once
}

// Pool is sync.Pool wrapper.
type Pool struct {
	sync.Pool
}

// WaitGroup is sync.WaitGroup wrapper.
type WaitGroup struct {
	sync.WaitGroup
}

// Map is sync.Map wrapper.
type Map struct {
	sync.Map
}

// NewCond is a sync.NewCond wrapper.
var NewCond = sync.NewCond

// A Mutex is a drop-in replacement for sync.Mutex.
type Mutex struct {
	mu sync.Mutex
}

// Lock locks the mutex.
func (m *Mutex) Lock() { m.mu.Lock() }

// Unlock unlocks the mutex.
func (m *Mutex) Unlock() { m.mu.Unlock() }

// TryLock tries to lock the mutex.
func (m *Mutex) TryLock() bool { return m.mu.TryLock() }

// An RWMutex is a drop-in replacement for sync.RWMutex.
type RWMutex struct {
	mu sync.RWMutex
}

// Lock locks rw for writing.
func (m *RWMutex) Lock() { m.mu.Lock() }

// Unlock unlocks rw for writing.
func (m *RWMutex) Unlock() { m.mu.Unlock() }

// RLock locks rw for reading.
func (m *RWMutex) RLock() { m.mu.RLock() }

// RUnlock undoes a single RLock call.
func (m *RWMutex) RUnlock() { m.mu.RUnlock() }

// RLocker returns a Locker interface by calling RLock and RUnlock.
func (m *RWMutex) RLocker() sync.Locker { return m.mu.RLocker() }

// TryLock tries to lock rw for writing.
func (m *RWMutex) TryLock() bool { return m.mu.TryLock() }

// TryRLock tries to lock rw for reading.
func (m *RWMutex) TryRLock() bool { return m.mu.TryRLock() }
