package facade

import "sync"

// Cond implements a condition variable, a rendezvous point for goroutines
// waiting for or announcing the occurrence of an event; see [sync.Cond].
// Each Cond has a Locker L, which must be held when changing the condition
// and when calling Wait. A Cond must not be copied after first use.
//
// Cond is a wrapper, not an alias of sync.Cond, because a backend that
// explores interleavings (build tag explore) must see every Wait, Signal and
// Broadcast; its zero value with L set (&Cond{L: &mu}) is ready to use, as
// sync.Cond's is.
type Cond struct {
	// L is held while observing or changing the condition.
	L Locker

	c    sync.Cond // c.L is (*condLocker)(the Cond): it forwards to L
	bind sync.Once // sets c.L, once, at the first Wait
}

// NewCond returns a new Cond with Locker l; see [sync.NewCond].
func NewCond(l Locker) *Cond { return &Cond{L: l} }

// condLocker is the Locker the inner sync.Cond locks: it forwards to the
// outer Cond's L, read at each call as sync.Cond reads its own L.
type condLocker Cond

func (l *condLocker) Lock()   { l.L.Lock() }
func (l *condLocker) Unlock() { l.L.Unlock() }

func (c *Cond) bindL() { c.c.L = (*condLocker)(c) }

// waitSync, signalSync and broadcastSync are sync.Cond's behaviour, which
// every backend uses outside an exploration.
func (c *Cond) waitSync() {
	c.bind.Do(c.bindL)
	c.c.Wait()
}

func (c *Cond) signalSync()    { c.c.Signal() }
func (c *Cond) broadcastSync() { c.c.Broadcast() }

// Locker is sync.Locker: an object that can be locked and unlocked. It is an
// alias, not a wrapper, so the locks of every backend satisfy it.
type Locker = sync.Locker
