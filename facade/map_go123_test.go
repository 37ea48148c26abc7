//go:build go1.23

package facade_test

import (
	"testing"

	"github.com/syncsweep/syncsweep/facade"
)

func TestMapClear(t *testing.T) {
	var m facade.Map
	m.Store(1, 1)
	m.Store(2, 2)
	m.Clear()
	m.Range(func(k, v any) bool {
		t.Errorf("entry %v -> %v survived Clear", k, v)
		return true
	})
}
