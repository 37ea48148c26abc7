//go:build !explore

package facade

import (
	"sync"
	"unsafe"
)

// A WaitGroup waits for a collection of goroutines to finish; see
// [sync.WaitGroup]. A WaitGroup must not be copied after first use.
type WaitGroup struct {
	wg sync.WaitGroup // the only field: std relies on it being at offset 0
}

// std returns the sync.WaitGroup that wg wraps. It converts the pointer
// rather than take &wg.wg, because the field address needs a nil check: a
// load of wg's cache line just before the out-of-line sync.WaitGroup.Add
// writes it, which measured about 15% slower than sync under contention.
func (wg *WaitGroup) std() *sync.WaitGroup { return (*sync.WaitGroup)(unsafe.Pointer(wg)) }

// Add adds delta to the WaitGroup counter; see [sync.WaitGroup.Add].
func (wg *WaitGroup) Add(delta int) { wg.std().Add(delta) }

// Done decrements the WaitGroup counter by one; see [sync.WaitGroup.Done].
func (wg *WaitGroup) Done() { wg.std().Done() }

// Wait blocks until the WaitGroup counter is zero; see [sync.WaitGroup.Wait].
func (wg *WaitGroup) Wait() { wg.std().Wait() }
