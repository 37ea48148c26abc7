// Package vetsa6002 stores values in a Pool.
package vetsa6002

import (
	"sync"

	"github.com/syncsweep/syncsweep/facade"
)

var pool facade.Pool

type buffer struct{ b []byte }

// Slice stores a slice: allocates.
func Slice(b []byte) {
	pool.Put(b) // want `argument should be pointer-like to avoid allocations`
}

// Struct stores a struct: allocates.
func Struct(b buffer) {
	pool.Put(b) // want `argument should be pointer-like to avoid allocations`
}

// Silenced keeps staticcheck's directive, with a wildcard.
func Silenced(b []byte) {
	//lint:ignore SA6* a test of the directive
	pool.Put(b)
}

// Pointer stores a pointer: fine.
func Pointer(b *buffer) {
	pool.Put(b)
}

// Std is staticcheck's own business.
func Std(p *sync.Pool, b []byte) {
	p.Put(b)
}
