// Package rbmutex uses xsync's reader-biased mutex, whose read lock
// returns a token that the facade's RWMutex does without.
package rbmutex

import "github.com/puzpuzpuz/xsync/v3"

// Cache is read far more often than written.
type Cache struct {
	mu *xsync.RBMutex // want `github.com/puzpuzpuz/xsync/v3.RBMutex bypasses the lock facade`
	m  map[string]int
}

// NewCache makes a Cache.
func NewCache() *Cache {
	return &Cache{mu: xsync.NewRBMutex(), m: make(map[string]int)} // want `github.com/puzpuzpuz/xsync/v3.NewRBMutex bypasses the lock facade`
}

// Get reads under the read lock.
func (c *Cache) Get(k string) int {
	t := c.mu.RLock()     // want `RLock bypasses the lock facade`
	defer c.mu.RUnlock(t) // want `RUnlock bypasses the lock facade`
	return c.m[k]
}

// Put writes under the write lock.
func (c *Cache) Put(k string, v int) {
	c.mu.Lock() // want `Lock bypasses the lock facade`
	c.m[k] = v
	c.mu.Unlock() // want `Unlock bypasses the lock facade`
}
