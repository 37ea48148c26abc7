//go:build go1.25

package facade_test

import (
	"testing"

	"github.com/syncsweep/syncsweep/facade"
)

func TestWaitGroupGo(t *testing.T) {
	var wg facade.WaitGroup
	var n facade.Mutex
	count := 0
	for i := 0; i < 5; i++ {
		wg.Go(func() { n.Lock(); count++; n.Unlock() })
	}
	wg.Wait()
	if count != 5 {
		t.Fatalf("count = %d after Wait, want 5", count)
	}
}
