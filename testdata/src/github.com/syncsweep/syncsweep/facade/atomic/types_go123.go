// A stub of the real facade's default build, which the fixtures' swept
// code type-checks against. Written by go run ./internal/facadeapi/gen.

//go:build go1.23

package atomic

func (x *Int32) And(mask int32) (old int32) { panic("facadeapi stub") }

func (x *Int32) Or(mask int32) (old int32) { panic("facadeapi stub") }

func (x *Int64) And(mask int64) (old int64) { panic("facadeapi stub") }

func (x *Int64) Or(mask int64) (old int64) { panic("facadeapi stub") }

func (x *Uint32) And(mask uint32) (old uint32) { panic("facadeapi stub") }

func (x *Uint32) Or(mask uint32) (old uint32) { panic("facadeapi stub") }

func (x *Uint64) And(mask uint64) (old uint64) { panic("facadeapi stub") }

func (x *Uint64) Or(mask uint64) (old uint64) { panic("facadeapi stub") }

func (x *Uintptr) And(mask uintptr) (old uintptr) { panic("facadeapi stub") }

func (x *Uintptr) Or(mask uintptr) (old uintptr) { panic("facadeapi stub") }
