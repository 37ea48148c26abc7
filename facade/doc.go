// Package facade is a drop-in replacement for the exported API of package
// sync. Backends, selected by build tag, offer the same API, so code that
// locks through the facade switches without a line changed:
//
//   - default (no tag): sync itself, at no cost (below);
//   - deadlock: Mutex and RWMutex are sync's, checked by the detector in
//     facade/internal/lockdep, which reports recursive locking, lock-order
//     inversions (between two locks, and between lock classes: a lock's
//     declaration, which syncsweep's tables name; see package lockclass)
//     and waits longer than a timeout. A report goes to one cold function
//     that writes it (to [DetectorOptions].Log) and panics; tests swap it
//     with [ReportDeadlocksTo], or use package stress. Options change at any
//     time: [SetDetectorOptions], [UpdateDetectorOptions], and the
//     environment, SYNCSWEEP_DEADLOCK_TIMEOUT (default 30s) and
//     SYNCSWEEP_DEADLOCK=off. [Mutex.LockNested] orders one acquisition as
//     a subclass. The quirks are listed in mutex_deadlock.go and asserted
//     by tests;
//   - explore (Go 1.25 or later): inside package stress's Run every facade
//     operation is a scheduling point of one scheduler that runs one
//     goroutine at a time and chooses who goes next (random, PCT, DFS with a
//     preemption bound); every failure prints a line that replays its
//     schedule. Outside Run the types behave as sync's. What is modelled and
//     what is not: see package stress. The runtime is
//     facade/internal/explore: one scheduler, one file per strategy.
//
// TestOneSurface compiles the package under every tag and fails if the
// exported API or a method set differs.
//
// The cost of the backends in an adopter's module, measured: go mod tidy
// considers every build tag, so it adds github.com/petermattis/goid
// (goroutine ids, for the deadlock and explore backends) as an indirect
// requirement, whether or not a tag is used; the go line does not move
// (goid has none above 1.17), and the default build compiles none of it.
// go-deadlock, which the deadlock backend used before its own detector, is
// only a test dependency now.
//
// The default backend forwards every call to sync and inlines to it, so it
// costs nothing; the exceptions, one extra call each on Go 1.26, are
// Pool.Get (two calls cannot fit the inlining budget) and Map.LoadOrStore
// and Map.Swap (one over budget).
//
// # The one alias: Locker
//
// [Locker] is an alias of [sync.Locker]: it is an interface, and the locks of
// every backend satisfy it.
//
// # Everything else is a defined wrapper type
//
// [Mutex], [RWMutex], [Cond], [Once], [WaitGroup], [Map] and [Pool] (and, in package
// facade/atomic, Value and the typed atomics) are defined struct types that
// wrap their sync counterpart, not aliases of it. Later backends must offer
// exactly the same surface; with wrappers the default build already gives
// these types an identity distinct from sync's, so code that compiles on the
// default backend compiles on every backend. (With an alias, a *facade.Mutex
// could be passed where a *sync.Mutex is wanted, and that would break only
// under another build tag.)
//
// Each wrapper contains its sync type, so go vet's copylocks check still
// reports a copied facade lock ("assignment copies lock value", "passes lock
// by value"); the module's tests assert this.
//
// # Go versions
//
// The module's go line is the lowest its API allows (1.18, for TryLock and
// generics), because requiring a module with a higher go line makes go mod
// tidy raise the requiring module's own. APIs added to sync after Go 1.18
// live in files with a //go:build go1.N constraint, which are compiled only
// by toolchains that have the API: Map.Swap, Map.CompareAndSwap and
// Map.CompareAndDelete (go1.20), OnceFunc, OnceValue and OnceValues (go1.21),
// Map.Clear (go1.23) and WaitGroup.Go (go1.25).
package facade
