// Package vetsa2003inhouse defers Lock right after locking, on an in-house
// facade's Mutex: the twin follows the policy's facade.
package vetsa2003inhouse

import "inhouse/syncutil"

var mu syncutil.Mutex

// Typo defers Lock where Unlock was meant.
func Typo() {
	mu.Lock()
	defer mu.Lock() // want `deferring Lock right after having locked already; did you mean to defer Unlock\?`
}
