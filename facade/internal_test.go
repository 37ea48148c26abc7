package facade

import (
	"sync"
	"testing"
	"unsafe"
)

// TestPoolInnerNewStaysNil checks that Get never hands New to the inner
// sync.Pool, so New is called once per miss and never twice.
func TestPoolInnerNewStaysNil(t *testing.T) {
	calls := 0
	p := Pool{New: func() any { calls++; return calls }}
	for i := 0; i < 3; i++ {
		p.Get()
	}
	if p.p.New != nil {
		t.Fatal("the inner sync.Pool has a New function")
	}
	if calls != 3 {
		t.Fatalf("New called %d times for 3 misses, want 3", calls)
	}
}

// TestWaitGroupLayout backs WaitGroup.std's pointer conversion.
func TestWaitGroupLayout(t *testing.T) {
	var wg WaitGroup
	if unsafe.Offsetof(wg.wg) != 0 || unsafe.Sizeof(wg) != unsafe.Sizeof(sync.WaitGroup{}) {
		t.Fatal("WaitGroup is not exactly a sync.WaitGroup at offset 0")
	}
	if wg.std() != &wg.wg {
		t.Fatal("std does not return the wrapped sync.WaitGroup")
	}
}
