// A stub of the real facade's default build, which the fixtures' swept
// code type-checks against. Written by go run ./internal/facadeapi/gen.

//go:build !explore

package facade

func (c *Cond) Wait() { panic("facadeapi stub") }

func (c *Cond) Signal() { panic("facadeapi stub") }

func (c *Cond) Broadcast() { panic("facadeapi stub") }
