//go:build go1.23

package atomic_test

import (
	"testing"

	"github.com/syncsweep/syncsweep/facade/atomic"
)

// bitOps is the And/Or family of one integer type, as uint64 closures, each
// starting from 0b1100 in its own variable.
type bitOps struct {
	name    string
	and, or func(mask uint64) (old uint64)
	load    func() uint64
}

func TestAndOr(t *testing.T) {
	var (
		i32, ti32 = int32(12), atomic.Int32{}
		i64, ti64 = int64(12), atomic.Int64{}
		u32, tu32 = uint32(12), atomic.Uint32{}
		u64, tu64 = uint64(12), atomic.Uint64{}
		up, tup   = uintptr(12), atomic.Uintptr{}
	)
	ti32.Store(12)
	ti64.Store(12)
	tu32.Store(12)
	tu64.Store(12)
	tup.Store(12)
	tests := []bitOps{
		{"func Int32", func(m uint64) uint64 { return uint64(atomic.AndInt32(&i32, int32(m))) }, func(m uint64) uint64 { return uint64(atomic.OrInt32(&i32, int32(m))) }, func() uint64 { return uint64(atomic.LoadInt32(&i32)) }},
		{"func Int64", func(m uint64) uint64 { return uint64(atomic.AndInt64(&i64, int64(m))) }, func(m uint64) uint64 { return uint64(atomic.OrInt64(&i64, int64(m))) }, func() uint64 { return uint64(atomic.LoadInt64(&i64)) }},
		{"func Uint32", func(m uint64) uint64 { return uint64(atomic.AndUint32(&u32, uint32(m))) }, func(m uint64) uint64 { return uint64(atomic.OrUint32(&u32, uint32(m))) }, func() uint64 { return uint64(atomic.LoadUint32(&u32)) }},
		{"func Uint64", func(m uint64) uint64 { return atomic.AndUint64(&u64, m) }, func(m uint64) uint64 { return atomic.OrUint64(&u64, m) }, func() uint64 { return atomic.LoadUint64(&u64) }},
		{"func Uintptr", func(m uint64) uint64 { return uint64(atomic.AndUintptr(&up, uintptr(m))) }, func(m uint64) uint64 { return uint64(atomic.OrUintptr(&up, uintptr(m))) }, func() uint64 { return uint64(atomic.LoadUintptr(&up)) }},
		{"method Int32", func(m uint64) uint64 { return uint64(ti32.And(int32(m))) }, func(m uint64) uint64 { return uint64(ti32.Or(int32(m))) }, func() uint64 { return uint64(ti32.Load()) }},
		{"method Int64", func(m uint64) uint64 { return uint64(ti64.And(int64(m))) }, func(m uint64) uint64 { return uint64(ti64.Or(int64(m))) }, func() uint64 { return uint64(ti64.Load()) }},
		{"method Uint32", func(m uint64) uint64 { return uint64(tu32.And(uint32(m))) }, func(m uint64) uint64 { return uint64(tu32.Or(uint32(m))) }, func() uint64 { return uint64(tu32.Load()) }},
		{"method Uint64", func(m uint64) uint64 { return tu64.And(m) }, func(m uint64) uint64 { return tu64.Or(m) }, func() uint64 { return tu64.Load() }},
		{"method Uintptr", func(m uint64) uint64 { return uint64(tup.And(uintptr(m))) }, func(m uint64) uint64 { return uint64(tup.Or(uintptr(m))) }, func() uint64 { return uint64(tup.Load()) }},
	}
	for _, tc := range tests {
		if old := tc.and(0b1010); old != 0b1100 || tc.load() != 0b1000 {
			t.Errorf("%s: And(0b1010) = %#b, now %#b; want 0b1100, now 0b1000", tc.name, old, tc.load())
		}
		if old := tc.or(0b0011); old != 0b1000 || tc.load() != 0b1011 {
			t.Errorf("%s: Or(0b0011) = %#b, now %#b; want 0b1000, now 0b1011", tc.name, old, tc.load())
		}
	}
}
