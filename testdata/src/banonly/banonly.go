// Package banonly is swept under a policy that bans only Mutex and RWMutex.
package banonly

import (
	"sync"
	"sync/atomic"
)

// S mixes banned and allowed APIs.
type S struct {
	mu   sync.Mutex    // want `sync.Mutex bypasses the lock facade`
	rw   *sync.RWMutex // want `sync.RWMutex bypasses the lock facade`
	wg   sync.WaitGroup
	once sync.Once
	n    int64
}

// Add counts with sync/atomic, which the policy allows.
func (s *S) Add() { atomic.AddInt64(&s.n, 1) }

// wg needs no directive under this policy, so this one keeps nothing.
// want +1 `//syncsweep:allow keeps nothing`
var wg sync.WaitGroup //syncsweep:allow waits on legacy workers
