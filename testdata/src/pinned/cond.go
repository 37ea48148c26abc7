package pinned

import (
	"sync"

	"github.com/sasha-s/go-deadlock"

	"pinnedgen"
)

// A facade.Cond is a wrapper of sync.Cond, not sync.Cond itself: a Cond
// handed to code that takes a *sync.Cond stays, as a Mutex does, and so
// does a sync.NewCond whose result goes there.

// sharedCond is handed to generated code: it stays.
var sharedCond sync.Cond // want `sharedCond stays sync\.Cond: &sharedCond is passed to pinnedgen\.UseCond at cond\.go:23, which wants \*sync\.Cond; pinnedgen\.UseCond is declared in generated file gen\.go`

// freeCond is only signalled here: it moves.
var freeCond sync.Cond // want `sync\.Cond bypasses`

// Conds uses both.
func Conds() {
	pinnedgen.UseCond(&sharedCond)
	freeCond.L = &free
	freeCond.Signal()
}

// queue's Cond reaches generated code through a helper; its Mutex is
// only the Cond's Locker, and moves.
type queue struct {
	mu    sync.Mutex // want `sync\.Mutex bypasses`
	ready *sync.Cond // want `queue\.ready stays \*sync\.Cond: q\.ready is passed to waitOn at cond\.go:41; c is passed to pinnedgen\.UseCond at cond\.go:35, which wants \*sync\.Cond; pinnedgen\.UseCond is declared in generated file gen\.go`
}

func waitOn(c *sync.Cond) { pinnedgen.UseCond(c) } // want `waitOn's parameter c stays \*sync\.Cond: c is passed to pinnedgen\.UseCond at cond\.go:35, which wants \*sync\.Cond; pinnedgen\.UseCond is declared in generated file gen\.go`

// Queue makes a queue and hands its Cond over.
func Queue() *queue {
	q := &queue{}
	q.ready = sync.NewCond(&q.mu) // want `sync\.NewCond\(&q\.mu\) stays \*sync\.Cond: sync\.NewCond\(&q\.mu\) is assigned to q\.ready at cond\.go:40; q\.ready is passed to waitOn at cond\.go:41; c is passed to pinnedgen\.UseCond at cond\.go:35, which wants \*sync\.Cond; pinnedgen\.UseCond is declared in generated file gen\.go`
	waitOn(q.ready)
	return q
}

// madeCond hands a new Cond over directly: that NewCond stays.
func madeCond(mu *sync.Mutex) { pinnedgen.UseCond(sync.NewCond(mu)) } // want `sync\.Mutex bypasses` `sync\.NewCond\(mu\) stays \*sync\.Cond: sync\.NewCond\(mu\) is passed to pinnedgen\.UseCond at cond\.go:46, which wants \*sync\.Cond; pinnedgen\.UseCond is declared in generated file gen\.go`

// dlCond does the same with go-deadlock's NewCond, a *sync.Cond too.
func dlCond(mu *sync.Mutex) { pinnedgen.UseCond(deadlock.NewCond(mu)) } // want `sync\.Mutex bypasses` `deadlock\.NewCond\(mu\) stays \*sync\.Cond: deadlock\.NewCond\(mu\) is passed to pinnedgen\.UseCond at cond\.go:49, which wants \*sync\.Cond; pinnedgen\.UseCond is declared in generated file gen\.go`

// localCond's NewCond is kept here: it moves.
func localCond(mu *sync.Mutex) { // want `sync\.Mutex bypasses`
	c := sync.NewCond(mu) // want `sync\.NewCond bypasses`
	c.Broadcast()
}

// newCond holds sync.NewCond itself, and what it makes is handed over.
var newCond func(sync.Locker) *sync.Cond = sync.NewCond // want `sync\.Locker bypasses` `newCond stays func\(sync\.Locker\) \*sync\.Cond: newCond\(&free\) is passed to pinnedgen\.UseCond at cond\.go:61, which wants \*sync\.Cond; pinnedgen\.UseCond is declared in generated file gen\.go` `sync\.NewCond stays func\(l sync\.Locker\) \*sync\.Cond: sync\.NewCond is assigned to newCond at cond\.go:58; newCond\(&free\) is passed to pinnedgen\.UseCond at cond\.go:61, which wants \*sync\.Cond; pinnedgen\.UseCond is declared in generated file gen\.go`

// ViaNewCond calls it.
func ViaNewCond() { pinnedgen.UseCond(newCond(&free)) }
