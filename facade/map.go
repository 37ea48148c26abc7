//go:build !explore

package facade

import "sync"

// Map is like a Go map[any]any but is safe for concurrent use by multiple
// goroutines; see [sync.Map]. A Map must not be copied after first use.
type Map struct {
	m sync.Map
}

// Load returns the value stored in the map for a key; see [sync.Map.Load].
//
// Like every multi-result method of Map, it assigns its named results and
// returns bare: `return m.m.Load(key)` costs the inliner 6 more and would
// push the wrapper over its budget.
func (m *Map) Load(key any) (value any, ok bool) {
	value, ok = m.m.Load(key)
	return
}

// Store sets the value for a key; see [sync.Map.Store].
func (m *Map) Store(key, value any) { m.m.Store(key, value) }

// LoadOrStore returns the existing value for the key if present, otherwise
// it stores and returns the given value; see [sync.Map.LoadOrStore].
func (m *Map) LoadOrStore(key, value any) (actual any, loaded bool) {
	actual, loaded = m.m.LoadOrStore(key, value)
	return
}

// LoadAndDelete deletes the value for a key, returning the previous value if
// any; see [sync.Map.LoadAndDelete].
func (m *Map) LoadAndDelete(key any) (value any, loaded bool) {
	value, loaded = m.m.LoadAndDelete(key)
	return
}

// Delete deletes the value for a key; see [sync.Map.Delete].
func (m *Map) Delete(key any) { m.m.Delete(key) }

// Range calls f sequentially for each key and value present in the map; see
// [sync.Map.Range].
func (m *Map) Range(f func(key, value any) bool) { m.m.Range(f) }
