package pinned

import (
	"sync"
	. "sync"
)

// dotted's type is dot-imported, which the sweep cannot rewrite: the
// helper it reaches stays.
var dotted Mutex // want `sync\.Mutex bypasses`

func lockDotted(mu *sync.Mutex) { mu.Lock() } // want `lockDotted's parameter mu stays \*sync\.Mutex: &dotted is passed to lockDotted at dot\.go:15; dotted names Mutex through a dot import at dot\.go:10`

// Dot hands dotted over.
func Dot() { lockDotted(&dotted) }

// dottedCond is made by a dot-imported NewCond, which the sweep cannot
// rewrite either: it stays.
var dottedCond *sync.Cond = NewCond(&dotted) // want `dottedCond stays \*sync\.Cond: NewCond\(&dotted\) is assigned to dottedCond at dot\.go:19; NewCond\(&dotted\) names NewCond through a dot import at dot\.go:19` `sync\.NewCond bypasses the lock facade .*it is dot-imported`
