//go:build deadlock

//lint:file-ignore SA2001 the benchmarks measure Lock+Unlock, so the critical sections are empty on purpose.

package facade_test

import (
	"sync"
	"testing"

	"github.com/sasha-s/go-deadlock"

	"github.com/syncsweep/syncsweep/facade"
)

// The deadlock backend against go-deadlock used directly and against sync,
// in one run (benchstat -col /impl; scripts/bench.sh). The target: at most
// a quarter of go-deadlock's cost, ideally at most 200 ns per Lock+Unlock.

type locker interface {
	Lock()
	Unlock()
}

type rlocker interface {
	RLock()
	RUnlock()
}

var impls = []struct {
	name  string
	mutex func() locker
	rw    func() rlocker
}{
	{"sync", func() locker { return new(sync.Mutex) }, func() rlocker { return new(sync.RWMutex) }},
	{"godeadlock", func() locker { return new(deadlock.Mutex) }, func() rlocker { return new(deadlock.RWMutex) }},
	{"facade", func() locker { return new(facade.Mutex) }, func() rlocker { return new(facade.RWMutex) }},
}

func BenchmarkDeadlockMutex(b *testing.B) {
	for _, impl := range impls {
		b.Run("impl="+impl.name, func(b *testing.B) {
			mu := impl.mutex()
			for i := 0; i < b.N; i++ {
				mu.Lock()
				mu.Unlock()
			}
		})
	}
}

// Two nested locks: the order check of a held lock against a new one.
func BenchmarkDeadlockNested(b *testing.B) {
	for _, impl := range impls {
		b.Run("impl="+impl.name, func(b *testing.B) {
			outer, inner := impl.mutex(), impl.mutex()
			for i := 0; i < b.N; i++ {
				outer.Lock()
				inner.Lock()
				inner.Unlock()
				outer.Unlock()
			}
		})
	}
}

func BenchmarkDeadlockRWMutexRLock(b *testing.B) {
	for _, impl := range impls {
		b.Run("impl="+impl.name, func(b *testing.B) {
			rw := impl.rw()
			for i := 0; i < b.N; i++ {
				rw.RLock()
				rw.RUnlock()
			}
		})
	}
}

// One lock, every goroutine: contended.
func BenchmarkDeadlockMutexParallel(b *testing.B) {
	for _, impl := range impls {
		b.Run("impl="+impl.name, func(b *testing.B) {
			mu := impl.mutex()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					mu.Lock()
					mu.Unlock()
				}
			})
		})
	}
}

// A lock per goroutine: uncontended, but every goroutine locks at once.
func BenchmarkDeadlockMutexPerGoroutine(b *testing.B) {
	for _, impl := range impls {
		b.Run("impl="+impl.name, func(b *testing.B) {
			b.RunParallel(func(pb *testing.PB) {
				mu := impl.mutex()
				for pb.Next() {
					mu.Lock()
					mu.Unlock()
				}
			})
		})
	}
}

// The first Lock of a new mutex, which fixes its class.
func BenchmarkDeadlockFirstLock(b *testing.B) {
	for _, impl := range impls {
		b.Run("impl="+impl.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				mu := impl.mutex()
				mu.Lock()
				mu.Unlock()
			}
		})
	}
}
