package facade

import "testing"

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
