//go:build go1.23

package atomic

// And atomically performs a bitwise AND operation on x using the bitmask
// provided as mask and returns the old value; see [sync/atomic.Int32.And].
func (x *Int32) And(mask int32) (old int32) { point(); return x.v.And(mask) }

// Or atomically performs a bitwise OR operation on x using the bitmask
// provided as mask and returns the old value; see [sync/atomic.Int32.Or].
func (x *Int32) Or(mask int32) (old int32) { point(); return x.v.Or(mask) }

// And atomically performs a bitwise AND operation on x using the bitmask
// provided as mask and returns the old value; see [sync/atomic.Int64.And].
func (x *Int64) And(mask int64) (old int64) { point(); return x.v.And(mask) }

// Or atomically performs a bitwise OR operation on x using the bitmask
// provided as mask and returns the old value; see [sync/atomic.Int64.Or].
func (x *Int64) Or(mask int64) (old int64) { point(); return x.v.Or(mask) }

// And atomically performs a bitwise AND operation on x using the bitmask
// provided as mask and returns the old value; see [sync/atomic.Uint32.And].
func (x *Uint32) And(mask uint32) (old uint32) { point(); return x.v.And(mask) }

// Or atomically performs a bitwise OR operation on x using the bitmask
// provided as mask and returns the old value; see [sync/atomic.Uint32.Or].
func (x *Uint32) Or(mask uint32) (old uint32) { point(); return x.v.Or(mask) }

// And atomically performs a bitwise AND operation on x using the bitmask
// provided as mask and returns the old value; see [sync/atomic.Uint64.And].
func (x *Uint64) And(mask uint64) (old uint64) { point(); return x.v.And(mask) }

// Or atomically performs a bitwise OR operation on x using the bitmask
// provided as mask and returns the old value; see [sync/atomic.Uint64.Or].
func (x *Uint64) Or(mask uint64) (old uint64) { point(); return x.v.Or(mask) }

// And atomically performs a bitwise AND operation on x using the bitmask
// provided as mask and returns the old value; see [sync/atomic.Uintptr.And].
func (x *Uintptr) And(mask uintptr) (old uintptr) { point(); return x.v.And(mask) }

// Or atomically performs a bitwise OR operation on x using the bitmask
// provided as mask and returns the old value; see [sync/atomic.Uintptr.Or].
func (x *Uintptr) Or(mask uintptr) (old uintptr) { point(); return x.v.Or(mask) }
