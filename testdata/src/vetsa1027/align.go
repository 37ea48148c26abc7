// Package vetsa1027 adds atomically to 64-bit fields, aligned and not (on
// a 32-bit platform).
package vetsa1027

import (
	stdatomic "sync/atomic"

	"github.com/syncsweep/syncsweep/facade/atomic"
)

type stats struct {
	first int64 // the first word: aligned
	flag  bool
	n     int64 // after a bool: at offset 12 on 386
	m     uint64
}

// Bump adds to each.
func Bump(s *stats) {
	atomic.AddInt64(&s.first, 1)
	atomic.AddInt64(&s.n, 1)    // want `address of non 64-bit aligned field n passed to github.com/syncsweep/syncsweep/facade/atomic.AddInt64`
	atomic.LoadUint64(&s.m)     // want `address of non 64-bit aligned field m passed to github.com/syncsweep/syncsweep/facade/atomic.LoadUint64`
	stdatomic.AddInt64(&s.n, 1) // staticcheck's own business
}
