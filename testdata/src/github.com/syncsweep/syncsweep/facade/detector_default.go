// A stub of the real facade's default build, which the fixtures' swept
// code type-checks against. Written by go run ./internal/facadeapi/gen.

//go:build !deadlock

package facade

func setDetectorOptions(DetectorOptions) { panic("facadeapi stub") }

func updateDetectorOptions(f func(*DetectorOptions)) { panic("facadeapi stub") }

func reportTo(func(string)) func() { panic("facadeapi stub") }
