// A stub of the real facade's default build, which the fixtures' swept
// code type-checks against. Written by go run ./internal/facadeapi/gen.

//go:build !explore

package facade

import "sync"

type Pool struct {
	p sync.Pool

	New func() any
}

func (p *Pool) Put(x any) { panic("facadeapi stub") }

func (p *Pool) Get() any { panic("facadeapi stub") }
