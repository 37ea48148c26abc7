// A stub of the real facade's default build, which the fixtures' swept
// code type-checks against. Written by go run ./internal/facadeapi/gen.

package facade

import "sync"

type Cond struct {
	L Locker

	c    sync.Cond
	bind sync.Once
}

func NewCond(l Locker) *Cond { panic("facadeapi stub") }

type condLocker Cond

func (l *condLocker) Lock()   { panic("facadeapi stub") }
func (l *condLocker) Unlock() { panic("facadeapi stub") }

func (c *Cond) bindL() { panic("facadeapi stub") }

func (c *Cond) waitSync() { panic("facadeapi stub") }

func (c *Cond) signalSync()    { panic("facadeapi stub") }
func (c *Cond) broadcastSync() { panic("facadeapi stub") }

type Locker = sync.Locker
