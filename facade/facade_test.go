package facade_test

import (
	"sort"
	"testing"

	"github.com/syncsweep/syncsweep/facade"
)

// tryLocker is what Mutex, RWMutex (both halves) and RLocker have in common
// for these tests.
type tryLocker interface {
	facade.Locker
	TryLock() bool
}

type rlockerOf struct{ rw *facade.RWMutex }

func (r rlockerOf) Lock()         { r.rw.RLocker().Lock() }
func (r rlockerOf) Unlock()       { r.rw.RLocker().Unlock() }
func (r rlockerOf) TryLock() bool { return r.rw.TryRLock() }

func TestLocks(t *testing.T) {
	rw := new(facade.RWMutex)
	tests := []struct {
		name string
		l    tryLocker
		// writer is the lock that l, held, must exclude (nil: l itself).
		writer tryLocker
	}{
		{name: "Mutex", l: new(facade.Mutex)},
		{name: "RWMutex", l: new(facade.RWMutex)},
		{name: "RWMutex.RLocker", l: rlockerOf{rw}, writer: rw},
	}
	for _, tc := range tests {
		tc := tc
		t.Run(tc.name, func(t *testing.T) {
			writer := tc.writer
			if writer == nil {
				writer = tc.l
			}
			if !tc.l.TryLock() {
				t.Fatal("TryLock on an unlocked lock failed")
			}
			tc.l.Unlock()
			tc.l.Lock()
			// From another goroutine: the holder's own TryLock is a
			// quirk of the deadlock backend (see quirks_deadlock_test.go).
			held := make(chan bool)
			go func() { held <- writer.TryLock() }()
			if <-held {
				t.Fatal("TryLock of the writer succeeded while the lock is held")
			}
			tc.l.Unlock()
			if !writer.TryLock() {
				t.Fatal("TryLock of the writer failed after Unlock")
			}
			writer.Unlock()

			// Mutual exclusion (shared for readers, so only counted for writers).
			if tc.writer != nil {
				return
			}
			var wg facade.WaitGroup
			n := 0
			for i := 0; i < 8; i++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for j := 0; j < 1000; j++ {
						tc.l.Lock()
						n++
						tc.l.Unlock()
					}
				}()
			}
			wg.Wait()
			if n != 8000 {
				t.Fatalf("n = %d, want 8000", n)
			}
		})
	}
}

// elsewhere runs try in another goroutine, as a second reader or writer
// would: the holder's own Try calls are a quirk of the deadlock backend.
func elsewhere(try func() bool) bool {
	ok := make(chan bool)
	go func() { ok <- try() }()
	return <-ok
}

func TestRWMutexReaders(t *testing.T) {
	var rw facade.RWMutex
	rw.RLock()
	if !elsewhere(func() bool {
		if !rw.TryRLock() {
			return false
		}
		rw.RUnlock()
		return true
	}) {
		t.Fatal("second reader blocked")
	}
	if elsewhere(rw.TryLock) {
		t.Fatal("writer got in with readers holding the lock")
	}
	rw.RUnlock()
	rw.Lock()
	if elsewhere(rw.TryRLock) {
		t.Fatal("reader got in with a writer holding the lock")
	}
	rw.Unlock()
}

func TestOnce(t *testing.T) {
	var once facade.Once
	var wg facade.WaitGroup
	var calls facade.Mutex
	n := 0
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(func() { calls.Lock(); n++; calls.Unlock() })
		}()
	}
	wg.Wait()
	once.Do(func() { n++ })
	if n != 1 {
		t.Fatalf("f ran %d times, want 1", n)
	}
}

// TestCondLiteral: a Cond built as a composite literal (&facade.Cond{L:
// &mu}, what the sweep makes of &sync.Cond{L: &mu}) works without NewCond,
// and Wait locks the L it finds at each call, as sync.Cond does.
func TestCondLiteral(t *testing.T) {
	var first, second facade.Mutex
	c := &facade.Cond{L: &first}
	ready := false
	done := make(chan bool)
	go func() {
		c.L.Lock()
		for !ready {
			c.Wait()
		}
		c.L.Unlock()
		done <- true
	}()
	c.L.Lock()
	ready = true
	c.L.Unlock()
	c.Broadcast()
	<-done
	c.L = &second
	c.L.Lock()
	ready = false
	go func() {
		second.Lock()
		ready = true
		second.Unlock()
		c.Signal()
	}()
	for !ready {
		c.Wait() // unlocks second, and locks it again
	}
	c.L.Unlock()
	if !second.TryLock() {
		t.Fatal("Wait left c.L locked")
	}
}

func TestCondWithFacadeLocks(t *testing.T) {
	rw := new(facade.RWMutex)
	lockers := []struct {
		name string
		l    facade.Locker // the Cond's L
		w    facade.Locker // guards writes to the condition
	}{
		{"Mutex", new(facade.Mutex), nil},
		{"RWMutex", new(facade.RWMutex), nil},
		{"RWMutex.RLocker", rw.RLocker(), rw},
	}
	for _, tc := range lockers {
		tc := tc
		t.Run(tc.name, func(t *testing.T) {
			c := facade.NewCond(tc.l)
			w := tc.w
			if w == nil {
				w = c.L
			}
			ready, done := false, make(chan bool)
			for i := 0; i < 3; i++ {
				go func() {
					c.L.Lock()
					for !ready {
						c.Wait()
					}
					c.L.Unlock()
					done <- true
				}()
			}
			w.Lock()
			ready = true
			w.Unlock()
			c.Signal()
			c.Broadcast()
			for i := 0; i < 3; i++ {
				<-done
			}
		})
	}
}

func TestMap(t *testing.T) {
	var m facade.Map
	steps := []struct {
		name string
		do   func() (any, bool)
		want any
		ok   bool
	}{
		{"Load missing", func() (any, bool) { return m.Load("a") }, nil, false},
		{"Store+Load", func() (any, bool) { m.Store("a", 1); return m.Load("a") }, 1, true},
		{"LoadOrStore existing", func() (any, bool) { return m.LoadOrStore("a", 2) }, 1, true},
		{"LoadOrStore new", func() (any, bool) { return m.LoadOrStore("b", 2) }, 2, false},
		{"LoadAndDelete", func() (any, bool) { return m.LoadAndDelete("b") }, 2, true},
		{"LoadAndDelete missing", func() (any, bool) { return m.LoadAndDelete("b") }, nil, false},
		{"Delete", func() (any, bool) { m.Delete("a"); return m.Load("a") }, nil, false},
	}
	for _, s := range steps {
		got, ok := s.do()
		if got != s.want || ok != s.ok {
			t.Errorf("%s = %v, %v; want %v, %v", s.name, got, ok, s.want, s.ok)
		}
	}
	for _, k := range []string{"x", "y", "z"} {
		m.Store(k, k+k)
	}
	var keys []string
	m.Range(func(k, v any) bool {
		if v != k.(string)+k.(string) {
			t.Errorf("Range: %v -> %v", k, v)
		}
		keys = append(keys, k.(string))
		return true
	})
	sort.Strings(keys)
	if len(keys) != 3 || keys[0] != "x" || keys[2] != "z" {
		t.Errorf("Range saw %v", keys)
	}
	n := 0
	m.Range(func(k, v any) bool { n++; return false })
	if n != 1 {
		t.Errorf("Range did not stop when f returned false: %d calls", n)
	}
}

func TestPool(t *testing.T) {
	t.Run("without New", func(t *testing.T) {
		var p facade.Pool
		if x := p.Get(); x != nil {
			t.Fatalf("Get on an empty pool without New = %v, want nil", x)
		}
	})
	t.Run("with New", func(t *testing.T) {
		calls := 0
		p := facade.Pool{New: func() any { calls++; return new(int) }}
		x := p.Get().(*int)
		if calls != 1 {
			t.Fatalf("New called %d times on a miss, want 1", calls)
		}
		*x = 42
		p.Put(x)
		// A Pool may drop items at any time; if x comes back, New must not
		// have been called.
		if y := p.Get().(*int); y == x {
			if calls != 1 {
				t.Fatalf("New called on a hit")
			}
		} else if calls != 2 {
			t.Fatalf("New called %d times after two Gets, want 2", calls)
		}
		// New is read at each Get, like sync.Pool's.
		p.New = func() any { return "changed" }
		if s, ok := p.Get().(string); !ok || s != "changed" {
			t.Fatalf("Get did not use the current New")
		}
	})
}

func TestWaitGroup(t *testing.T) {
	var wg facade.WaitGroup
	var mu facade.Mutex
	n := 0
	wg.Add(4)
	for i := 0; i < 4; i++ {
		go func() { mu.Lock(); n++; mu.Unlock(); wg.Done() }()
	}
	wg.Wait()
	if n != 4 {
		t.Fatalf("n = %d after Wait, want 4", n)
	}
}
