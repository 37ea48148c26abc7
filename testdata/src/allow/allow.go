// Package allow keeps some direct uses on purpose, each with a reason.
package allow

import (
	"sync"
	"sync/atomic"
)

// T keeps one lock by a directive at the end of its line.
type T struct {
	mu sync.Mutex   //syncsweep:allow handed to C code that needs sync's layout
	rw sync.RWMutex // want `sync.RWMutex bypasses the lock facade`
}

// shared keeps its lock by a directive in its doc comment.
//
//syncsweep:allow the zero value is shared with an old plugin ABI
var shared sync.Mutex

//syncsweep:allow benchmark baseline: compared against sync itself
type Baseline struct {
	a sync.Mutex
	b sync.WaitGroup
	n atomic.Int64
}

// F keeps one statement by a directive on the line above it.
func F() {
	//syncsweep:allow measured: the wrapper costs an allocation here
	var wg sync.WaitGroup
	wg.Wait()
	var o sync.Once // want `sync.Once bypasses the lock facade`
	o.Do(func() {})
	// A directive without a reason still keeps the line, and is reported.
	// want +1 `//syncsweep:allow needs a reason`
	//syncsweep:allow
	var m sync.Mutex
	m.Lock()
	// want +1 `//syncsweep:allow keeps nothing`
	n := 0 //syncsweep:allow not a lock at all
	_, _, _ = n, &shared, &T{}
	//syncsweep:allowed is another word, not the directive
	var m2 sync.Mutex // want `sync.Mutex bypasses the lock facade`
	m2.Lock()
}
