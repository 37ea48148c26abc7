// A stub of the real facade's default build, which the fixtures' swept
// code type-checks against. Written by go run ./internal/facadeapi/gen.

//go:build go1.23 && !explore

package facade

func (m *Map) Clear() { panic("facadeapi stub") }
