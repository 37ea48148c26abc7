// A stub of the real facade's default build, which the fixtures' swept
// code type-checks against. Written by go run ./internal/facadeapi/gen.

//go:build !explore

package facade

import "sync"

type Once struct {
	o sync.Once
}

func (o *Once) Do(f func()) { panic("facadeapi stub") }
