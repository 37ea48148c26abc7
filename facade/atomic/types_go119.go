//go:build go1.19

package atomic

import stdatomic "sync/atomic"

// A Bool is an atomic boolean value; see [sync/atomic.Bool].
// The zero value is false. A Bool must not be copied after first use.
type Bool struct {
	v stdatomic.Bool
}

// Load atomically loads and returns the value stored in x; see
// [sync/atomic.Bool.Load].
func (x *Bool) Load() bool { point(); return x.v.Load() }

// Store atomically stores val into x; see [sync/atomic.Bool.Store].
func (x *Bool) Store(val bool) { point(); x.v.Store(val) }

// Swap atomically stores new into x and returns the previous value; see
// [sync/atomic.Bool.Swap].
func (x *Bool) Swap(new bool) (old bool) { point(); return x.v.Swap(new) }

// CompareAndSwap executes the compare-and-swap operation for the boolean
// value x; see [sync/atomic.Bool.CompareAndSwap].
func (x *Bool) CompareAndSwap(old, new bool) (swapped bool) {
	point()
	return x.v.CompareAndSwap(old, new)
}

// A Pointer is an atomic pointer of type *T; see [sync/atomic.Pointer].
// The zero value is a nil *T. A Pointer must not be copied after first use.
type Pointer[T any] struct {
	v stdatomic.Pointer[T]
}

// Load atomically loads and returns the value stored in x; see
// [sync/atomic.Pointer.Load].
func (x *Pointer[T]) Load() *T { point(); return x.v.Load() }

// Store atomically stores val into x; see [sync/atomic.Pointer.Store].
func (x *Pointer[T]) Store(val *T) { point(); x.v.Store(val) }

// Swap atomically stores new into x and returns the previous value; see
// [sync/atomic.Pointer.Swap].
func (x *Pointer[T]) Swap(new *T) (old *T) { point(); return x.v.Swap(new) }

// CompareAndSwap executes the compare-and-swap operation for x; see
// [sync/atomic.Pointer.CompareAndSwap].
func (x *Pointer[T]) CompareAndSwap(old, new *T) (swapped bool) {
	point()
	return x.v.CompareAndSwap(old, new)
}

// An Int32 is an atomic int32; see [sync/atomic.Int32].
// The zero value is zero. An Int32 must not be copied after first use.
type Int32 struct {
	v stdatomic.Int32
}

// Load atomically loads and returns the value stored in x; see
// [sync/atomic.Int32.Load].
func (x *Int32) Load() int32 { point(); return x.v.Load() }

// Store atomically stores val into x; see [sync/atomic.Int32.Store].
func (x *Int32) Store(val int32) { point(); x.v.Store(val) }

// Swap atomically stores new into x and returns the previous value; see
// [sync/atomic.Int32.Swap].
func (x *Int32) Swap(new int32) (old int32) { point(); return x.v.Swap(new) }

// CompareAndSwap executes the compare-and-swap operation for x; see
// [sync/atomic.Int32.CompareAndSwap].
func (x *Int32) CompareAndSwap(old, new int32) (swapped bool) {
	point()
	return x.v.CompareAndSwap(old, new)
}

// Add atomically adds delta to x and returns the new value; see
// [sync/atomic.Int32.Add].
func (x *Int32) Add(delta int32) (new int32) { point(); return x.v.Add(delta) }

// An Int64 is an atomic int64; see [sync/atomic.Int64].
// The zero value is zero. An Int64 must not be copied after first use.
type Int64 struct {
	v stdatomic.Int64
}

// Load atomically loads and returns the value stored in x; see
// [sync/atomic.Int64.Load].
func (x *Int64) Load() int64 { point(); return x.v.Load() }

// Store atomically stores val into x; see [sync/atomic.Int64.Store].
func (x *Int64) Store(val int64) { point(); x.v.Store(val) }

// Swap atomically stores new into x and returns the previous value; see
// [sync/atomic.Int64.Swap].
func (x *Int64) Swap(new int64) (old int64) { point(); return x.v.Swap(new) }

// CompareAndSwap executes the compare-and-swap operation for x; see
// [sync/atomic.Int64.CompareAndSwap].
func (x *Int64) CompareAndSwap(old, new int64) (swapped bool) {
	point()
	return x.v.CompareAndSwap(old, new)
}

// Add atomically adds delta to x and returns the new value; see
// [sync/atomic.Int64.Add].
func (x *Int64) Add(delta int64) (new int64) { point(); return x.v.Add(delta) }

// A Uint32 is an atomic uint32; see [sync/atomic.Uint32].
// The zero value is zero. A Uint32 must not be copied after first use.
type Uint32 struct {
	v stdatomic.Uint32
}

// Load atomically loads and returns the value stored in x; see
// [sync/atomic.Uint32.Load].
func (x *Uint32) Load() uint32 { point(); return x.v.Load() }

// Store atomically stores val into x; see [sync/atomic.Uint32.Store].
func (x *Uint32) Store(val uint32) { point(); x.v.Store(val) }

// Swap atomically stores new into x and returns the previous value; see
// [sync/atomic.Uint32.Swap].
func (x *Uint32) Swap(new uint32) (old uint32) { point(); return x.v.Swap(new) }

// CompareAndSwap executes the compare-and-swap operation for x; see
// [sync/atomic.Uint32.CompareAndSwap].
func (x *Uint32) CompareAndSwap(old, new uint32) (swapped bool) {
	point()
	return x.v.CompareAndSwap(old, new)
}

// Add atomically adds delta to x and returns the new value; see
// [sync/atomic.Uint32.Add].
func (x *Uint32) Add(delta uint32) (new uint32) { point(); return x.v.Add(delta) }

// A Uint64 is an atomic uint64; see [sync/atomic.Uint64].
// The zero value is zero. A Uint64 must not be copied after first use.
type Uint64 struct {
	v stdatomic.Uint64
}

// Load atomically loads and returns the value stored in x; see
// [sync/atomic.Uint64.Load].
func (x *Uint64) Load() uint64 { point(); return x.v.Load() }

// Store atomically stores val into x; see [sync/atomic.Uint64.Store].
func (x *Uint64) Store(val uint64) { point(); x.v.Store(val) }

// Swap atomically stores new into x and returns the previous value; see
// [sync/atomic.Uint64.Swap].
func (x *Uint64) Swap(new uint64) (old uint64) { point(); return x.v.Swap(new) }

// CompareAndSwap executes the compare-and-swap operation for x; see
// [sync/atomic.Uint64.CompareAndSwap].
func (x *Uint64) CompareAndSwap(old, new uint64) (swapped bool) {
	point()
	return x.v.CompareAndSwap(old, new)
}

// Add atomically adds delta to x and returns the new value; see
// [sync/atomic.Uint64.Add].
func (x *Uint64) Add(delta uint64) (new uint64) { point(); return x.v.Add(delta) }

// A Uintptr is an atomic uintptr; see [sync/atomic.Uintptr].
// The zero value is zero. A Uintptr must not be copied after first use.
type Uintptr struct {
	v stdatomic.Uintptr
}

// Load atomically loads and returns the value stored in x; see
// [sync/atomic.Uintptr.Load].
func (x *Uintptr) Load() uintptr { point(); return x.v.Load() }

// Store atomically stores val into x; see [sync/atomic.Uintptr.Store].
func (x *Uintptr) Store(val uintptr) { point(); x.v.Store(val) }

// Swap atomically stores new into x and returns the previous value; see
// [sync/atomic.Uintptr.Swap].
func (x *Uintptr) Swap(new uintptr) (old uintptr) { point(); return x.v.Swap(new) }

// CompareAndSwap executes the compare-and-swap operation for x; see
// [sync/atomic.Uintptr.CompareAndSwap].
func (x *Uintptr) CompareAndSwap(old, new uintptr) (swapped bool) {
	point()
	return x.v.CompareAndSwap(old, new)
}

// Add atomically adds delta to x and returns the new value; see
// [sync/atomic.Uintptr.Add].
func (x *Uintptr) Add(delta uintptr) (new uintptr) { point(); return x.v.Add(delta) }
