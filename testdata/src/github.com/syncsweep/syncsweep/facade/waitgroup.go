// A stub of the real facade's default build, which the fixtures' swept
// code type-checks against. Written by go run ./internal/facadeapi/gen.

//go:build !explore

package facade

import (
	"sync"
)

type WaitGroup struct {
	wg sync.WaitGroup
}

func (wg *WaitGroup) std() *sync.WaitGroup { panic("facadeapi stub") }

func (wg *WaitGroup) Add(delta int) { panic("facadeapi stub") }

func (wg *WaitGroup) Done() { panic("facadeapi stub") }

func (wg *WaitGroup) Wait() { panic("facadeapi stub") }
