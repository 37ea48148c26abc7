package atomic

import stdatomic "sync/atomic"

// A Value provides an atomic load and store of a consistently typed value;
// see [sync/atomic.Value]. The zero value for a Value returns nil from Load.
// A Value must not be copied after first use.
type Value struct {
	v stdatomic.Value
}

// Load returns the value set by the most recent Store; see
// [sync/atomic.Value.Load].
func (v *Value) Load() (val any) { point(); return v.v.Load() }

// Store sets the value of the Value v to val; see [sync/atomic.Value.Store].
func (v *Value) Store(val any) { point(); v.v.Store(val) }

// Swap stores new into Value and returns the previous value; see
// [sync/atomic.Value.Swap].
func (v *Value) Swap(new any) (old any) { point(); return v.v.Swap(new) }

// CompareAndSwap executes the compare-and-swap operation for the Value; see
// [sync/atomic.Value.CompareAndSwap].
func (v *Value) CompareAndSwap(old, new any) (swapped bool) {
	point()
	return v.v.CompareAndSwap(old, new)
}
