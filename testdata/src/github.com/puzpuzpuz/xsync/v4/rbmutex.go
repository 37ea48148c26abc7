// Package xsync is a stub of github.com/puzpuzpuz/xsync/v4 for the
// fixtures: the same exported API for RBMutex and Counter.
package xsync

import "sync"

// RToken is a reader lock token.
type RToken struct {
	slot uint32
}

// A RBMutex is a reader biased reader/writer mutual exclusion lock.
type RBMutex struct {
	rw sync.RWMutex
}

// NewRBMutex creates a new RBMutex instance.
func NewRBMutex() *RBMutex { return &RBMutex{} }

// TryRLock tries to lock m for reading without blocking.
func (mu *RBMutex) TryRLock() (bool, *RToken) { return mu.rw.TryRLock(), &RToken{} }

// RLock locks m for reading and returns a reader token.
func (mu *RBMutex) RLock() *RToken {
	mu.rw.RLock()
	return &RToken{}
}

// RUnlock undoes a single RLock call.
func (mu *RBMutex) RUnlock(t *RToken) { mu.rw.RUnlock() }

// TryLock tries to lock m for writing without blocking.
func (mu *RBMutex) TryLock() bool { return mu.rw.TryLock() }

// Lock locks m for writing.
func (mu *RBMutex) Lock() { mu.rw.Lock() }

// Unlock unlocks m for writing.
func (mu *RBMutex) Unlock() { mu.rw.Unlock() }

// A Counter is a striped int64 counter.
type Counter struct {
	n int64
}

// NewCounter creates a new Counter instance.
func NewCounter() *Counter { return &Counter{} }

// Add increments the counter by delta.
func (c *Counter) Add(delta int64) { c.n += delta }
