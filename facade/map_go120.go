//go:build go1.20 && !explore

package facade

// Swap swaps the value for a key and returns the previous value if any; see
// [sync.Map.Swap].
func (m *Map) Swap(key, value any) (previous any, loaded bool) {
	previous, loaded = m.m.Swap(key, value)
	return
}

// CompareAndSwap swaps the old and new values for key if the value stored in
// the map is equal to old; see [sync.Map.CompareAndSwap].
func (m *Map) CompareAndSwap(key, old, new any) (swapped bool) {
	return m.m.CompareAndSwap(key, old, new)
}

// CompareAndDelete deletes the entry for key if its value is equal to old;
// see [sync.Map.CompareAndDelete].
func (m *Map) CompareAndDelete(key, old any) (deleted bool) { return m.m.CompareAndDelete(key, old) }
