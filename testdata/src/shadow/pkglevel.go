package shadow

import (
	"counter/atomic"
	satomic "sync/atomic"
)

// Count needs both packages called atomic, so the facade's atomic
// import takes a fresh name.
func Count(c *atomic.Counter) int32 {
	var n satomic.Int32 // want `sync/atomic.Int32 bypasses`
	n.Add(int32(c.N))
	return n.Load()
}
