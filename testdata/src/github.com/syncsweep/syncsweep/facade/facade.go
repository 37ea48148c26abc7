// Package facade is a test stand-in for the real facade: the sweep must
// leave the facade's own use of sync alone.
package facade

import "sync"

// Mutex wraps sync.Mutex.
type Mutex struct{ mu sync.Mutex }

// Lock locks m.
func (m *Mutex) Lock() { m.mu.Lock() }

// Unlock unlocks m.
func (m *Mutex) Unlock() { m.mu.Unlock() }
