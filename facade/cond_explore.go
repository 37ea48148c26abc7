//go:build explore && go1.25 && !deadlock

package facade

import (
	"unsafe"

	"github.com/syncsweep/syncsweep/facade/internal/explore"
)

// Wait atomically unlocks c.L and suspends execution of the calling
// goroutine; after later resuming, Wait locks c.L before returning; see
// [sync.Cond.Wait]. Under an exploration a Signal or Broadcast that comes
// before the Wait is lost, as it is in sync, and a Wait is never woken
// without one.
func (c *Cond) Wait() {
	s := explore.Current()
	if s == nil {
		c.waitSync()
		return
	}
	ticket := s.Do(explore.Call{Op: explore.CondQueue, Obj: unsafe.Pointer(c)}).N
	c.L.Unlock()
	s.Do(explore.Call{Op: explore.CondWait, Obj: unsafe.Pointer(c), N: ticket})
	c.L.Lock()
}

// Signal wakes one goroutine waiting on c, if there is any; see
// [sync.Cond.Signal].
func (c *Cond) Signal() {
	if s := explore.Current(); s != nil {
		s.Do(explore.Call{Op: explore.Signal, Obj: unsafe.Pointer(c)})
		return
	}
	c.signalSync()
}

// Broadcast wakes all goroutines waiting on c; see [sync.Cond.Broadcast].
func (c *Cond) Broadcast() {
	if s := explore.Current(); s != nil {
		s.Do(explore.Call{Op: explore.Broadcast, Obj: unsafe.Pointer(c)})
		return
	}
	c.broadcastSync()
}
