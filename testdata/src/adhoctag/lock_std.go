//go:build !deadlock

package adhoctag

import "sync"

// Mutex is sync's without the deadlock tag.
type Mutex = sync.Mutex // want `sync.Mutex bypasses the lock facade`
