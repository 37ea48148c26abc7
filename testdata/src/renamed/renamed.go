// Package renamed imports sync and sync/atomic under other names.
package renamed

import (
	gosync "sync"
	satomic "sync/atomic"
)

var (
	mu gosync.Mutex  // want `sync.Mutex bypasses`
	n  satomic.Int32 // want `sync/atomic.Int32 bypasses`
)

// sync is a package-level name of the user's own, which is why the
// import above is renamed.
type sync struct{ Mutex gosync.Mutex } // want `sync.Mutex bypasses`

// Lock locks.
func Lock() {
	var s sync
	s.Mutex.Lock()
	satomic.AddInt32(new(int32), 1) // want `sync/atomic.AddInt32 bypasses`
}
