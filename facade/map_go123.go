//go:build go1.23 && !explore

package facade

// Clear deletes all the entries; see [sync.Map.Clear].
func (m *Map) Clear() { m.m.Clear() }
