//go:build deadlock

//lint:file-ignore SA2001 the benchmarks measure Lock+Unlock, so the critical sections are empty on purpose.

package facade_test

import (
	"testing"

	"github.com/sasha-s/go-deadlock"

	"github.com/syncsweep/syncsweep/facade"
)

// The deadlock backend against go-deadlock used directly: the facade must
// add nothing measurable (benchstat -col /impl; scripts/bench.sh).

func BenchmarkDeadlockMutex(b *testing.B) {
	b.Run("impl=deadlock", func(b *testing.B) {
		var mu deadlock.Mutex
		for i := 0; i < b.N; i++ {
			mu.Lock()
			mu.Unlock()
		}
	})
	b.Run("impl=facade", func(b *testing.B) {
		var mu facade.Mutex
		for i := 0; i < b.N; i++ {
			mu.Lock()
			mu.Unlock()
		}
	})
}

func BenchmarkDeadlockRWMutexRLock(b *testing.B) {
	b.Run("impl=deadlock", func(b *testing.B) {
		var rw deadlock.RWMutex
		for i := 0; i < b.N; i++ {
			rw.RLock()
			rw.RUnlock()
		}
	})
	b.Run("impl=facade", func(b *testing.B) {
		var rw facade.RWMutex
		for i := 0; i < b.N; i++ {
			rw.RLock()
			rw.RUnlock()
		}
	})
}

func BenchmarkDeadlockMutexParallel(b *testing.B) {
	b.Run("impl=deadlock", func(b *testing.B) {
		var mu deadlock.Mutex
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				mu.Lock()
				mu.Unlock()
			}
		})
	})
	b.Run("impl=facade", func(b *testing.B) {
		var mu facade.Mutex
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				mu.Lock()
				mu.Unlock()
			}
		})
	})
}
