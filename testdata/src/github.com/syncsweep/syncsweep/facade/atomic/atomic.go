// Package atomic is a test stand-in for the facade's atomic package.
package atomic

import "sync/atomic"

// Int64 wraps atomic.Int64.
type Int64 struct{ v atomic.Int64 }

// Add adds d.
func (x *Int64) Add(d int64) int64 { return x.v.Add(d) }
