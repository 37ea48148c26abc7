// Package atomic is the lock facade's drop-in replacement for the exported
// API of package sync/atomic: every function, [Value], and the typed atomics
// [Bool], [Int32], [Int64], [Uint32], [Uint64], [Uintptr] and [Pointer]. The
// default backend forwards every call to sync/atomic; each wrapper inlines,
// and the atomic operations stay compiler intrinsics.
//
// Value and the typed atomics are defined wrapper types, not aliases, for the
// same reason as the types of package facade: later backends (deadlock
// detection, interleaving exploration) must offer exactly the same surface,
// and wrappers give the types an identity distinct from sync/atomic's already
// in the default build, so code that compiles here compiles on every backend.
// Each wrapper holds its sync/atomic type, so 64-bit alignment of [Int64] and
// [Uint64] is kept on 32-bit platforms and go vet's copylocks check still
// reports a copied value.
//
// The module's go line is 1.18. APIs added to sync/atomic later live in files
// with a //go:build go1.N constraint: the typed atomics (go1.19) and the
// And/Or functions and methods (go1.23).
package atomic
