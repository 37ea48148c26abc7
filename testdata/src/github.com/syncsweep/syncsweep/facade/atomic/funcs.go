// A stub of the real facade's default build, which the fixtures' swept
// code type-checks against. Written by go run ./internal/facadeapi/gen.

package atomic

import (
	"unsafe"
)

func SwapInt32(addr *int32, new int32) (old int32) { panic("facadeapi stub") }

func SwapInt64(addr *int64, new int64) (old int64) { panic("facadeapi stub") }

func SwapUint32(addr *uint32, new uint32) (old uint32) { panic("facadeapi stub") }

func SwapUint64(addr *uint64, new uint64) (old uint64) { panic("facadeapi stub") }

func SwapUintptr(addr *uintptr, new uintptr) (old uintptr) { panic("facadeapi stub") }

func SwapPointer(addr *unsafe.Pointer, new unsafe.Pointer) (old unsafe.Pointer) {
	panic("facadeapi stub")
}

func CompareAndSwapInt32(addr *int32, old, new int32) (swapped bool) { panic("facadeapi stub") }

func CompareAndSwapInt64(addr *int64, old, new int64) (swapped bool) { panic("facadeapi stub") }

func CompareAndSwapUint32(addr *uint32, old, new uint32) (swapped bool) { panic("facadeapi stub") }

func CompareAndSwapUint64(addr *uint64, old, new uint64) (swapped bool) { panic("facadeapi stub") }

func CompareAndSwapUintptr(addr *uintptr, old, new uintptr) (swapped bool) { panic("facadeapi stub") }

func CompareAndSwapPointer(addr *unsafe.Pointer, old, new unsafe.Pointer) (swapped bool) {
	panic("facadeapi stub")
}

func AddInt32(addr *int32, delta int32) (new int32) { panic("facadeapi stub") }

func AddInt64(addr *int64, delta int64) (new int64) { panic("facadeapi stub") }

func AddUint32(addr *uint32, delta uint32) (new uint32) { panic("facadeapi stub") }

func AddUint64(addr *uint64, delta uint64) (new uint64) { panic("facadeapi stub") }

func AddUintptr(addr *uintptr, delta uintptr) (new uintptr) { panic("facadeapi stub") }

func LoadInt32(addr *int32) (val int32) { panic("facadeapi stub") }

func LoadInt64(addr *int64) (val int64) { panic("facadeapi stub") }

func LoadUint32(addr *uint32) (val uint32) { panic("facadeapi stub") }

func LoadUint64(addr *uint64) (val uint64) { panic("facadeapi stub") }

func LoadUintptr(addr *uintptr) (val uintptr) { panic("facadeapi stub") }

func LoadPointer(addr *unsafe.Pointer) (val unsafe.Pointer) { panic("facadeapi stub") }

func StoreInt32(addr *int32, val int32) { panic("facadeapi stub") }

func StoreInt64(addr *int64, val int64) { panic("facadeapi stub") }

func StoreUint32(addr *uint32, val uint32) { panic("facadeapi stub") }

func StoreUint64(addr *uint64, val uint64) { panic("facadeapi stub") }

func StoreUintptr(addr *uintptr, val uintptr) { panic("facadeapi stub") }

func StorePointer(addr *unsafe.Pointer, val unsafe.Pointer) { panic("facadeapi stub") }
