// A stub of the real facade's default build, which the fixtures' swept
// code type-checks against. Written by go run ./internal/facadeapi/gen.

//go:build go1.20 && !explore

package facade

func (m *Map) Swap(key, value any) (previous any, loaded bool) { panic("facadeapi stub") }

func (m *Map) CompareAndSwap(key, old, new any) (swapped bool) { panic("facadeapi stub") }

func (m *Map) CompareAndDelete(key, old any) (deleted bool) { panic("facadeapi stub") }
