// A stub of the real facade's default build, which the fixtures' swept
// code type-checks against. Written by go run ./internal/facadeapi/gen.

package facade

import "sync"

type Cond = sync.Cond

func NewCond(l Locker) *Cond { panic("facadeapi stub") }

type Locker = sync.Locker
