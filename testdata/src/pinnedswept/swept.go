// Package pinnedswept hands a counter to a package that the run does not
// sweep (the test's policy.Rules.Swept leaves example.com/ext out): the
// counter keeps its type, and nothing changes.
package pinnedswept

import (
	"sync/atomic"

	"example.com/ext"
)

// hits is counted by ext.
var hits atomic.Int64 // want `hits stays atomic\.Int64: &hits is passed to ext\.Count at swept\.go:16, which wants \*atomic\.Int64; ext\.Count is declared in example\.com/ext, which the sweep does not rewrite`

// Hit counts.
func Hit() { ext.Count(&hits) }
