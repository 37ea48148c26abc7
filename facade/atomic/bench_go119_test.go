//go:build go1.19

package atomic_test

import (
	stdatomic "sync/atomic"
	"testing"

	"github.com/syncsweep/syncsweep/facade/atomic"
)

func BenchmarkInt64Add(b *testing.B) {
	b.Run("impl=sync", func(b *testing.B) {
		var n stdatomic.Int64
		for i := 0; i < b.N; i++ {
			n.Add(1)
		}
	})
	b.Run("impl=facade", func(b *testing.B) {
		var n atomic.Int64
		for i := 0; i < b.N; i++ {
			n.Add(1)
		}
	})
}

func BenchmarkInt64AddParallel(b *testing.B) {
	b.Run("impl=sync", func(b *testing.B) {
		n := &new(padded[stdatomic.Int64]).v
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				n.Add(1)
			}
		})
	})
	b.Run("impl=facade", func(b *testing.B) {
		n := &new(padded[atomic.Int64]).v
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				n.Add(1)
			}
		})
	})
}

func BenchmarkPointerLoad(b *testing.B) {
	var sink *int
	b.Run("impl=sync", func(b *testing.B) {
		var p stdatomic.Pointer[int]
		p.Store(new(int))
		for i := 0; i < b.N; i++ {
			sink = p.Load()
		}
	})
	b.Run("impl=facade", func(b *testing.B) {
		var p atomic.Pointer[int]
		p.Store(new(int))
		for i := 0; i < b.N; i++ {
			sink = p.Load()
		}
	})
	_ = sink
}
