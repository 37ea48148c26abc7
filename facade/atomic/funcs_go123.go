//go:build go1.23

package atomic

import stdatomic "sync/atomic"

// AndInt32 atomically performs a bitwise AND operation on *addr using the
// bitmask provided as mask and returns the old value; see
// [sync/atomic.AndInt32].
func AndInt32(addr *int32, mask int32) (old int32) { point(); return stdatomic.AndInt32(addr, mask) }

// AndInt64 atomically performs a bitwise AND operation on *addr using the
// bitmask provided as mask and returns the old value; see
// [sync/atomic.AndInt64].
func AndInt64(addr *int64, mask int64) (old int64) { point(); return stdatomic.AndInt64(addr, mask) }

// AndUint32 atomically performs a bitwise AND operation on *addr using the
// bitmask provided as mask and returns the old value; see
// [sync/atomic.AndUint32].
func AndUint32(addr *uint32, mask uint32) (old uint32) {
	point()
	return stdatomic.AndUint32(addr, mask)
}

// AndUint64 atomically performs a bitwise AND operation on *addr using the
// bitmask provided as mask and returns the old value; see
// [sync/atomic.AndUint64].
func AndUint64(addr *uint64, mask uint64) (old uint64) {
	point()
	return stdatomic.AndUint64(addr, mask)
}

// AndUintptr atomically performs a bitwise AND operation on *addr using the
// bitmask provided as mask and returns the old value; see
// [sync/atomic.AndUintptr].
func AndUintptr(addr *uintptr, mask uintptr) (old uintptr) {
	point()
	return stdatomic.AndUintptr(addr, mask)
}

// OrInt32 atomically performs a bitwise OR operation on *addr using the
// bitmask provided as mask and returns the old value; see
// [sync/atomic.OrInt32].
func OrInt32(addr *int32, mask int32) (old int32) { point(); return stdatomic.OrInt32(addr, mask) }

// OrInt64 atomically performs a bitwise OR operation on *addr using the
// bitmask provided as mask and returns the old value; see
// [sync/atomic.OrInt64].
func OrInt64(addr *int64, mask int64) (old int64) { point(); return stdatomic.OrInt64(addr, mask) }

// OrUint32 atomically performs a bitwise OR operation on *addr using the
// bitmask provided as mask and returns the old value; see
// [sync/atomic.OrUint32].
func OrUint32(addr *uint32, mask uint32) (old uint32) { point(); return stdatomic.OrUint32(addr, mask) }

// OrUint64 atomically performs a bitwise OR operation on *addr using the
// bitmask provided as mask and returns the old value; see
// [sync/atomic.OrUint64].
func OrUint64(addr *uint64, mask uint64) (old uint64) { point(); return stdatomic.OrUint64(addr, mask) }

// OrUintptr atomically performs a bitwise OR operation on *addr using the
// bitmask provided as mask and returns the old value; see
// [sync/atomic.OrUintptr].
func OrUintptr(addr *uintptr, mask uintptr) (old uintptr) {
	point()
	return stdatomic.OrUintptr(addr, mask)
}
