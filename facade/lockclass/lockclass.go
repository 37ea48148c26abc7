// Package lockclass tells the facade's deadlock detector (build tag
// deadlock) the class of each lock: its declaration, such as the struct
// field Cache.mu, so that it orders locks by declaration as well as by
// object and finds a cache that locks itself then its store, and a store
// that locks itself then its cache, on different objects.
//
// syncsweep -fix writes, next to each swept package, a file
// syncsweep_lockclass.go (build tag deadlock: no other build compiles it)
// whose init function calls Declare with the package's table. The table
// names, per function, the receiver as written at each acquisition (c.mu,
// c.store.mu) and the declaration it locks. A lock's class is fixed at its
// first acquisition, from the receiver on the acquiring line of the source
// file (read once per file). Where that does not decide (no table entry,
// two locks of different classes on one line), the lock's class is its
// call site, which still orders the lock as go-deadlock orders it: a stale
// table costs reach, not a false report. Without the source (a binary run
// away from its tree) the function alone decides when all its acquisitions
// lock one declaration. Run syncsweep -fix again after adding locks to
// refresh the table (syncsweep -diff shows a stale one).
package lockclass

import "github.com/syncsweep/syncsweep/facade/internal/lockdep"

// A Site is one acquisition in a function: the receiver as written,
// without spaces, and the declaration it locks.
type Site struct {
	Receiver string
	Class    string
}

// Declare adds a package's table: for each function, named as the runtime
// names it without the suffixes of function literals, its acquisitions.
// Generated code calls it; so may a test.
func Declare(funcs map[string][]Site) {
	t := make(map[string][]lockdep.Site, len(funcs))
	for f, sites := range funcs {
		for _, s := range sites {
			t[f] = append(t[f], lockdep.Site{Receiver: s.Receiver, Class: s.Class})
		}
	}
	lockdep.Declare(t)
}
