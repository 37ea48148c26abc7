//go:build !explore

package facade

import "sync"

// Once is an object that performs exactly one action; see [sync.Once].
// A Once must not be copied after first use.
type Once struct {
	o sync.Once
}

// Do calls f if and only if Do is being called for the first time for this
// instance of Once; see [sync.Once.Do].
func (o *Once) Do(f func()) { o.o.Do(f) }
