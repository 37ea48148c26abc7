//go:build go1.20

package facade_test

import (
	"testing"

	"github.com/syncsweep/syncsweep/facade"
)

func TestMapGo120(t *testing.T) {
	var m facade.Map
	if prev, loaded := m.Swap("k", 1); prev != nil || loaded {
		t.Errorf("Swap on missing key = %v, %v", prev, loaded)
	}
	if prev, loaded := m.Swap("k", 2); prev != 1 || !loaded {
		t.Errorf("Swap = %v, %v; want 1, true", prev, loaded)
	}
	if m.CompareAndSwap("k", 1, 3) {
		t.Error("CompareAndSwap with a stale old value succeeded")
	}
	if !m.CompareAndSwap("k", 2, 3) {
		t.Error("CompareAndSwap failed")
	}
	if m.CompareAndDelete("k", 2) {
		t.Error("CompareAndDelete with a stale old value succeeded")
	}
	if !m.CompareAndDelete("k", 3) {
		t.Error("CompareAndDelete failed")
	}
	if _, ok := m.Load("k"); ok {
		t.Error("key still present after CompareAndDelete")
	}
}
