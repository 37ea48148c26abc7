// Package rewrite holds the sweep: the logic that moves direct uses of sync,
// sync/atomic and the policy's extra rows onto the lock facade. [Sweep] is
// what both analyzers call: the bare [Analyzer] here, and the guard in
// analyzers/syncsweep, which the CLI, go vet and golangci-lint run.
//
// # Analyzer sweep
//
// sweep: report direct uses of sync and sync/atomic and rewrite them to the lock facade
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
// Third-party locks (the catalog's rows for go-deadlock, linkdata/deadlock,
// anacrolix/sync, x/sync/semaphore and xsync) move the same way. A type
// whose method rows reshape its calls (a weight-1 semaphore, RBMutex, a
// user's Lock() error) moves one variable or field at a time, and only
// when every use of it is proven (reshape.go); the error handling that
// can no longer fire is removed (dead.go), and the statements are rebuilt
// with dst so their comments survive. go-deadlock's Opts assignments,
// wherever they are, become facade.UpdateDetectorOptions calls (opts.go).
// Whatever cannot be proven is reported with the reason. The result also
// carries the package's table of lock classes (package classtable), which
// the driver writes for the deadlock backend.
//
// Never rewritten: generated files, files under vendor/, the facade's own
// packages, packages the policy allow-lists, APIs the policy does not ban,
// and uses that a //syncsweep:allow directive keeps (see [AllowDirective]).
// A dot-imported name is reported without a fix, as is a use of a type
// alias of a sync type declared where the sweep does not reach.
//
// # Locks that stay
//
// A lock whose value or address reaches code that is not rewritten keeps
// its sync type, or the sweep would break the build: passed to a function
// of a generated file, of another module, of an allow-listed package or
// of a package the run leaves out (policy.Rules.Swept), stored in such a
// package's struct field, returned through a func it calls, or kept by a
// directive, a dot import or an embedded field's name. The decision is
// made from types before any edit (pin.go): every type expression that
// would move, every call of a function that would move onto one with
// other result types (sync.NewCond: facade.Cond is a wrapper, not
// sync.Cond), and every variable, field, parameter, result, local type
// and expression whose type holds one, is a node of a union-find; the two
// sides of every flow that needs identical types are united (assignment,
// argument, return, composite literal element, send, range, comparison,
// conversion, append, func and method values, a value that satisfies an
// interface whose methods hold lock types, the calls of generic
// functions). A component with such a pin stays whole, and each of its
// declarations is reported, without a fix, with the path to the pin:
//
//	shared stays sync.Mutex: &shared is passed to gen.Use at app.go:14, which wants *sync.Mutex; gen.Use is declared in generated file gen.go
//
// Objects of other swept packages of the module are assumed to move with
// their own sweep (a driver type-checks the result). Build-excluded files
// follow the same rule: when they name lock types, the package is
// type-checked once more with them (imports resolve to this build's
// packages only), and a lock they hand to a package this build does not
// load stays too. [Moves] is the predicate on types.
//
// Flags: the policy's (package policy): -config, -facade, -atomic, -allow
// and -ban.
package rewrite
