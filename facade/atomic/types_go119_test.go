//go:build go1.19

package atomic_test

import (
	"testing"
	"unsafe"

	"github.com/syncsweep/syncsweep/facade/atomic"
)

func TestTypedInts(t *testing.T) {
	var (
		i32 atomic.Int32
		i64 atomic.Int64
		u32 atomic.Uint32
		u64 atomic.Uint64
		up  atomic.Uintptr
	)
	tests := []intOps{
		{"Int32",
			func(d int64) int64 { return int64(i32.Add(int32(d))) },
			func() int64 { return int64(i32.Load()) },
			func(v int64) { i32.Store(int32(v)) },
			func(v int64) int64 { return int64(i32.Swap(int32(v))) },
			func(o, n int64) bool { return i32.CompareAndSwap(int32(o), int32(n)) }},
		{"Int64",
			func(d int64) int64 { return i64.Add(d) },
			func() int64 { return i64.Load() },
			func(v int64) { i64.Store(v) },
			func(v int64) int64 { return i64.Swap(v) },
			func(o, n int64) bool { return i64.CompareAndSwap(o, n) }},
		{"Uint32",
			func(d int64) int64 { return int64(u32.Add(uint32(d))) },
			func() int64 { return int64(u32.Load()) },
			func(v int64) { u32.Store(uint32(v)) },
			func(v int64) int64 { return int64(u32.Swap(uint32(v))) },
			func(o, n int64) bool { return u32.CompareAndSwap(uint32(o), uint32(n)) }},
		{"Uint64",
			func(d int64) int64 { return int64(u64.Add(uint64(d))) },
			func() int64 { return int64(u64.Load()) },
			func(v int64) { u64.Store(uint64(v)) },
			func(v int64) int64 { return int64(u64.Swap(uint64(v))) },
			func(o, n int64) bool { return u64.CompareAndSwap(uint64(o), uint64(n)) }},
		{"Uintptr",
			func(d int64) int64 { return int64(up.Add(uintptr(d))) },
			func() int64 { return int64(up.Load()) },
			func(v int64) { up.Store(uintptr(v)) },
			func(v int64) int64 { return int64(up.Swap(uintptr(v))) },
			func(o, n int64) bool { return up.CompareAndSwap(uintptr(o), uintptr(n)) }},
	}
	for _, tc := range tests {
		tc := tc
		t.Run(tc.name, func(t *testing.T) { checkIntOps(t, tc) })
	}
}

func TestBool(t *testing.T) {
	var b atomic.Bool
	if b.Load() {
		t.Fatal("zero Bool is true")
	}
	b.Store(true)
	if old := b.Swap(false); !old || b.Load() {
		t.Fatal("Swap")
	}
	if b.CompareAndSwap(true, true) || !b.CompareAndSwap(false, true) || !b.Load() {
		t.Fatal("CompareAndSwap")
	}
}

func TestPointer(t *testing.T) {
	a, c := 1, 2
	var p atomic.Pointer[int]
	if p.Load() != nil {
		t.Fatal("zero Pointer is not nil")
	}
	p.Store(&a)
	if old := p.Swap(&c); old != &a || p.Load() != &c {
		t.Fatal("Swap")
	}
	if p.CompareAndSwap(&a, nil) || !p.CompareAndSwap(&c, &a) || p.Load() != &a {
		t.Fatal("CompareAndSwap")
	}
}

// TestAlignment checks that the wrappers keep the 64-bit alignment that
// sync/atomic's Int64 and Uint64 guarantee, also as struct fields after a
// 32-bit one.
func TestAlignment(t *testing.T) {
	var s struct {
		_ int32
		i atomic.Int64
		_ int32
		u atomic.Uint64
	}
	if off := unsafe.Offsetof(s.i); off%8 != 0 {
		t.Errorf("Int64 field at offset %d", off)
	}
	if off := unsafe.Offsetof(s.u); off%8 != 0 {
		t.Errorf("Uint64 field at offset %d", off)
	}
	if a := unsafe.Alignof(s.i); a != 8 {
		t.Errorf("Alignof(Int64) = %d, want 8", a)
	}
}
