// Package cache is a small legacy cache that locks with sync directly.
package cache

import (
	"sync"
	"sync/atomic"
)

// Cache maps keys to values under a read-write lock.
type Cache struct {
	mu     sync.RWMutex // guards items
	items  map[string]string
	hits   atomic.Int64
	misses int64 // updated with atomic.AddInt64
	init   sync.Once
}

// Get returns the value for key.
func (c *Cache) Get(key string) (string, bool) {
	c.init.Do(c.reset)
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.items[key]
	if ok {
		c.hits.Add(1)
	} else {
		atomic.AddInt64(&c.misses, 1)
	}
	return v, ok
}

// Put stores value under key.
func (c *Cache) Put(key, value string) {
	c.init.Do(c.reset)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[key] = value
}

// Stats returns the hit and miss counts.
func (c *Cache) Stats() (hits, misses int64) {
	return c.hits.Load(), atomic.LoadInt64(&c.misses)
}

func (c *Cache) reset() { c.items = make(map[string]string) }
