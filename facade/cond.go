package facade

import "sync"

// Cond is sync.Cond: a rendezvous point for goroutines waiting for or
// announcing an event. It is an alias, not a wrapper: its exported field L
// must stay a field and its wait queue lives in the runtime. L may hold any
// [Locker], facade locks included.
type Cond = sync.Cond

// NewCond returns a new Cond with Locker l; see [sync.NewCond].
func NewCond(l Locker) *Cond { return sync.NewCond(l) }

// Locker is sync.Locker: an object that can be locked and unlocked. It is an
// alias, not a wrapper, so the locks of every backend satisfy it.
type Locker = sync.Locker
