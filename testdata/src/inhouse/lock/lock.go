// Package lock is an in-house lock package. The policy allow-lists it and
// its rows move its users onto the facade.
package lock

import "sync"

// SpinLock is a mutex by another name.
type SpinLock struct{ mu sync.Mutex }

// Lock locks l.
func (l *SpinLock) Lock() { l.mu.Lock() }

// Unlock unlocks l.
func (l *SpinLock) Unlock() { l.mu.Unlock() }

// RWMutex is sync's, wrapped.
type RWMutex struct{ sync.RWMutex }
