// Package syncutil stands for a team's own facade (policy key "facade"),
// with the names the infacade fixture's swept code uses.
package syncutil

import "sync"

// Mutex is the team's lock.
type Mutex struct{ mu sync.Mutex }

// Lock locks m.
func (m *Mutex) Lock() { m.mu.Lock() }

// Unlock unlocks m.
func (m *Mutex) Unlock() { m.mu.Unlock() }
