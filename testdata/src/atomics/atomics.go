// Package atomics uses every kind of sync/atomic API.
package atomics

import (
	"sync/atomic"
	"unsafe"
)

// Counters holds typed atomics.
type Counters struct {
	hits  atomic.Int64           // want `sync/atomic.Int64 bypasses the lock facade`
	on    atomic.Bool            // want `sync/atomic.Bool bypasses`
	cfg   atomic.Pointer[string] // want `sync/atomic.Pointer bypasses`
	value atomic.Value           // want `sync/atomic.Value bypasses`
	raw   int64
	u32   atomic.Uint32  // want `sync/atomic.Uint32 bypasses`
	u64   atomic.Uint64  // want `sync/atomic.Uint64 bypasses`
	i32   atomic.Int32   // want `sync/atomic.Int32 bypasses`
	up    atomic.Uintptr // want `sync/atomic.Uintptr bypasses`
}

// Bump uses the functions.
func (c *Counters) Bump(p *unsafe.Pointer) int64 {
	c.hits.Add(1)
	n := atomic.AddInt64(&c.raw, 1)                     // want `sync/atomic.AddInt64 bypasses`
	atomic.StoreInt64(&c.raw, atomic.LoadInt64(&c.raw)) // want `sync/atomic.StoreInt64 bypasses` `sync/atomic.LoadInt64 bypasses`
	atomic.CompareAndSwapPointer(p, nil, nil)           // want `sync/atomic.CompareAndSwapPointer bypasses`
	atomic.OrInt64(&c.raw, 2)                           // want `sync/atomic.OrInt64 bypasses`
	add := atomic.AddInt64                              // want `sync/atomic.AddInt64 bypasses`
	return n + add(&c.raw, 0)
}
