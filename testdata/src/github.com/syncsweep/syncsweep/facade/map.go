// A stub of the real facade's default build, which the fixtures' swept
// code type-checks against. Written by go run ./internal/facadeapi/gen.

//go:build !explore

package facade

import "sync"

type Map struct {
	m sync.Map
}

func (m *Map) Load(key any) (value any, ok bool) { panic("facadeapi stub") }

func (m *Map) Store(key, value any) { panic("facadeapi stub") }

func (m *Map) LoadOrStore(key, value any) (actual any, loaded bool) { panic("facadeapi stub") }

func (m *Map) LoadAndDelete(key any) (value any, loaded bool) { panic("facadeapi stub") }

func (m *Map) Delete(key any) { panic("facadeapi stub") }

func (m *Map) Range(f func(key, value any) bool) { panic("facadeapi stub") }
