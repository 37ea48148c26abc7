// Package godeadlock used go-deadlock for deadlock detection in CI; the
// facade's deadlock backend does that job now.
package godeadlock

import (
	"time"

	"github.com/sasha-s/go-deadlock"
)

func init() {
	// Detection settings, read at the first lock.
	deadlock.Opts.DeadlockTimeout = 5 * time.Second // want `github.com/sasha-s/go-deadlock.Opts.DeadlockTimeout bypasses the lock facade`
	deadlock.Opts.Disable = false
}

// Registry holds every go-deadlock wrapper.
type Registry struct {
	mu    deadlock.Mutex     // want `github.com/sasha-s/go-deadlock.Mutex bypasses the lock facade`
	rw    deadlock.RWMutex   // want `github.com/sasha-s/go-deadlock.RWMutex bypasses the lock facade`
	once  deadlock.Once      // want `github.com/sasha-s/go-deadlock.Once bypasses the lock facade`
	wg    deadlock.WaitGroup // want `github.com/sasha-s/go-deadlock.WaitGroup bypasses the lock facade`
	m     deadlock.Map       // want `github.com/sasha-s/go-deadlock.Map bypasses the lock facade`
	pool  deadlock.Pool      // want `github.com/sasha-s/go-deadlock.Pool bypasses the lock facade`
	ready *deadlock.Cond     // want `github.com/sasha-s/go-deadlock.Cond bypasses the lock facade`
}

func newRegistry() *Registry {
	r := &Registry{}
	r.ready = &deadlock.Cond{}  // want `github.com/sasha-s/go-deadlock.Cond bypasses the lock facade`
	_ = deadlock.NewCond(&r.mu) // want `github.com/sasha-s/go-deadlock.NewCond bypasses the lock facade`
	return r
}

func (r *Registry) use() {
	r.once.Do(func() {})
	r.mu.Lock()
	r.mu.Unlock()
	r.rw.RLock()
	r.rw.RUnlock()
	r.wg.Wait()
	r.m.Store(1, 2)
	r.pool.Put(1)
}
