// Package sync is a user package that happens to be called sync.
package sync

// Mutex is the user's own type; syncsweep must never touch it.
type Mutex struct{ held bool }

// Lock marks it held.
func (m *Mutex) Lock() { m.held = true }
