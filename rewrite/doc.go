// Package rewrite defines the syncsweep Analyzer, which moves direct uses of
// sync and sync/atomic onto the lock facade.
//
// # Analyzer syncsweep
//
// syncsweep: report direct uses of sync and sync/atomic and rewrite them to the lock facade
//
// Every reference to an exported name of sync or sync/atomic (found by type
// identity, whatever the import is called) is reported, with a suggested
// fix that requalifies it with the facade package:
//
//	var mu sync.Mutex          =>  var mu facade.Mutex
//	n := atomic.AddInt64(&x, 1) =>  n := atomic.AddInt64(&x, 1) // import path now .../facade/atomic
//
// This covers every syntactic form, since any reference to a package-level
// name of another package is a qualified identifier: field types, embedded
// fields, new(sync.RWMutex), composite literals, type arguments and
// constraints, method expressions such as (*sync.Mutex).Lock, interface
// embedding, conversions, type assertions and switches, and type aliases.
// Method calls (mu.Lock()) need no edit.
//
// Imports: a source import that the file no longer needs is removed, and
// the facade import is placed as goimports would place it: in the import
// group of non-standard packages that shares the longest path prefix with
// it, or in a new group at the end of the import block (the block keeps
// its other groups, and the source import's comments travel with the new
// import). Where the lock imports were the whole block, they are replaced
// in place. The facade's name is "facade" (or "atomic"), or a fresh name
// such as "facade2" when that name already means something else at a
// rewritten site or in the package.
//
// Files that the build configuration excludes (other GOOS, build tags) are
// rewritten by syntax alone: the import path "sync" is unambiguous, and a
// qualified name sync.X in such a file can only refer to that import.
//
// Never rewritten: generated files, files under vendor/, the facade's own
// packages. A dot import of sync is reported without a fix.
//
// Flags: -facade sets the facade's import path (an in-house facade that
// offers the same names); -atomic sets the path that replaces sync/atomic
// (default: the facade's path + "/atomic"; "off" leaves sync/atomic alone).
package rewrite
