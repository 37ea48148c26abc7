// Package atomic stands for a team's own facade of sync/atomic.
package atomic

import "sync/atomic"

// Int64 is the team's atomic integer.
type Int64 struct{ v atomic.Int64 }

// Add adds d and returns the new value.
func (x *Int64) Add(d int64) int64 { return x.v.Add(d) }
