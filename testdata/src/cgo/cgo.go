// Package cgo mixes a cgo file, which syncsweep refuses to rewrite (the
// type checker only sees cgo's generated version of it), with a plain one.
package cgo

// int twice(int x) { return 2 * x; }
import "C"

import "sync"

var cmu sync.Mutex

// Twice doubles x in C, under a lock.
func Twice(x int) int {
	cmu.Lock()
	defer cmu.Unlock()
	return int(C.twice(C.int(x)))
}
