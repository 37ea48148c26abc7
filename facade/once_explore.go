//go:build explore && go1.25 && !deadlock

package facade

import (
	"sync"
	"unsafe"

	"github.com/syncsweep/syncsweep/facade/internal/explore"
)

// Once is an object that performs exactly one action; see [sync.Once].
// Under an exploration a goroutine that calls Do while another runs f
// waits for it, and a Do inside its own f is the deadlock it is in sync.
type Once struct {
	o sync.Once
}

// Do calls f if and only if Do is being called for the first time for this
// instance of Once; see [sync.Once.Do].
func (o *Once) Do(f func()) {
	s := explore.Current()
	if s == nil {
		o.o.Do(f)
		return
	}
	p := unsafe.Pointer(o)
	var done int64 // a Once that ran before the exploration stays done
	if explore.OnceRan(&o.o) {
		done = 1
	}
	if !s.Do(explore.Call{Op: explore.OnceDo, Obj: p, N: done}).OK {
		explore.Acquire(p)
		return
	}
	defer func() {
		explore.Release(p)
		s.Do(explore.Call{Op: explore.OnceDone, Obj: p})
	}()
	f()
}

// OnceFunc returns a function that invokes f only once; see [sync.OnceFunc].
// A panic in f panics every call, with the same value.
func OnceFunc(f func()) func() {
	var (
		once  Once
		valid bool
		p     any
	)
	g := func() {
		defer func() {
			p = recover()
			if !valid {
				panic(p)
			}
		}()
		f()
		f = nil
		valid = true
	}
	return func() {
		once.Do(g)
		if !valid {
			panic(p)
		}
	}
}

// OnceValue returns a function that invokes f only once and returns the
// value returned by f; see [sync.OnceValue].
func OnceValue[T any](f func() T) func() T {
	var result T
	g := OnceFunc(func() { result = f() })
	return func() T {
		g()
		return result
	}
}

// OnceValues returns a function that invokes f only once and returns the
// values returned by f; see [sync.OnceValues].
func OnceValues[T1, T2 any](f func() (T1, T2)) func() (T1, T2) {
	var (
		r1 T1
		r2 T2
	)
	g := OnceFunc(func() { r1, r2 = f() })
	return func() (T1, T2) {
		g()
		return r1, r2
	}
}
