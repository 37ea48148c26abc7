// A stub of the real facade's default build, which the fixtures' swept
// code type-checks against. Written by go run ./internal/facadeapi/gen.

//go:build go1.25 && !explore

package facade

func (wg *WaitGroup) Go(f func()) { panic("facadeapi stub") }
