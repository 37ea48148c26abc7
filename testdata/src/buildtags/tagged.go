//go:build syncsweep_never

package buildtags

import "sync/atomic"

// Tagged is compiled only with a tag nobody sets.
var Tagged atomic.Int64 // want `sync/atomic.Int64 bypasses`
