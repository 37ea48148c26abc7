//go:build !explore

package facade

// Wait atomically unlocks c.L and suspends execution of the calling
// goroutine; after later resuming, Wait locks c.L before returning; see
// [sync.Cond.Wait].
func (c *Cond) Wait() { c.waitSync() }

// Signal wakes one goroutine waiting on c, if there is any; see
// [sync.Cond.Signal].
func (c *Cond) Signal() { c.signalSync() }

// Broadcast wakes all goroutines waiting on c; see [sync.Cond.Broadcast].
func (c *Cond) Broadcast() { c.broadcastSync() }
