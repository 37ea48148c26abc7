//go:build explore && go1.25 && !deadlock

package facade

import (
	"sync"
	"unsafe"

	"github.com/syncsweep/syncsweep/facade/internal/explore"
)

// Map is like a Go map[any]any but is safe for concurrent use by multiple
// goroutines; see [sync.Map]. Under an exploration each call is one
// scheduling point and one atomic step, and Range visits keys in the order
// they were first stored (a snapshot taken at the call), so that a
// schedule replays the same way.
type Map struct {
	m sync.Map
}

// do runs one Map operation under the scheduler. The race detector learns
// the edges sync.Map makes: a write happens before the reads that see it;
// two reads order nothing.
func (m *Map) do(s *explore.Sched, c explore.Call, write, read bool) explore.Result {
	p := unsafe.Pointer(m)
	c.Obj = p
	if write {
		explore.ReleaseMerge(p)
	}
	r := s.Do(c)
	if r.NeedSeed {
		// The Map's first operation in this schedule: it starts with
		// what was stored in it outside the exploration.
		c.Seed = []any{}
		m.m.Range(func(k, v any) bool {
			c.Seed = append(c.Seed, k, v)
			return true
		})
		r = s.Do(c)
	}
	if read {
		explore.Acquire(p)
	}
	return r
}

// Load returns the value stored in the map for a key; see [sync.Map.Load].
func (m *Map) Load(key any) (value any, ok bool) {
	if s := explore.Current(); s != nil {
		r := m.do(s, explore.Call{Op: explore.MapLoad, K: key}, false, true)
		return r.V, r.OK
	}
	return m.m.Load(key)
}

// Store sets the value for a key; see [sync.Map.Store].
func (m *Map) Store(key, value any) {
	if s := explore.Current(); s != nil {
		m.do(s, explore.Call{Op: explore.MapStore, K: key, V: value}, true, false)
		return
	}
	m.m.Store(key, value)
}

// LoadOrStore returns the existing value for the key if present, otherwise
// it stores and returns the given value; see [sync.Map.LoadOrStore].
func (m *Map) LoadOrStore(key, value any) (actual any, loaded bool) {
	if s := explore.Current(); s != nil {
		r := m.do(s, explore.Call{Op: explore.MapLoadOrStore, K: key, V: value}, true, true)
		return r.V, r.OK
	}
	return m.m.LoadOrStore(key, value)
}

// LoadAndDelete deletes the value for a key, returning the previous value if
// any; see [sync.Map.LoadAndDelete].
func (m *Map) LoadAndDelete(key any) (value any, loaded bool) {
	if s := explore.Current(); s != nil {
		r := m.do(s, explore.Call{Op: explore.MapLoadAndDelete, K: key}, true, true)
		return r.V, r.OK
	}
	return m.m.LoadAndDelete(key)
}

// Delete deletes the value for a key; see [sync.Map.Delete].
func (m *Map) Delete(key any) {
	if s := explore.Current(); s != nil {
		m.do(s, explore.Call{Op: explore.MapDelete, K: key}, true, false)
		return
	}
	m.m.Delete(key)
}

// Range calls f sequentially for each key and value present in the map; see
// [sync.Map.Range].
func (m *Map) Range(f func(key, value any) bool) {
	if s := explore.Current(); s != nil {
		kvs := m.do(s, explore.Call{Op: explore.MapRange}, false, true).KVs
		for i := 0; i+1 < len(kvs); i += 2 {
			if !f(kvs[i], kvs[i+1]) {
				break
			}
		}
		return
	}
	m.m.Range(f)
}

// Swap swaps the value for a key and returns the previous value if any; see
// [sync.Map.Swap].
func (m *Map) Swap(key, value any) (previous any, loaded bool) {
	if s := explore.Current(); s != nil {
		r := m.do(s, explore.Call{Op: explore.MapSwap, K: key, V: value}, true, true)
		return r.V, r.OK
	}
	return m.m.Swap(key, value)
}

// CompareAndSwap swaps the old and new values for key if the value stored in
// the map is equal to old; see [sync.Map.CompareAndSwap].
func (m *Map) CompareAndSwap(key, old, new any) (swapped bool) {
	if s := explore.Current(); s != nil {
		return m.do(s, explore.Call{Op: explore.MapCompareAndSwap, K: key, V: new, Old: old}, true, true).OK
	}
	return m.m.CompareAndSwap(key, old, new)
}

// CompareAndDelete deletes the entry for key if its value is equal to old;
// see [sync.Map.CompareAndDelete].
func (m *Map) CompareAndDelete(key, old any) (deleted bool) {
	if s := explore.Current(); s != nil {
		return m.do(s, explore.Call{Op: explore.MapCompareAndDelete, K: key, Old: old}, true, true).OK
	}
	return m.m.CompareAndDelete(key, old)
}

// Clear deletes all the entries; see [sync.Map.Clear].
func (m *Map) Clear() {
	if s := explore.Current(); s != nil {
		m.do(s, explore.Call{Op: explore.MapClear}, true, false)
		return
	}
	m.m.Clear()
}
