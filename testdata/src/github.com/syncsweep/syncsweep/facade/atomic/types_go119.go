// A stub of the real facade's default build, which the fixtures' swept
// code type-checks against. Written by go run ./internal/facadeapi/gen.

//go:build go1.19

package atomic

import stdatomic "sync/atomic"

type Bool struct {
	v stdatomic.Bool
}

func (x *Bool) Load() bool { panic("facadeapi stub") }

func (x *Bool) Store(val bool) { panic("facadeapi stub") }

func (x *Bool) Swap(new bool) (old bool) { panic("facadeapi stub") }

func (x *Bool) CompareAndSwap(old, new bool) (swapped bool) { panic("facadeapi stub") }

type Pointer[T any] struct {
	v stdatomic.Pointer[T]
}

func (x *Pointer[T]) Load() *T { panic("facadeapi stub") }

func (x *Pointer[T]) Store(val *T) { panic("facadeapi stub") }

func (x *Pointer[T]) Swap(new *T) (old *T) { panic("facadeapi stub") }

func (x *Pointer[T]) CompareAndSwap(old, new *T) (swapped bool) { panic("facadeapi stub") }

type Int32 struct {
	v stdatomic.Int32
}

func (x *Int32) Load() int32 { panic("facadeapi stub") }

func (x *Int32) Store(val int32) { panic("facadeapi stub") }

func (x *Int32) Swap(new int32) (old int32) { panic("facadeapi stub") }

func (x *Int32) CompareAndSwap(old, new int32) (swapped bool) { panic("facadeapi stub") }

func (x *Int32) Add(delta int32) (new int32) { panic("facadeapi stub") }

type Int64 struct {
	v stdatomic.Int64
}

func (x *Int64) Load() int64 { panic("facadeapi stub") }

func (x *Int64) Store(val int64) { panic("facadeapi stub") }

func (x *Int64) Swap(new int64) (old int64) { panic("facadeapi stub") }

func (x *Int64) CompareAndSwap(old, new int64) (swapped bool) { panic("facadeapi stub") }

func (x *Int64) Add(delta int64) (new int64) { panic("facadeapi stub") }

type Uint32 struct {
	v stdatomic.Uint32
}

func (x *Uint32) Load() uint32 { panic("facadeapi stub") }

func (x *Uint32) Store(val uint32) { panic("facadeapi stub") }

func (x *Uint32) Swap(new uint32) (old uint32) { panic("facadeapi stub") }

func (x *Uint32) CompareAndSwap(old, new uint32) (swapped bool) { panic("facadeapi stub") }

func (x *Uint32) Add(delta uint32) (new uint32) { panic("facadeapi stub") }

type Uint64 struct {
	v stdatomic.Uint64
}

func (x *Uint64) Load() uint64 { panic("facadeapi stub") }

func (x *Uint64) Store(val uint64) { panic("facadeapi stub") }

func (x *Uint64) Swap(new uint64) (old uint64) { panic("facadeapi stub") }

func (x *Uint64) CompareAndSwap(old, new uint64) (swapped bool) { panic("facadeapi stub") }

func (x *Uint64) Add(delta uint64) (new uint64) { panic("facadeapi stub") }

type Uintptr struct {
	v stdatomic.Uintptr
}

func (x *Uintptr) Load() uintptr { panic("facadeapi stub") }

func (x *Uintptr) Store(val uintptr) { panic("facadeapi stub") }

func (x *Uintptr) Swap(new uintptr) (old uintptr) { panic("facadeapi stub") }

func (x *Uintptr) CompareAndSwap(old, new uintptr) (swapped bool) { panic("facadeapi stub") }

func (x *Uintptr) Add(delta uintptr) (new uintptr) { panic("facadeapi stub") }
