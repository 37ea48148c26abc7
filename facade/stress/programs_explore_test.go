//go:build explore && go1.25

//lint:file-ignore SA2001 the programs take locks in orders; their critical sections are empty on purpose

package stress_test

import (
	"testing"

	"github.com/syncsweep/syncsweep/facade"
	"github.com/syncsweep/syncsweep/facade/atomic"
)

// program is a small concurrent program with a bug the explore backend
// must find, and its fixed twin, which must pass every schedule. Each
// body makes its own state, so every schedule starts afresh.
type program struct {
	name  string
	kind  string // the kind of failure the report names
	buggy func(t *testing.T) func()
	fixed func(t *testing.T) func()
	small bool // DFS exhausts the fixed twin's bound
	env   []string
}

var programs = []program{
	{name: "DoubleLock", kind: "deadlock", small: true,
		buggy: func(t *testing.T) func() {
			return func() {
				var mu facade.Mutex
				n := 0
				inc := func() { mu.Lock(); n++; mu.Unlock() }
				mu.Lock()
				if n == 0 {
					inc() // locks mu again: sync.Mutex is not reentrant
				}
				mu.Unlock()
			}
		},
		fixed: func(t *testing.T) func() {
			return func() {
				var mu facade.Mutex
				n := 0
				mu.Lock()
				if n == 0 {
					n++
				}
				mu.Unlock()
				if n != 1 {
					t.Errorf("n = %d", n)
				}
			}
		}},
	{name: "TwoLockInversion", kind: "deadlock", small: true,
		buggy: func(t *testing.T) func() { return inversion(false) },
		fixed: func(t *testing.T) func() { return inversion(true) }},
	{name: "ThreeLockCycle", kind: "deadlock", small: true,
		buggy: func(t *testing.T) func() { return cycle(false) },
		fixed: func(t *testing.T) func() { return cycle(true) }},
	{name: "RecursiveRLock", kind: "deadlock", small: true,
		buggy: func(t *testing.T) func() { return recursiveRead(true) },
		fixed: func(t *testing.T) func() { return recursiveRead(false) }},
	{name: "LostWakeup", kind: "deadlock", small: true,
		buggy: func(t *testing.T) func() { return lostWakeup(false) },
		fixed: func(t *testing.T) func() { return lostWakeup(true) }},
	{name: "SplitReadModifyWrite", kind: "test failure", small: true,
		buggy: func(t *testing.T) func() { return counter(t, false) },
		fixed: func(t *testing.T) func() { return counter(t, true) }},
	{name: "EarlyReturnKeepsLock", kind: "deadlock", small: true,
		buggy: func(t *testing.T) func() { return withdrawals(false) },
		fixed: func(t *testing.T) func() { return withdrawals(true) }},
	{name: "AddInsideGoroutine", kind: "test failure", small: true,
		buggy: func(t *testing.T) func() { return addInside(t, true) },
		fixed: func(t *testing.T) func() { return addInside(t, false) }},
	{name: "GoroutineLeftBlocked", kind: "leak", small: true,
		buggy: func(t *testing.T) func() { return worker(false) },
		fixed: func(t *testing.T) func() { return worker(true) }},
	{name: "CondWaitWithoutLoop", kind: "test failure", small: false,
		buggy: func(t *testing.T) func() { return consumers(t, false) },
		fixed: func(t *testing.T) func() { return consumers(t, true) }},
	{name: "LoadBeforeStore", kind: "panic", small: true,
		buggy: func(t *testing.T) func() { return publish(false) },
		fixed: func(t *testing.T) func() { return publish(true) }},
	{name: "PanicInGoroutine", kind: "panic", small: true,
		buggy: func(t *testing.T) func() { return emptied(false) },
		fixed: func(t *testing.T) func() { return emptied(true) }},
	{name: "UnlockOfUnlocked", kind: "panic", small: true,
		buggy: func(t *testing.T) func() { return release(false) },
		fixed: func(t *testing.T) func() { return release(true) }},
	{name: "SpinForever", kind: "step bound", small: true,
		env:   []string{"SYNCSWEEP_EXPLORE_MAX_STEPS=2000"},
		buggy: func(t *testing.T) func() { return spin(false) },
		fixed: func(t *testing.T) func() { return spin(true) }},
	{name: "OnceInsideItsOwnDo", kind: "deadlock", small: true,
		buggy: func(t *testing.T) func() { return onceTwice(true) },
		fixed: func(t *testing.T) func() { return onceTwice(false) }},
	{name: "SleepThenForget", kind: "leak", small: true,
		buggy: func(t *testing.T) func() { return sleeper(false) },
		fixed: func(t *testing.T) func() { return sleeper(true) }},
}

// inversion: two goroutines take two locks in opposite orders (ordered:
// the same order).
func inversion(ordered bool) func() {
	return func() {
		var a, b facade.Mutex
		var wg facade.WaitGroup
		wg.Add(2)
		go func() { defer wg.Done(); a.Lock(); b.Lock(); b.Unlock(); a.Unlock() }()
		go func() {
			defer wg.Done()
			first, second := &b, &a
			if ordered {
				first, second = &a, &b
			}
			first.Lock()
			second.Lock()
			second.Unlock()
			first.Unlock()
		}()
		wg.Wait()
	}
}

// cycle: three goroutines, each locks its lock then the next one's.
func cycle(ordered bool) func() {
	return func() {
		var locks [3]facade.Mutex
		var wg facade.WaitGroup
		for i := 0; i < 3; i++ {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				a, b := i, (i+1)%3
				if ordered && a > b {
					a, b = b, a
				}
				locks[a].Lock()
				locks[b].Lock()
				locks[b].Unlock()
				locks[a].Unlock()
			}(i)
		}
		wg.Wait()
	}
}

// recursiveRead: a reader read-locks again inside its read lock, and a
// writer arriving between the two blocks the second (Go's writer
// preference).
func recursiveRead(recursive bool) func() {
	return func() {
		var rw facade.RWMutex
		var wg facade.WaitGroup
		value := 0
		get := func() int { rw.RLock(); defer rw.RUnlock(); return value }
		wg.Add(2)
		go func() {
			defer wg.Done()
			rw.RLock()
			v := value
			if recursive {
				v += get()
			} else {
				v += value
			}
			rw.RUnlock()
			_ = v
		}()
		go func() { defer wg.Done(); rw.Lock(); value++; rw.Unlock() }()
		wg.Wait()
	}
}

// lostWakeup: the notifier sets the flag and signals without holding the
// Cond's lock, so its Signal can fall between the waiter's check and its
// Wait.
func lostWakeup(locked bool) func() {
	return func() {
		var mu facade.Mutex
		c := facade.NewCond(&mu)
		var ready atomic.Bool
		var wg facade.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			if locked {
				mu.Lock()
				ready.Store(true)
				mu.Unlock()
			} else {
				ready.Store(true)
			}
			c.Signal()
		}()
		mu.Lock()
		for !ready.Load() {
			c.Wait()
		}
		mu.Unlock()
		wg.Wait()
	}
}

// counter: two goroutines increment a counter read in one critical
// section and written in another.
func counter(t *testing.T, oneSection bool) func() {
	return func() {
		var mu facade.Mutex
		n := 0
		get := func() int { mu.Lock(); defer mu.Unlock(); return n }
		set := func(v int) { mu.Lock(); n = v; mu.Unlock() }
		var wg facade.WaitGroup
		for i := 0; i < 2; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if oneSection {
					mu.Lock()
					n++
					mu.Unlock()
				} else {
					set(get() + 1)
				}
			}()
		}
		wg.Wait()
		if got := get(); got != 2 {
			t.Errorf("n = %d after two increments", got)
		}
	}
}

// withdrawals: a withdrawal that fails returns with the lock held, and a
// deposit that comes after it waits forever; in the other order the
// withdrawal succeeds.
func withdrawals(unlockOnFailure bool) func() {
	return func() {
		var mu facade.Mutex
		balance := 5
		withdraw := func(amount int) bool {
			mu.Lock()
			if balance < amount {
				if unlockOnFailure {
					mu.Unlock()
				}
				return false
			}
			balance -= amount
			mu.Unlock()
			return true
		}
		deposit := func(amount int) { mu.Lock(); balance += amount; mu.Unlock() }
		var wg facade.WaitGroup
		wg.Add(2)
		go func() { defer wg.Done(); deposit(5) }()
		go func() { defer wg.Done(); withdraw(8) }()
		wg.Wait()
	}
}

// addInside: each goroutine adds itself to the WaitGroup, so Wait can
// return before any has.
func addInside(t *testing.T, inside bool) func() {
	return func() {
		var mu facade.Mutex
		var wg facade.WaitGroup
		done := 0
		for i := 0; i < 2; i++ {
			if !inside {
				wg.Add(1)
			}
			go func() {
				if inside {
					wg.Add(1)
				}
				defer wg.Done()
				mu.Lock()
				done++
				mu.Unlock()
			}()
		}
		wg.Wait()
		mu.Lock()
		if done != 2 {
			t.Errorf("Wait returned with %d of 2 goroutines done", done)
		}
		mu.Unlock()
	}
}

// worker: the body forgets to tell its worker to stop.
func worker(stop bool) func() {
	return func() {
		var mu facade.Mutex
		quit := make(chan struct{})
		jobs := 0
		go func() {
			mu.Lock()
			jobs++
			mu.Unlock()
			<-quit
		}()
		mu.Lock()
		jobs++
		mu.Unlock()
		if stop {
			close(quit)
		}
	}
}

// consumers: a consumer checks its condition with if, not for, so another
// consumer can take the item between the Signal and its wake-up.
func consumers(t *testing.T, loop bool) func() {
	return func() {
		var mu facade.Mutex
		c := facade.NewCond(&mu)
		var queue []int
		var wg facade.WaitGroup
		for i := 0; i < 2; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				mu.Lock()
				defer mu.Unlock()
				if loop {
					for len(queue) == 0 {
						c.Wait()
					}
				} else if len(queue) == 0 {
					c.Wait()
				}
				if len(queue) == 0 {
					t.Errorf("woken with an empty queue")
					return
				}
				queue = queue[1:]
			}()
		}
		for i := 0; i < 2; i++ {
			mu.Lock()
			queue = append(queue, i)
			mu.Unlock()
			c.Signal()
		}
		wg.Wait()
	}
}

// publish: the body reads a value another goroutine stores, without
// waiting for it.
func publish(wait bool) func() {
	return func() {
		var m facade.Map
		var wg facade.WaitGroup
		wg.Add(1)
		go func() { defer wg.Done(); m.Store("config", 42) }()
		if wait {
			wg.Wait()
		}
		v, _ := m.Load("config")
		_ = v.(int) // panics on a nil interface when Load comes first
		wg.Wait()
	}
}

// emptied: a worker reads the first item of a slice the body may have
// emptied first; its panic ends the test binary, and the crash monitor
// names the schedule.
func emptied(checked bool) func() {
	return func() {
		var mu facade.Mutex
		items := []int{1}
		var wg facade.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			defer mu.Unlock()
			if checked && len(items) == 0 {
				return
			}
			_ = items[0]
		}()
		mu.Lock()
		items = items[:0]
		mu.Unlock()
		wg.Wait()
	}
}

// release: two goroutines release a lock that only one of them took.
func release(checked bool) func() {
	return func() {
		var mu facade.Mutex
		var wg facade.WaitGroup
		for i := 0; i < 2; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				took := mu.TryLock()
				if took || !checked {
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
	}
}

// spin: a goroutine spins on a flag that is set only after it finishes.
func spin(setFirst bool) func() {
	return func() {
		var flag atomic.Bool
		var wg facade.WaitGroup
		if setFirst {
			flag.Store(true)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !flag.Load() {
			}
		}()
		wg.Wait()
		flag.Store(true)
	}
}

// onceTwice: a Once's f calls Do on the same Once.
func onceTwice(nested bool) func() {
	return func() {
		var once facade.Once
		n := 0
		once.Do(func() {
			n++
			if nested {
				once.Do(func() { n++ })
			}
		})
	}
}

// sleeper: a goroutine sleeps, then waits for a WaitGroup the body never
// releases.
func sleeper(release bool) func() {
	return func() {
		var start facade.WaitGroup
		start.Add(1)
		go func() {
			sleepVirtual()
			start.Wait()
		}()
		if release {
			start.Done()
		}
	}
}
