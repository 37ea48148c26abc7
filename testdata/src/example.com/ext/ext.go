// Package ext stands for a package that the run does not sweep (the
// fixture's policy leaves it out through Rules.Swept).
package ext

import "sync/atomic"

// Count counts on a counter it is given.
func Count(n *atomic.Int64) { n.Add(1) }

// Box holds a counter.
type Box struct{ N *atomic.Int64 }
