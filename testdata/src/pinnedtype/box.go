// Package pinnedtype puts a counter in a struct of a package the run does
// not sweep, by position: no field name is used, only the type.
package pinnedtype

import (
	"sync/atomic"

	"example.com/ext"
)

var n atomic.Int64 // want `n stays atomic\.Int64: &n is stored in ext\.Box\.N at box\.go:16, which wants \*atomic\.Int64; ext\.Box\.N is declared in example\.com/ext, which the sweep does not rewrite`

var free atomic.Int64 // want `sync/atomic.Int64 bypasses`

// B holds n.
var B = ext.Box{&n}

// Free counts.
func Free() { free.Add(1) }
