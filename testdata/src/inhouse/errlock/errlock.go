// Package errlock is an in-house lock whose acquire returns an error that
// never fires: the policy's rows say so.
package errlock

import (
	"sync"
	"time"
)

// Lock is a mutex with an error-returning API.
type Lock struct{ mu sync.Mutex }

// Lock locks l; it never fails.
func (l *Lock) Lock() error {
	l.mu.Lock()
	return nil
}

// Unlock unlocks l; it never fails.
func (l *Lock) Unlock() error {
	l.mu.Unlock()
	return nil
}

// LockWithTimeout locks l; the in-house implementation never times out.
func (l *Lock) LockWithTimeout(d time.Duration) bool {
	l.mu.Lock()
	return true
}

// TryLock tries to lock l; it needs no row: the facade's Mutex has the
// same method.
func (l *Lock) TryLock() bool { return l.mu.TryLock() }
