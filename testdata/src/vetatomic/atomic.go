// Package vetatomic assigns atomic adds back to the variables they
// updated, with the facade's atomic package and with sync/atomic (which
// go vet checks itself).
package vetatomic

import (
	stdatomic "sync/atomic"

	"github.com/syncsweep/syncsweep/facade/atomic"
)

var hits int64

// Count races: the assignment writes hits without synchronization.
func Count() {
	hits = atomic.AddInt64(&hits, 1) // want "direct assignment to atomic value"
}

// Through a pointer, the same.
func Through(p *uint32) {
	*p = atomic.AddUint32(p, 1) // want "direct assignment to atomic value"
}

// Two at once: reported, with no fix (the other value is assigned too).
func Two(n *int32) (int32, int) {
	var x int32
	var y int
	x, y = atomic.AddInt32(&x, 1), 2 // want "direct assignment to atomic value"
	return x, y
}

// Fine: the result goes elsewhere.
func Fine() int64 {
	n := atomic.AddInt64(&hits, 1)
	var m int64
	m = atomic.AddInt64(&hits, 1)
	return n + m
}

// Std is go vet's own business.
func Std() {
	hits = stdatomic.AddInt64(&hits, 1)
}
