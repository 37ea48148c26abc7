//go:build go1.25

package explore

import (
	"fmt"
	"sort"
	"sync"
	"sync/atomic"
	"unsafe"
)

// Seeding the model from the real object, at its first operation in a
// schedule: a Map filled before the exploration (a registry in init) keeps
// its entries, and a Once that already ran stays done, as they would in
// sync. The scheduler reads the real object only before the schedule's
// goroutines could have touched it under this backend.

// mapOf returns r's Map, seeded with the real sync.Map's entries. Their
// order (Range's) is by each key's printed form, so a replay sees the same
// one; entries stored during the schedule follow in insertion order.
func (s *sched) mapOf(r *request) *mapState {
	m, ok := s.m.maps[r.obj]
	if ok {
		return m
	}
	m = &mapState{m: map[any]any{}}
	s.m.maps[r.obj] = m
	real, _ := r.real.(*sync.Map)
	if real == nil {
		return m
	}
	real.Range(func(k, v any) bool {
		m.m[k] = v
		m.keys = append(m.keys, k)
		return true
	})
	sort.SliceStable(m.keys, func(i, j int) bool {
		return fmt.Sprintf("%T %v", m.keys[i], m.keys[i]) < fmt.Sprintf("%T %v", m.keys[j], m.keys[j])
	})
	return m
}

// once returns r's Once, done if the real sync.Once already ran.
func (s *sched) once(r *request) *onceState {
	o, ok := s.m.onces[r.obj]
	if !ok {
		o = &onceState{}
		if real, _ := r.real.(*sync.Once); real != nil {
			o.done = onceDone(real)
		}
		s.m.onces[r.obj] = o
	}
	return o
}

// onceDone reads sync.Once's done flag, its first word since Go 1.22
// (struct{ _ noCopy; done atomic.Uint32; m Mutex }); TestOnceDone checks
// the layout on the toolchain that builds this.
func onceDone(o *sync.Once) bool {
	return (*atomic.Uint32)(unsafe.Pointer(o)).Load() != 0
}
