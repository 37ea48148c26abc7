// Package dotimport dot-imports sync: each use is reported, none rewritten.
package dotimport

import . "sync"

// Mu is a lock reached through the dot import.
var Mu Mutex // want `sync.Mutex bypasses the lock facade .*dot-imported`

// Use waits for nothing.
func Use() {
	var wg WaitGroup // want `sync.WaitGroup bypasses the lock facade .*dot-imported`
	wg.Wait()
	var o Once //syncsweep:allow shows that a directive keeps a dot-imported use too
	o.Do(func() {})
}
