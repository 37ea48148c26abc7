// Package lockdep is the deadlock detector of the facade's deadlock backend
// (build tag deadlock). It finds what github.com/sasha-s/go-deadlock finds
// (recursive locking, two locks taken in both orders, a wait for a lock
// longer than a timeout) at a fraction of its cost, and what go-deadlock
// cannot: an inversion between lock classes, such as a cache that locks
// itself then its store and a store that locks itself then its cache, on
// different objects.
//
// # Classes
//
// A class is a lock's declaration (the struct field Cache.mu, a package or
// local variable). The runtime cannot see declarations; syncsweep can, and
// each swept package carries a table (a generated file, built only under
// the tag) that says, for each function, which declaration each of its lock
// calls locks, by the receiver as written (c.mu). A lock's class is fixed
// at its first acquisition: the detector reads the acquiring line from the
// source file (once per call site) and looks its receiver up in the
// function's entries. A lock no entry names (code the sweep never saw, a
// table older than the code, a line with two locks of different classes)
// gets the class of that call site: it still orders like the object, as
// go-deadlock orders it, just not with its siblings. Without the source (a
// binary run away from its tree), a function whose acquisitions all lock
// one declaration still names it.
//
// # Orders
//
// Taking a lock of class B while holding one of class A records the edge
// A→B, the first time with the stack that took it: a Lock never captures a
// stack otherwise. An edge that closes a cycle is reported, with the stack
// of every edge on it. Two locks of one class (a parent and a child node)
// are ordered per object instead, as go-deadlock orders every pair: a fixed
// order never alarms, two objects taken in both orders do. LockNested(i)
// puts one acquisition in subclass i of its class, so that a level of a
// hierarchy orders against other classes as a class of its own.
//
// # Costs
//
// A Lock reads the goroutine's id, finds its record (a lock-free table of
// per-goroutine records, reused once empty), checks each held lock's edge
// in a lock-free set, and tries the lock: only a failed try (contention)
// reads the clock and registers the wait, which one watchdog goroutine,
// running while anyone waits, compares with the timeout.
//
// # Under -race
//
// The bookkeeping's own synchronization must not order the program's
// goroutines, or the race detector would miss their races: a mutex shared
// by every Lock would order every two goroutines that lock anything. Each
// goroutine keeps its own record, taken again
// after it held nothing, and takes another's only when its chain of the
// table is long; what the goroutines share (the class tables, the order
// sets) is written once per new class, lock or order, so it orders only
// what ran before those first times. TestRaceStillReported asserts a race
// between two goroutines that lock different mutexes is reported.
package lockdep
