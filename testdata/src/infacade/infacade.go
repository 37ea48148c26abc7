// Package infacade is swept onto an in-house facade (policy key "facade").
package infacade

import (
	"sync"
	"sync/atomic"
)

var (
	mu sync.Mutex   // want `sync.Mutex bypasses the lock facade \(inhouse/syncutil\)`
	n  atomic.Int64 // want `sync/atomic.Int64 bypasses the lock facade \(inhouse/syncutil/atomic\)`
)

// Inc counts under the lock.
func Inc() { mu.Lock(); n.Add(1); mu.Unlock() }
