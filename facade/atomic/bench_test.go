package atomic_test

import (
	stdatomic "sync/atomic"
	"testing"

	"github.com/syncsweep/syncsweep/facade/atomic"
)

// Each benchmark has the sub-benchmarks impl=sync and impl=facade with
// identical loops, so that benchstat -col /impl compares them pairwise.

func BenchmarkAddInt64(b *testing.B) {
	b.Run("impl=sync", func(b *testing.B) {
		var n int64
		for i := 0; i < b.N; i++ {
			stdatomic.AddInt64(&n, 1)
		}
	})
	b.Run("impl=facade", func(b *testing.B) {
		var n int64
		for i := 0; i < b.N; i++ {
			atomic.AddInt64(&n, 1)
		}
	})
}

func BenchmarkAddInt64Parallel(b *testing.B) {
	b.Run("impl=sync", func(b *testing.B) {
		n := &new(padded[int64]).v
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				stdatomic.AddInt64(n, 1)
			}
		})
	})
	b.Run("impl=facade", func(b *testing.B) {
		n := &new(padded[int64]).v
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				atomic.AddInt64(n, 1)
			}
		})
	})
}

func BenchmarkLoadInt64(b *testing.B) {
	var sink int64
	b.Run("impl=sync", func(b *testing.B) {
		var n int64
		for i := 0; i < b.N; i++ {
			sink += stdatomic.LoadInt64(&n)
		}
	})
	b.Run("impl=facade", func(b *testing.B) {
		var n int64
		for i := 0; i < b.N; i++ {
			sink += atomic.LoadInt64(&n)
		}
	})
	_ = sink
}

func BenchmarkValueLoad(b *testing.B) {
	var sink interface{}
	b.Run("impl=sync", func(b *testing.B) {
		var v stdatomic.Value
		v.Store(1)
		for i := 0; i < b.N; i++ {
			sink = v.Load()
		}
	})
	b.Run("impl=facade", func(b *testing.B) {
		var v atomic.Value
		v.Store(1)
		for i := 0; i < b.N; i++ {
			sink = v.Load()
		}
	})
	_ = sink
}

// padded gives a contended variable cache lines of its own, so that the
// sync and facade runs do not differ by what the allocator put next to it.
type padded[T any] struct {
	_ [128]byte
	v T
	_ [128]byte
}
