package rbmutex

import (
	"github.com/puzpuzpuz/xsync/v4"
)

// counters uses the v4 module and a value, not a pointer.
type counters struct {
	mu xsync.RBMutex // want `github.com/puzpuzpuz/xsync/v4.RBMutex bypasses the lock facade`
	n  map[string]int
	c  *xsync.Counter
}

func (c *counters) read(k string) (int, bool) {
	tok := c.mu.RLock() // want `RLock bypasses the lock facade`
	n, ok := c.n[k]
	c.mu.RUnlock(tok) // want `RUnlock bypasses the lock facade`
	c.c.Add(1)
	if c.mu.TryLock() { // want `TryLock bypasses the lock facade`
		c.mu.Unlock() // want `Unlock bypasses the lock facade`
	}
	return n, ok
}
