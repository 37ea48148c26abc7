//go:build explore && go1.25

package stress_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/syncsweep/syncsweep/facade"
	"github.com/syncsweep/syncsweep/facade/stress"
)

// The explore backend's quirks, each a choice made so that a schedule
// replays the same way (package doc, "What is modelled"); each is asserted
// here in every schedule of a small budget.

// TestQuirkMapRangeInInsertionOrder: Range visits keys in the order they
// were first stored, not in Go's randomized map order; a deleted and
// stored again key goes to the end.
func TestQuirkMapRangeInInsertionOrder(t *testing.T) {
	t.Setenv("SYNCSWEEP_EXPLORE_SCHEDULES", "50")
	stress.Run(t, func() {
		var m facade.Map
		for i := 0; i < 20; i++ {
			m.Store(i, i)
		}
		m.Delete(3)
		m.Store(3, 3)
		var got []int
		m.Range(func(k, _ any) bool { got = append(got, k.(int)); return true })
		want := []int{0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 3}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("Range visited %v, want %v", got, want)
		}
	})
}

// TestQuirkPoolKeepsItems: the model's Pool is a stack that never drops an
// item (sync.Pool may drop any at any time), so Get returns the last Put.
func TestQuirkPoolKeepsItems(t *testing.T) {
	t.Setenv("SYNCSWEEP_EXPLORE_SCHEDULES", "50")
	stress.Run(t, func() {
		news := 0
		p := facade.Pool{New: func() any { news++; return -1 }}
		p.Put(1)
		p.Put(2)
		if a, b, c := p.Get(), p.Get(), p.Get(); a != 2 || b != 1 || c != -1 || news != 1 {
			t.Errorf("Get, Get, Get = %v, %v, %v with %d calls of New; want 2, 1, -1 and 1", a, b, c, news)
		}
	})
}

// TestQuirkSleepEndsLast: virtual time moves only when every goroutine is
// blocked, so a sleep ends after the other goroutines have done all they
// can: a test that orders goroutines by sleeping always sees one order.
func TestQuirkSleepEndsLast(t *testing.T) {
	t.Setenv("SYNCSWEEP_EXPLORE_SCHEDULES", "200")
	stress.Run(t, func() {
		var mu facade.Mutex
		done := 0
		var wg facade.WaitGroup
		for i := 0; i < 3; i++ {
			wg.Go(func() {
				for j := 0; j < 5; j++ {
					mu.Lock()
					done++
					mu.Unlock()
				}
			})
		}
		time.Sleep(time.Nanosecond)
		mu.Lock()
		if done != 15 {
			t.Errorf("after the sleep, %d of 15 increments were done", done)
		}
		mu.Unlock()
		wg.Wait()
	})
}

// TestQuirkCondNoSpuriousWakeup: a Wait ends only after a Signal or
// Broadcast that came after it; sync.Cond makes no such promise in its
// documentation, though its implementation keeps it.
func TestQuirkCondNoSpuriousWakeup(t *testing.T) {
	t.Setenv("SYNCSWEEP_EXPLORE_SCHEDULES", "200")
	t.Setenv("SYNCSWEEP_EXPLORE_MAX_STEPS", "2000") // the signaller polls: fairness from step 1000
	stress.Run(t, func() {
		var mu facade.Mutex
		c := facade.NewCond(&mu)
		waiting, signalled := false, false
		var wg facade.WaitGroup
		wg.Go(func() {
			mu.Lock()
			waiting = true
			c.Wait()
			if !signalled {
				t.Error("Wait returned before any Signal")
			}
			mu.Unlock()
		})
		for {
			mu.Lock()
			// Signal only once the waiter is in Wait (it holds mu until
			// then): then the one Signal wakes it.
			if waiting {
				signalled = true
				c.Signal()
				mu.Unlock()
				break
			}
			mu.Unlock()
		}
		wg.Wait()
	})
}

// TestMapPanicsAsSync: what panics in sync.Map panics in the caller with
// the same value, which a recover catches: a key that cannot be hashed, an
// old value that cannot be compared.
func TestMapPanicsAsSync(t *testing.T) {
	t.Setenv("SYNCSWEEP_EXPLORE_SCHEDULES", "20")
	type key struct{ v any }
	stress.Run(t, func() {
		var m facade.Map
		for name, op := range map[string]func(){
			"unhashable key": func() { m.Store(key{[]int{1}}, 1) },
			"uncomparable old": func() {
				m.Store("k", []int{1})
				m.CompareAndSwap("k", []int{1}, 2)
			},
		} {
			func() {
				defer func() {
					if _, ok := recover().(error); !ok {
						t.Errorf("%s: no runtime error panic", name)
					}
				}()
				op()
			}()
		}
	})
}

var (
	registry  facade.Map
	setupOnce facade.Once
)

// TestSeededFromRealObjects: a Map filled before the exploration keeps its
// entries in every schedule, and a Once that already ran does not run
// again, as in sync.
func TestSeededFromRealObjects(t *testing.T) {
	t.Setenv("SYNCSWEEP_EXPLORE_SCHEDULES", "20")
	registry.Store("json", 1)
	registry.Store("xml", 2)
	ran := 0
	setupOnce.Do(func() { ran++ })
	stress.Run(t, func() {
		if v, ok := registry.Load("json"); !ok || v != 1 {
			t.Errorf("Load(json) = %v, %v in the schedule", v, ok)
		}
		var keys []any
		registry.Range(func(k, _ any) bool { keys = append(keys, k); return true })
		if fmt.Sprint(keys) != "[json xml]" {
			t.Errorf("Range visited %v", keys)
		}
		setupOnce.Do(func() { ran++ })
	})
	if ran != 1 {
		t.Errorf("the Once that ran before the exploration ran %d more times in it", ran-1)
	}
}

// TestWaitGroupPanicsAsSync: a negative counter panics in the caller,
// which a recover catches, as in sync.
func TestWaitGroupPanicsAsSync(t *testing.T) {
	t.Setenv("SYNCSWEEP_EXPLORE_SCHEDULES", "5")
	stress.Run(t, func() {
		var wg facade.WaitGroup
		defer func() {
			if p := recover(); p != "sync: negative WaitGroup counter" {
				t.Errorf("recovered %v", p)
			}
		}()
		wg.Done()
	})
}

// TestWaitGroupReusedEarly: the Done that brings the counter to zero
// releases a waiter; an Add before that waiter returns makes it panic, as
// sync's does ("WaitGroup is reused before previous Wait has returned").
func TestWaitGroupReusedEarly(t *testing.T) {
	if isChild() {
		stress.Run(t, func() {
			var wg facade.WaitGroup
			wg.Add(1)
			done := make(chan bool)
			go func() { wg.Wait(); done <- true }()
			time.Sleep(time.Millisecond) // the waiter is in Wait
			wg.Done()
			wg.Add(1)
			time.Sleep(time.Millisecond)
			wg.Done()
			<-done
		})
		return
	}
	out, failed := runChild(t, "^TestWaitGroupReusedEarly$", nil)
	if !failed || !strings.Contains(out, "WaitGroup is reused before previous Wait has returned") {
		t.Fatalf("want the reuse to panic as in sync:\n%s", out)
	}
}
