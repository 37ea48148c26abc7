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
// its entries, and a Once that already ran stays done, as in sync. The
// goroutine that calls reads the real object (the scheduler must not: one
// made inside the body was written by that goroutine, and the race
// detector would call the scheduler's read a race): a Once's caller sends
// whether it is done with every call; a Map's first call in a schedule is
// answered "send your entries", and the caller sends a snapshot with the
// same call again.

// mapOf returns r's Map, or nil when the caller must send its entries
// first (resp.needSeed). The seeded entries come in the order of each
// key's printed form, so a replay sees the same; entries stored during the
// schedule follow in insertion order.
func (s *sched) mapOf(r *request) *mapState {
	if m, ok := s.m.maps[r.obj]; ok {
		return m
	}
	if r.seeded == nil {
		return nil
	}
	m := &mapState{m: map[any]any{}}
	s.m.maps[r.obj] = m
	m.keys = seedPairs(m.m, r.seeded)
	sort.SliceStable(m.keys, func(i, j int) bool {
		return fmt.Sprintf("%T %v", m.keys[i], m.keys[i]) < fmt.Sprintf("%T %v", m.keys[j], m.keys[j])
	})
	return m
}

// seedPairs copies the caller's snapshot (key, value, key, value...) into
// the model. It reads memory the caller wrote without ordering either
// goroutine after the other: the snapshot is the caller's to give, and an
// edge would tell the race detector that the caller's past happens before
// every goroutine the scheduler wakes later.
//
//go:norace
func seedPairs(into map[any]any, kvs []any) []any {
	keys := make([]any, 0, len(kvs)/2)
	for i := 0; i+1 < len(kvs); i += 2 {
		// Copied here first: the map's own code would read them where
		// the caller wrote them, and tell the race detector so.
		k, v := kvs[i], kvs[i+1]
		into[k] = v
		keys = append(keys, k)
	}
	return keys
}

// once returns r's Once, done if the caller found the real sync.Once done
// (Call.Done).
func (s *sched) once(r *request) *onceState {
	o, ok := s.m.onces[r.obj]
	if !ok {
		o = &onceState{done: r.n == 1}
		s.m.onces[r.obj] = o
	}
	return o
}

// OnceRan reads sync.Once's done flag, its first word since Go 1.22
// (struct{ _ noCopy; done atomic.Uint32; m Mutex }); TestOnceDone checks
// the layout on the toolchain that builds this.
func OnceRan(o *sync.Once) bool {
	return (*atomic.Uint32)(unsafe.Pointer(o)).Load() != 0
}
