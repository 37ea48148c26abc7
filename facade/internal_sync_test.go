//go:build !explore

package facade

import (
	"sync"
	"testing"
	"unsafe"
)

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
