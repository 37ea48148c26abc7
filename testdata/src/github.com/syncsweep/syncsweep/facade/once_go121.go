// A stub of the real facade's default build, which the fixtures' swept
// code type-checks against. Written by go run ./internal/facadeapi/gen.

//go:build go1.21 && !explore

package facade

func OnceFunc(f func()) func() { panic("facadeapi stub") }

func OnceValue[T any](f func() T) func() T { panic("facadeapi stub") }

func OnceValues[T1, T2 any](f func() (T1, T2)) func() (T1, T2) { panic("facadeapi stub") }
