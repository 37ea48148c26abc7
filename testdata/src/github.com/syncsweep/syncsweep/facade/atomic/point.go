// A stub of the real facade's default build, which the fixtures' swept
// code type-checks against. Written by go run ./internal/facadeapi/gen.

//go:build !explore

package atomic

func point() { panic("facadeapi stub") }
