//go:build explore && go1.25 && !deadlock

package facade

import (
	"sync"
	"unsafe"

	"github.com/syncsweep/syncsweep/facade/internal/explore"
)

// A WaitGroup waits for a collection of goroutines to finish; see
// [sync.WaitGroup]. Under an exploration an Add made inside the goroutine
// it counts may come after the Wait, as it may in sync.
type WaitGroup struct {
	wg sync.WaitGroup
}

// Add adds delta to the WaitGroup counter; see [sync.WaitGroup.Add].
func (wg *WaitGroup) Add(delta int) {
	if s := explore.Current(); s != nil {
		if delta < 0 {
			explore.ReleaseMerge(unsafe.Pointer(wg))
		}
		s.Do(explore.Call{Op: explore.WGAdd, Obj: unsafe.Pointer(wg), N: int64(delta)})
		return
	}
	wg.wg.Add(delta)
}

// Done decrements the WaitGroup counter by one; see [sync.WaitGroup.Done].
func (wg *WaitGroup) Done() { wg.Add(-1) }

// Wait blocks until the WaitGroup counter is zero; see [sync.WaitGroup.Wait].
func (wg *WaitGroup) Wait() {
	if s := explore.Current(); s != nil {
		s.Do(explore.Call{Op: explore.WGWait, Obj: unsafe.Pointer(wg)})
		explore.Acquire(unsafe.Pointer(wg))
		return
	}
	wg.wg.Wait()
}

// Go calls f in a new goroutine and adds that task to the WaitGroup; see
// [sync.WaitGroup.Go].
func (wg *WaitGroup) Go(f func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		f()
	}()
}
