// Package registry keeps named addresses. It used go-deadlock to catch
// lock-order bugs in CI; the facade's deadlock backend does that now.
package registry

import (
	"time"

	"github.com/sasha-s/go-deadlock"
)

func init() {
	// CI machines are slow: wait longer before calling a wait a deadlock.
	deadlock.Opts.DeadlockTimeout = 2 * time.Minute
}

// Registry maps names to addresses.
type Registry struct {
	mu    deadlock.RWMutex // guards addrs
	addrs map[string]string
}

// New returns an empty Registry.
func New() *Registry {
	return &Registry{addrs: make(map[string]string)}
}

// Set records the address of name.
func (r *Registry) Set(name, addr string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.addrs[name] = addr
}

// Get returns the address of name.
func (r *Registry) Get(name string) (string, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	addr, ok := r.addrs[name]
	return addr, ok
}
