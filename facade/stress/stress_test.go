package stress_test

import (
	"testing"

	"github.com/syncsweep/syncsweep/facade"
	"github.com/syncsweep/syncsweep/facade/stress"
)

// TestRunOnce: a correct body runs to the end, on every backend (under
// explore, once per schedule).
func TestRunOnce(t *testing.T) {
	var mu facade.Mutex
	runs := 0
	stress.Run(t, func() {
		runs++
		n := 0
		var wg facade.WaitGroup
		for i := 0; i < 4; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				mu.Lock()
				n++
				mu.Unlock()
			}()
		}
		wg.Wait()
		if n != 4 {
			t.Errorf("n = %d, want 4", n)
		}
	})
	if runs == 0 {
		t.Fatal("the body never ran")
	}
}
