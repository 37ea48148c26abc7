//go:build explore && go1.25 && !deadlock

package facade

import (
	"sync"
	"unsafe"

	"github.com/syncsweep/syncsweep/facade/internal/explore"
)

// A Pool is a set of temporary objects that may be individually saved and
// retrieved; see [sync.Pool]. Under an exploration it is a stack that
// never drops an item (sync.Pool may drop any at any time), so that a
// schedule replays the same way.
type Pool struct {
	p sync.Pool // used outside an exploration; its New stays nil

	// New optionally specifies a function to generate a value when Get would
	// otherwise return nil. It may not be changed concurrently with calls to
	// Get.
	New func() any
}

// Put adds x to the pool; see [sync.Pool.Put].
func (p *Pool) Put(x any) {
	if x == nil {
		return
	}
	if s := explore.Current(); s != nil {
		explore.ReleaseMerge(item(x))
		s.Do(explore.Call{Op: explore.PoolPut, Obj: unsafe.Pointer(p), V: x})
		return
	}
	p.p.Put(x)
}

// Get selects an arbitrary item from the Pool, removes it from the Pool, and
// returns it to the caller. If Get would otherwise return nil and p.New is
// non-nil, Get returns the result of calling p.New; see [sync.Pool.Get].
func (p *Pool) Get() any {
	var x any
	if s := explore.Current(); s != nil {
		r := s.Do(explore.Call{Op: explore.PoolGet, Obj: unsafe.Pointer(p)})
		x = r.V
		if x != nil {
			explore.Acquire(item(x))
		}
	} else {
		x = p.p.Get()
	}
	if x == nil && p.New != nil {
		x = p.New()
	}
	return x
}

// item is the race detector's address for a pooled value, as sync.Pool
// keys its edges: a Get is ordered after the Put of the item it returns,
// and after nothing else.
func item(x any) unsafe.Pointer { return (*[2]unsafe.Pointer)(unsafe.Pointer(&x))[1] }
