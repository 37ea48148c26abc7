//lint:file-ignore SA2001 the benchmarks measure Lock+Unlock, so the critical sections are empty on purpose.

package facade_test

import (
	"sync"
	"testing"

	"github.com/syncsweep/syncsweep/facade"
)

// Each benchmark has the sub-benchmarks impl=sync and impl=facade with
// identical loops, so that benchstat -col /impl compares them pairwise.
// The loops are written out per type: a generic helper would call the
// methods through a dictionary and measure that instead.

func BenchmarkMutex(b *testing.B) {
	b.Run("impl=sync", func(b *testing.B) {
		var mu sync.Mutex
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

func BenchmarkMutexParallel(b *testing.B) {
	b.Run("impl=sync", func(b *testing.B) {
		mu := &new(padded[sync.Mutex]).v
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				mu.Lock()
				mu.Unlock()
			}
		})
	})
	b.Run("impl=facade", func(b *testing.B) {
		mu := &new(padded[facade.Mutex]).v
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				mu.Lock()
				mu.Unlock()
			}
		})
	})
}

func BenchmarkRWMutexRLock(b *testing.B) {
	b.Run("impl=sync", func(b *testing.B) {
		var rw sync.RWMutex
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

func BenchmarkRWMutexRLockParallel(b *testing.B) {
	b.Run("impl=sync", func(b *testing.B) {
		rw := &new(padded[sync.RWMutex]).v
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				rw.RLock()
				rw.RUnlock()
			}
		})
	})
	b.Run("impl=facade", func(b *testing.B) {
		rw := &new(padded[facade.RWMutex]).v
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				rw.RLock()
				rw.RUnlock()
			}
		})
	})
}

func BenchmarkRWMutexLock(b *testing.B) {
	b.Run("impl=sync", func(b *testing.B) {
		var rw sync.RWMutex
		for i := 0; i < b.N; i++ {
			rw.Lock()
			rw.Unlock()
		}
	})
	b.Run("impl=facade", func(b *testing.B) {
		var rw facade.RWMutex
		for i := 0; i < b.N; i++ {
			rw.Lock()
			rw.Unlock()
		}
	})
}

func nop() {}

func BenchmarkOnce(b *testing.B) {
	b.Run("impl=sync", func(b *testing.B) {
		var once sync.Once
		for i := 0; i < b.N; i++ {
			once.Do(nop)
		}
	})
	b.Run("impl=facade", func(b *testing.B) {
		var once facade.Once
		for i := 0; i < b.N; i++ {
			once.Do(nop)
		}
	})
}

func BenchmarkOnceParallel(b *testing.B) {
	b.Run("impl=sync", func(b *testing.B) {
		once := &new(padded[sync.Once]).v
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				once.Do(nop)
			}
		})
	})
	b.Run("impl=facade", func(b *testing.B) {
		once := &new(padded[facade.Once]).v
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				once.Do(nop)
			}
		})
	})
}

func BenchmarkWaitGroup(b *testing.B) {
	b.Run("impl=sync", func(b *testing.B) {
		var wg sync.WaitGroup
		for i := 0; i < b.N; i++ {
			wg.Add(1)
			wg.Done()
		}
		wg.Wait()
	})
	b.Run("impl=facade", func(b *testing.B) {
		var wg facade.WaitGroup
		for i := 0; i < b.N; i++ {
			wg.Add(1)
			wg.Done()
		}
		wg.Wait()
	})
}

func BenchmarkWaitGroupParallel(b *testing.B) {
	b.Run("impl=sync", func(b *testing.B) {
		wg := &new(padded[sync.WaitGroup]).v
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				wg.Add(1)
				wg.Done()
			}
		})
		wg.Wait()
	})
	b.Run("impl=facade", func(b *testing.B) {
		wg := &new(padded[facade.WaitGroup]).v
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				wg.Add(1)
				wg.Done()
			}
		})
		wg.Wait()
	})
}

func BenchmarkMapLoad(b *testing.B) {
	b.Run("impl=sync", func(b *testing.B) {
		var m sync.Map
		m.Store(1, 1)
		for i := 0; i < b.N; i++ {
			m.Load(1)
		}
	})
	b.Run("impl=facade", func(b *testing.B) {
		var m facade.Map
		m.Store(1, 1)
		for i := 0; i < b.N; i++ {
			m.Load(1)
		}
	})
}

// BenchmarkMapLoadOrStore measures a wrapper that Go 1.26 does not inline
// (cost 81 > 80), on the hit path.
func BenchmarkMapLoadOrStore(b *testing.B) {
	b.Run("impl=sync", func(b *testing.B) {
		var m sync.Map
		m.Store(1, 1)
		for i := 0; i < b.N; i++ {
			m.LoadOrStore(1, 2)
		}
	})
	b.Run("impl=facade", func(b *testing.B) {
		var m facade.Map
		m.Store(1, 1)
		for i := 0; i < b.N; i++ {
			m.LoadOrStore(1, 2)
		}
	})
}

// BenchmarkPool measures Put+Get; Pool.Get does not inline (two calls).
func BenchmarkPool(b *testing.B) {
	b.Run("impl=sync", func(b *testing.B) {
		p := sync.Pool{New: func() any { return new(int) }}
		for i := 0; i < b.N; i++ {
			p.Put(p.Get())
		}
	})
	b.Run("impl=facade", func(b *testing.B) {
		p := facade.Pool{New: func() any { return new(int) }}
		for i := 0; i < b.N; i++ {
			p.Put(p.Get())
		}
	})
}

// padded gives a contended variable cache lines of its own, so that the
// sync and facade runs do not differ by what the allocator put next to it.
type padded[T any] struct {
	_ [128]byte
	v T
	_ [128]byte
}
