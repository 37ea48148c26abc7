//go:build explore && go1.25 && race

package stress_test

import (
	"strings"
	"testing"
	"time"

	"github.com/syncsweep/syncsweep/facade"
	"github.com/syncsweep/syncsweep/facade/atomic"
	"github.com/syncsweep/syncsweep/facade/stress"
)

// TestRaceStillReported: two goroutines increment an unsynchronised
// counter, each next to a facade operation on a different atomic. Nothing
// orders the two increments, so the race detector must report them, even
// though the scheduler hands the turn from one goroutine to the other
// between them (each hand-off is a channel operation, which would tell
// the detector the first happens before the second).
func TestRaceStillReported(t *testing.T) {
	if isChild() {
		t.Setenv("SYNCSWEEP_EXPLORE_SCHEDULES", "5")
		stress.Run(t, func() {
			n := 0
			var a, b atomic.Int32
			var wg facade.WaitGroup
			wg.Add(2)
			go func() { defer wg.Done(); n++; a.Add(1) }()
			go func() { defer wg.Done(); b.Add(1); n++ }()
			wg.Wait()
		})
		return
	}
	out, failed := runChild(t, "^TestRaceStillReported$", nil)
	if !failed || !strings.Contains(out, "WARNING: DATA RACE") || !strings.Contains(out, "TestRaceStillReported.func1") {
		t.Fatalf("the data race was not reported under -race -tags explore:\n%s", out)
	}
}

// TestNoRaceThroughFacadeLocks: the same counter, guarded by a facade
// Mutex, is not reported: the facade states the happens-before edges the
// real sync types make (Unlock before the next Lock; Done before Wait
// returns).
func TestNoRaceThroughFacadeLocks(t *testing.T) {
	if isChild() {
		t.Setenv("SYNCSWEEP_EXPLORE_SCHEDULES", "50")
		stress.Run(t, func() {
			n := 0
			var mu facade.Mutex
			var wg facade.WaitGroup
			wg.Add(2)
			go func() { defer wg.Done(); mu.Lock(); n++; mu.Unlock() }()
			go func() { defer wg.Done(); mu.Lock(); n++; mu.Unlock() }()
			wg.Wait()
			if n != 2 {
				t.Errorf("n = %d", n)
			}
		})
		return
	}
	out, failed := runChild(t, "^TestNoRaceThroughFacadeLocks$", nil)
	if failed || strings.Contains(out, "DATA RACE") {
		t.Fatalf("a properly locked counter failed under -race -tags explore:\n%s", out)
	}
}

// TestRaceThroughMapReads: two goroutines that only read a facade Map are
// not ordered by it (sync.Map orders a write before the reads that see it,
// and nothing else), so their unsynchronised counter is reported.
func TestRaceThroughMapReads(t *testing.T) {
	if isChild() {
		t.Setenv("SYNCSWEEP_EXPLORE_SCHEDULES", "5")
		stress.Run(t, func() {
			var m facade.Map
			m.Store("k", 1)
			n := 0
			var wg facade.WaitGroup
			wg.Add(2)
			go func() { defer wg.Done(); n++; m.Load("k") }()
			go func() { defer wg.Done(); m.Load("k"); n++ }()
			wg.Wait()
		})
		return
	}
	out, failed := runChild(t, "^TestRaceThroughMapReads$", nil)
	if !failed || !strings.Contains(out, "WARNING: DATA RACE") {
		t.Fatalf("the race between two Map readers was not reported:\n%s", out)
	}
}

// TestRaceThroughPool: a Get is ordered after the Put of the item it
// returns and nothing else (sync.Pool keys its edges by item), so a
// counter written before another item's Put is a race.
func TestRaceThroughPool(t *testing.T) {
	if isChild() {
		t.Setenv("SYNCSWEEP_EXPLORE_SCHEDULES", "5")
		stress.Run(t, func() {
			var p facade.Pool
			x := 0
			var wg facade.WaitGroup
			wg.Add(1)
			go func() {
				x = 1
				p.Put(new(int))
				wg.Done()
			}()
			time.Sleep(time.Second)
			mine := new(int)
			p.Put(mine)
			if p.Get() == mine {
				_ = x
			}
			wg.Wait()
		})
		return
	}
	out, failed := runChild(t, "^TestRaceThroughPool$", nil)
	if !failed || !strings.Contains(out, "WARNING: DATA RACE") {
		t.Fatalf("the race the pool does not order was not reported:\n%s", out)
	}
}
