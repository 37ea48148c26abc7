// Package userrow uses an in-house lock package that the policy's rows map
// onto the facade.
package userrow

import (
	"fmt"

	"inhouse/lock"
)

// Cache guards its map with in-house locks.
type Cache struct {
	mu lock.SpinLock // want `inhouse/lock.SpinLock bypasses the lock facade`
	rw lock.RWMutex  // want `inhouse/lock.RWMutex bypasses the lock facade`
	m  map[string]int
}

// Get reads under the read lock.
func (c *Cache) Get(k string) int {
	c.rw.RLock()
	defer c.rw.RUnlock()
	c.mu.Lock()
	defer c.mu.Unlock()
	fmt.Println(k)
	return c.m[k]
}
