// Package aliasuse reaches sync.Mutex through an alias that an
// allow-listed package declares: a grep for "sync" never sees it.
package aliasuse

import (
	ll "allowlisted"
	"sync"
)

// T holds locks.
type T struct {
	mu ll.Mu          // want `ll.Mu is an alias of sync.Mutex, so it bypasses the lock facade \(github.com/syncsweep/syncsweep/facade\); use facade.Mutex`
	wg sync.WaitGroup // want `sync.WaitGroup bypasses the lock facade`
}

// Use locks the alias and the allow-listed package's own lock, which is
// that package's business.
func Use(t *T) {
	t.mu.Lock()
	ll.Raw.Lock()
	t.wg.Wait()
}
