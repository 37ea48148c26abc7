// Package anacrolixsync uses anacrolix/sync, a drop-in for sync with lock
// profiling, named sync like the standard package.
package anacrolixsync

import "github.com/anacrolix/sync"

type peer struct {
	mu   sync.Mutex     // want `github.com/anacrolix/sync.Mutex bypasses the lock facade`
	rw   sync.RWMutex   // want `github.com/anacrolix/sync.RWMutex bypasses the lock facade`
	wg   sync.WaitGroup // want `github.com/anacrolix/sync.WaitGroup bypasses the lock facade`
	once sync.Once      // want `github.com/anacrolix/sync.Once bypasses the lock facade`
	m    sync.Map       // want `github.com/anacrolix/sync.Map bypasses the lock facade`
	p    sync.Pool      // want `github.com/anacrolix/sync.Pool bypasses the lock facade`
	c    *sync.Cond     // want `github.com/anacrolix/sync.Cond bypasses the lock facade`
	l    sync.Locker    // want `github.com/anacrolix/sync.Locker bypasses the lock facade`
}

var setup = sync.OnceFunc(func() {}) // want `github.com/anacrolix/sync.OnceFunc bypasses the lock facade`

var name = sync.OnceValue(func() string { return "peer" }) // want `github.com/anacrolix/sync.OnceValue bypasses the lock facade`

func (p *peer) run() string {
	setup()
	p.mu.Lock()
	defer p.mu.Unlock()
	p.l = &p.rw
	return name()
}
