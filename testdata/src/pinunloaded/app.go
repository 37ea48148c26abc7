// Package pinunloaded hands a counter, from a file only plan9 builds, to a
// package that no file of this build imports: nothing else in the package
// could keep a lock's type, and the counter still stays.
package pinunloaded

import "sync/atomic"

var counter atomic.Int64 // want `counter stays atomic\.Int64: &counter is passed to ext\.Count at app_plan9\.go:5; ext\.Count is declared in example\.com/ext, which this build does not load, so syncsweep cannot tell what it wants`

var hits atomic.Int64 // want `sync/atomic.Int64 bypasses`

// Hit counts.
func Hit() { hits.Add(1) }
