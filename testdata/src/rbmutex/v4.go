package rbmutex

import "github.com/puzpuzpuz/xsync/v4"

// sum reads under a local reader-biased lock.
func sum(xs []int) int {
	mu := xsync.NewRBMutex() // want `github.com/puzpuzpuz/xsync/v4.NewRBMutex bypasses the lock facade`
	t := mu.RLock()          // want `RLock bypasses the lock facade`
	defer mu.RUnlock(t)      // want `RUnlock bypasses the lock facade`
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}
