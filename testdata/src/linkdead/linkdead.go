// Package linkdead uses linkdata/deadlock, go-deadlock's fork.
package linkdead

import (
	"time"

	"github.com/linkdata/deadlock"
)

func init() {
	deadlock.Opts.DeadlockTimeout = time.Minute // want `github.com/linkdata/deadlock.Opts.DeadlockTimeout bypasses the lock facade`
}

type server struct {
	mu  deadlock.Mutex           // want `github.com/linkdata/deadlock.Mutex bypasses the lock facade`
	rw  deadlock.RWMutex         // want `github.com/linkdata/deadlock.RWMutex bypasses the lock facade`
	raw *deadlock.DeadlockMutex  // want `github.com/linkdata/deadlock.DeadlockMutex bypasses the lock facade`
	rrw deadlock.DeadlockRWMutex // want `github.com/linkdata/deadlock.DeadlockRWMutex bypasses the lock facade`
}

func (s *server) serve() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.rw.TryRLock() {
		s.rw.RUnlock()
	}
	s.raw = new(deadlock.DeadlockMutex) // want `github.com/linkdata/deadlock.DeadlockMutex bypasses the lock facade`
	s.rrw.Lock()
	s.rrw.Unlock()
}
