package atomic

import (
	stdatomic "sync/atomic"
	"unsafe"
)

// SwapInt32 atomically stores new into *addr and returns the previous *addr
// value; see [sync/atomic.SwapInt32].
func SwapInt32(addr *int32, new int32) (old int32) { point(); return stdatomic.SwapInt32(addr, new) }

// SwapInt64 atomically stores new into *addr and returns the previous *addr
// value; see [sync/atomic.SwapInt64].
func SwapInt64(addr *int64, new int64) (old int64) { point(); return stdatomic.SwapInt64(addr, new) }

// SwapUint32 atomically stores new into *addr and returns the previous *addr
// value; see [sync/atomic.SwapUint32].
func SwapUint32(addr *uint32, new uint32) (old uint32) {
	point()
	return stdatomic.SwapUint32(addr, new)
}

// SwapUint64 atomically stores new into *addr and returns the previous *addr
// value; see [sync/atomic.SwapUint64].
func SwapUint64(addr *uint64, new uint64) (old uint64) {
	point()
	return stdatomic.SwapUint64(addr, new)
}

// SwapUintptr atomically stores new into *addr and returns the previous *addr
// value; see [sync/atomic.SwapUintptr].
func SwapUintptr(addr *uintptr, new uintptr) (old uintptr) {
	point()
	return stdatomic.SwapUintptr(addr, new)
}

// SwapPointer atomically stores new into *addr and returns the previous *addr
// value; see [sync/atomic.SwapPointer].
func SwapPointer(addr *unsafe.Pointer, new unsafe.Pointer) (old unsafe.Pointer) {
	point()
	return stdatomic.SwapPointer(addr, new)
}

// CompareAndSwapInt32 executes the compare-and-swap operation for an int32
// value; see [sync/atomic.CompareAndSwapInt32].
func CompareAndSwapInt32(addr *int32, old, new int32) (swapped bool) {
	point()
	return stdatomic.CompareAndSwapInt32(addr, old, new)
}

// CompareAndSwapInt64 executes the compare-and-swap operation for an int64
// value; see [sync/atomic.CompareAndSwapInt64].
func CompareAndSwapInt64(addr *int64, old, new int64) (swapped bool) {
	point()
	return stdatomic.CompareAndSwapInt64(addr, old, new)
}

// CompareAndSwapUint32 executes the compare-and-swap operation for a uint32
// value; see [sync/atomic.CompareAndSwapUint32].
func CompareAndSwapUint32(addr *uint32, old, new uint32) (swapped bool) {
	point()
	return stdatomic.CompareAndSwapUint32(addr, old, new)
}

// CompareAndSwapUint64 executes the compare-and-swap operation for a uint64
// value; see [sync/atomic.CompareAndSwapUint64].
func CompareAndSwapUint64(addr *uint64, old, new uint64) (swapped bool) {
	point()
	return stdatomic.CompareAndSwapUint64(addr, old, new)
}

// CompareAndSwapUintptr executes the compare-and-swap operation for a uintptr
// value; see [sync/atomic.CompareAndSwapUintptr].
func CompareAndSwapUintptr(addr *uintptr, old, new uintptr) (swapped bool) {
	point()
	return stdatomic.CompareAndSwapUintptr(addr, old, new)
}

// CompareAndSwapPointer executes the compare-and-swap operation for a
// unsafe.Pointer value; see [sync/atomic.CompareAndSwapPointer].
func CompareAndSwapPointer(addr *unsafe.Pointer, old, new unsafe.Pointer) (swapped bool) {
	point()
	return stdatomic.CompareAndSwapPointer(addr, old, new)
}

// AddInt32 atomically adds delta to *addr and returns the new value; see
// [sync/atomic.AddInt32].
func AddInt32(addr *int32, delta int32) (new int32) { point(); return stdatomic.AddInt32(addr, delta) }

// AddInt64 atomically adds delta to *addr and returns the new value; see
// [sync/atomic.AddInt64].
func AddInt64(addr *int64, delta int64) (new int64) { point(); return stdatomic.AddInt64(addr, delta) }

// AddUint32 atomically adds delta to *addr and returns the new value; see
// [sync/atomic.AddUint32].
func AddUint32(addr *uint32, delta uint32) (new uint32) {
	point()
	return stdatomic.AddUint32(addr, delta)
}

// AddUint64 atomically adds delta to *addr and returns the new value; see
// [sync/atomic.AddUint64].
func AddUint64(addr *uint64, delta uint64) (new uint64) {
	point()
	return stdatomic.AddUint64(addr, delta)
}

// AddUintptr atomically adds delta to *addr and returns the new value; see
// [sync/atomic.AddUintptr].
func AddUintptr(addr *uintptr, delta uintptr) (new uintptr) {
	point()
	return stdatomic.AddUintptr(addr, delta)
}

// LoadInt32 atomically loads *addr; see [sync/atomic.LoadInt32].
func LoadInt32(addr *int32) (val int32) { point(); return stdatomic.LoadInt32(addr) }

// LoadInt64 atomically loads *addr; see [sync/atomic.LoadInt64].
func LoadInt64(addr *int64) (val int64) { point(); return stdatomic.LoadInt64(addr) }

// LoadUint32 atomically loads *addr; see [sync/atomic.LoadUint32].
func LoadUint32(addr *uint32) (val uint32) { point(); return stdatomic.LoadUint32(addr) }

// LoadUint64 atomically loads *addr; see [sync/atomic.LoadUint64].
func LoadUint64(addr *uint64) (val uint64) { point(); return stdatomic.LoadUint64(addr) }

// LoadUintptr atomically loads *addr; see [sync/atomic.LoadUintptr].
func LoadUintptr(addr *uintptr) (val uintptr) { point(); return stdatomic.LoadUintptr(addr) }

// LoadPointer atomically loads *addr; see [sync/atomic.LoadPointer].
func LoadPointer(addr *unsafe.Pointer) (val unsafe.Pointer) {
	point()
	return stdatomic.LoadPointer(addr)
}

// StoreInt32 atomically stores val into *addr; see [sync/atomic.StoreInt32].
func StoreInt32(addr *int32, val int32) { point(); stdatomic.StoreInt32(addr, val) }

// StoreInt64 atomically stores val into *addr; see [sync/atomic.StoreInt64].
func StoreInt64(addr *int64, val int64) { point(); stdatomic.StoreInt64(addr, val) }

// StoreUint32 atomically stores val into *addr; see
// [sync/atomic.StoreUint32].
func StoreUint32(addr *uint32, val uint32) { point(); stdatomic.StoreUint32(addr, val) }

// StoreUint64 atomically stores val into *addr; see
// [sync/atomic.StoreUint64].
func StoreUint64(addr *uint64, val uint64) { point(); stdatomic.StoreUint64(addr, val) }

// StoreUintptr atomically stores val into *addr; see
// [sync/atomic.StoreUintptr].
func StoreUintptr(addr *uintptr, val uintptr) { point(); stdatomic.StoreUintptr(addr, val) }

// StorePointer atomically stores val into *addr; see
// [sync/atomic.StorePointer].
func StorePointer(addr *unsafe.Pointer, val unsafe.Pointer) {
	point()
	stdatomic.StorePointer(addr, val)
}
