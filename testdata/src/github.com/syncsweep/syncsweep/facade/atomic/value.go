// A stub of the real facade's default build, which the fixtures' swept
// code type-checks against. Written by go run ./internal/facadeapi/gen.

package atomic

import stdatomic "sync/atomic"

type Value struct {
	v stdatomic.Value
}

func (v *Value) Load() (val any) { panic("facadeapi stub") }

func (v *Value) Store(val any) { panic("facadeapi stub") }

func (v *Value) Swap(new any) (old any) { panic("facadeapi stub") }

func (v *Value) CompareAndSwap(old, new any) (swapped bool) { panic("facadeapi stub") }
