package atomic_test

import (
	"testing"
	"unsafe"

	"github.com/syncsweep/syncsweep/facade/atomic"
)

// intOps is the function family of one integer type, as int64 closures.
type intOps struct {
	name  string
	add   func(delta int64) int64
	load  func() int64
	store func(v int64)
	swap  func(v int64) int64
	cas   func(old, new int64) bool
}

func TestIntFuncs(t *testing.T) {
	var (
		i32 int32
		i64 int64
		u32 uint32
		u64 uint64
		up  uintptr
	)
	tests := []intOps{
		{"Int32",
			func(d int64) int64 { return int64(atomic.AddInt32(&i32, int32(d))) },
			func() int64 { return int64(atomic.LoadInt32(&i32)) },
			func(v int64) { atomic.StoreInt32(&i32, int32(v)) },
			func(v int64) int64 { return int64(atomic.SwapInt32(&i32, int32(v))) },
			func(o, n int64) bool { return atomic.CompareAndSwapInt32(&i32, int32(o), int32(n)) }},
		{"Int64",
			func(d int64) int64 { return atomic.AddInt64(&i64, d) },
			func() int64 { return atomic.LoadInt64(&i64) },
			func(v int64) { atomic.StoreInt64(&i64, v) },
			func(v int64) int64 { return atomic.SwapInt64(&i64, v) },
			func(o, n int64) bool { return atomic.CompareAndSwapInt64(&i64, o, n) }},
		{"Uint32",
			func(d int64) int64 { return int64(atomic.AddUint32(&u32, uint32(d))) },
			func() int64 { return int64(atomic.LoadUint32(&u32)) },
			func(v int64) { atomic.StoreUint32(&u32, uint32(v)) },
			func(v int64) int64 { return int64(atomic.SwapUint32(&u32, uint32(v))) },
			func(o, n int64) bool { return atomic.CompareAndSwapUint32(&u32, uint32(o), uint32(n)) }},
		{"Uint64",
			func(d int64) int64 { return int64(atomic.AddUint64(&u64, uint64(d))) },
			func() int64 { return int64(atomic.LoadUint64(&u64)) },
			func(v int64) { atomic.StoreUint64(&u64, uint64(v)) },
			func(v int64) int64 { return int64(atomic.SwapUint64(&u64, uint64(v))) },
			func(o, n int64) bool { return atomic.CompareAndSwapUint64(&u64, uint64(o), uint64(n)) }},
		{"Uintptr",
			func(d int64) int64 { return int64(atomic.AddUintptr(&up, uintptr(d))) },
			func() int64 { return int64(atomic.LoadUintptr(&up)) },
			func(v int64) { atomic.StoreUintptr(&up, uintptr(v)) },
			func(v int64) int64 { return int64(atomic.SwapUintptr(&up, uintptr(v))) },
			func(o, n int64) bool { return atomic.CompareAndSwapUintptr(&up, uintptr(o), uintptr(n)) }},
	}
	for _, tc := range tests {
		tc := tc
		t.Run(tc.name, func(t *testing.T) { checkIntOps(t, tc) })
	}
}

// checkIntOps runs the same script on any integer family; 1000 concurrent
// Adds check atomicity.
func checkIntOps(t *testing.T, o intOps) {
	t.Helper()
	if got := o.add(5); got != 5 {
		t.Errorf("Add(5) = %d, want 5", got)
	}
	o.store(7)
	if got := o.load(); got != 7 {
		t.Errorf("Load after Store(7) = %d", got)
	}
	if old := o.swap(9); old != 7 || o.load() != 9 {
		t.Errorf("Swap(9) = %d (now %d), want 7 (now 9)", old, o.load())
	}
	if o.cas(7, 1) || o.load() != 9 {
		t.Errorf("CompareAndSwap(7, 1) succeeded on 9")
	}
	if !o.cas(9, 0) || o.load() != 0 {
		t.Errorf("CompareAndSwap(9, 0) failed")
	}
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			for i := 0; i < 250; i++ {
				o.add(1)
			}
			done <- true
		}()
	}
	for g := 0; g < 4; g++ {
		<-done
	}
	if got := o.load(); got != 1000 {
		t.Errorf("after 1000 concurrent Add(1): %d", got)
	}
}

func TestPointerFuncs(t *testing.T) {
	a, b := 1, 2
	pa, pb := unsafe.Pointer(&a), unsafe.Pointer(&b)
	var p unsafe.Pointer
	if atomic.LoadPointer(&p) != nil {
		t.Fatal("LoadPointer of nil")
	}
	atomic.StorePointer(&p, pa)
	if atomic.LoadPointer(&p) != pa {
		t.Fatal("StorePointer/LoadPointer")
	}
	if old := atomic.SwapPointer(&p, pb); old != pa {
		t.Fatal("SwapPointer")
	}
	if atomic.CompareAndSwapPointer(&p, pa, nil) {
		t.Fatal("CompareAndSwapPointer with stale old succeeded")
	}
	if !atomic.CompareAndSwapPointer(&p, pb, pa) || atomic.LoadPointer(&p) != pa {
		t.Fatal("CompareAndSwapPointer failed")
	}
}

func TestValue(t *testing.T) {
	var v atomic.Value
	if v.Load() != nil {
		t.Fatal("zero Value loads non-nil")
	}
	v.Store("a")
	if v.Load() != "a" {
		t.Fatal("Store/Load")
	}
	if old := v.Swap("b"); old != "a" {
		t.Fatalf("Swap = %v, want a", old)
	}
	if v.CompareAndSwap("a", "c") {
		t.Fatal("CompareAndSwap with stale old succeeded")
	}
	if !v.CompareAndSwap("b", "c") || v.Load() != "c" {
		t.Fatal("CompareAndSwap failed")
	}
	defer func() {
		if recover() == nil {
			t.Fatal("storing an inconsistently typed value did not panic, unlike sync/atomic.Value")
		}
	}()
	v.Store(1)
}
