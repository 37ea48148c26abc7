//go:build explore && go1.25

package stress_test

import (
	"testing"

	"github.com/syncsweep/syncsweep/facade"
	"github.com/syncsweep/syncsweep/facade/stress"
)

func TestSmokeOK(t *testing.T) {
	var mu facade.Mutex
	stress.Run(t, func() {
		n := 0
		var wg facade.WaitGroup
		for i := 0; i < 3; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				mu.Lock()
				n++
				mu.Unlock()
			}()
		}
		wg.Wait()
		if n != 3 {
			t.Errorf("n = %d", n)
		}
	})
}

func TestSmokeInversion(t *testing.T) {
	stress.Run(t, func() {
		var a, b facade.Mutex
		var wg facade.WaitGroup
		wg.Add(2)
		go func() { defer wg.Done(); a.Lock(); b.Lock(); b.Unlock(); a.Unlock() }()
		go func() { defer wg.Done(); b.Lock(); a.Lock(); a.Unlock(); b.Unlock() }()
		wg.Wait()
	})
}
