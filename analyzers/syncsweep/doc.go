// Package syncsweep defines an Analyzer that keeps a swept workspace
// swept: it forbids direct use of the lock APIs the facade covers.
//
// # Analyzer syncsweep
//
// syncsweep: forbid direct use of sync, sync/atomic and catalogued lock APIs outside the facade
//
// Every reference to a banned API (by default every name of sync and
// sync/atomic, the catalog's third-party lock APIs such as go-deadlock,
// x/sync/semaphore used as a mutex and xsync's RBMutex, plus the policy's
// extra rows) is reported, found by type
// identity: renamed imports, dot imports (each use, without a fix), type
// aliases of sync types (the declaration, and the uses of an alias that a
// package the sweep does not rewrite declares), embedded fields, type
// arguments and constraints, method expressions. A promoted method
// (e.Lock() where E embeds sync.Mutex) is a use of the embedded field,
// which is where it is reported. Each report carries the sweep's fix (the
// rewrite logic lives once, in package rewrite), so go fix, gopls and
// golangci-lint --fix apply it. A third-party lock whose calls change
// shape (a semaphore's Acquire(ctx, 1) becomes Lock(), and its dead error
// handling goes) is fixed only where every use is proven; elsewhere the
// report says why it cannot move.
//
// Not reported: the facade's own packages, generated files, vendor/, and
// packages the policy allow-lists.
//
// # Escape hatch
//
// A direct use that must stay is kept with a directive and a reason:
//
//	mu sync.Mutex //syncsweep:allow handed to cgo, which needs the sync type
//
// At the end of a line the directive covers that line; on a line of its
// own (or in a doc comment) it covers the declaration, field or statement
// that starts on the next line. A directive without a reason, and one that
// keeps nothing, is itself reported. syncsweep -stats lists every
// directive with its reason.
//
// # Policy
//
// Flags (or a JSON file given by -config): -facade, -atomic, -allow,
// -ban; see package policy.
package syncsweep
