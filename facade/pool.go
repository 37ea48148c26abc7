//go:build !explore

package facade

import "sync"

// A Pool is a set of temporary objects that may be individually saved and
// retrieved; see [sync.Pool]. A Pool must not be copied after first use.
type Pool struct {
	// p.New stays nil: Get calls the outer New itself, so that New is read
	// at each call exactly as sync.Pool reads it, and called at most once.
	p sync.Pool

	// New optionally specifies a function to generate a value when Get would
	// otherwise return nil. It may not be changed concurrently with calls to
	// Get.
	New func() any
}

// Put adds x to the pool; see [sync.Pool.Put].
func (p *Pool) Put(x any) { p.p.Put(x) }

// Get selects an arbitrary item from the Pool, removes it from the Pool, and
// returns it to the caller. If Get would otherwise return nil and p.New is
// non-nil, Get returns the result of calling p.New; see [sync.Pool.Get].
func (p *Pool) Get() any {
	x := p.p.Get()
	if x == nil && p.New != nil {
		x = p.New()
	}
	return x
}
