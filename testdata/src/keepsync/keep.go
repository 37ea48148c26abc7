// Package keepsync is swept with -atomic=off: sync/atomic stays.
package keepsync

import (
	"sync"
	"sync/atomic"
)

// Counter keeps its atomic and moves its lock.
type Counter struct {
	mu sync.Mutex // want `sync.Mutex bypasses`
	n  atomic.Int64
}
