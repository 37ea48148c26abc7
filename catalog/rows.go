package catalog

import "slices"

// Rows is the catalog, sorted by From, then Name (a test checks): the lock
// APIs of third-party packages, and every exported name of sync and
// sync/atomic with the facade package that replaces it (the facade keeps
// each name).
var Rows = slices.Concat(rowsBeforeXsync, rbMutexRows(xsync3), rbMutexRows(xsync4), rowsAfterXsync)

// The rows before xsync's.
var rowsBeforeXsync = []Row{
	// github.com/anacrolix/sync: lock-profiling Mutex and RWMutex, aliases of the rest.
	{From: anacrolix, Name: "Cond", Kind: Type},
	{From: anacrolix, Name: "Enable", Kind: Func, Missing: noProfiling},
	{From: anacrolix, Name: "EnableContention", Kind: Func, Missing: noProfiling},
	{From: anacrolix, Name: "EnableLockTimes", Kind: Func, Missing: noProfiling},
	{From: anacrolix, Name: "Locker", Kind: Type},
	{From: anacrolix, Name: "Map", Kind: Type},
	{From: anacrolix, Name: "Mutex", Kind: Type},
	{From: anacrolix, Name: "Once", Kind: Type},
	{From: anacrolix, Name: "OnceFunc", Kind: Func},
	{From: anacrolix, Name: "OnceValue", Kind: Func},
	{From: anacrolix, Name: "Pool", Kind: Type},
	{From: anacrolix, Name: "PrintLockTimes", Kind: Func, Missing: noProfiling},
	{From: anacrolix, Name: "RWMutex", Kind: Type},
	{From: anacrolix, Name: "WaitGroup", Kind: Type},

	// github.com/linkdata/deadlock: go-deadlock's fork.
	{From: linkdata, Name: "DeadlockMutex", Kind: Type, As: "Mutex"},
	{From: linkdata, Name: "DeadlockRWMutex", Kind: Type, As: "RWMutex"},
	{From: linkdata, Name: "Mutex", Kind: Type},
	{From: linkdata, Name: "Opts", Kind: Var, Missing: noOptsRead},
	{From: linkdata, Name: "Opts.DeadlockTimeout", Kind: Field, As: "Timeout"},
	{From: linkdata, Name: "Opts.LogBuf", Kind: Field, As: "Log"},
	{From: linkdata, Name: "Opts.MaxMapSize", Kind: Field, Missing: noMaxMap},
	{From: linkdata, Name: "Opts.OnPotentialDeadlock", Kind: Field, Missing: noOnDeadlock},
	{From: linkdata, Name: "Opts.PrintAllCurrentGoroutines", Kind: Field, Missing: noPrintAll},
	{From: linkdata, Name: "RWMutex", Kind: Type},
}

// The rows after xsync's (which sort between linkdata and go-deadlock).
var rowsAfterXsync = []Row{
	// github.com/sasha-s/go-deadlock: Mutex and RWMutex, and struct
	// wrappers that embed the sync types.
	{From: goDeadlock, Name: "Cond", Kind: Type},
	{From: goDeadlock, Name: "Locker", Kind: Type, Missing: "deadlock.Locker is a struct that wraps a sync.Locker, not the interface: use facade.Locker where the interface is meant"},
	{From: goDeadlock, Name: "Map", Kind: Type},
	{From: goDeadlock, Name: "Mutex", Kind: Type},
	{From: goDeadlock, Name: "NewCond", Kind: Var},
	{From: goDeadlock, Name: "Once", Kind: Type},
	{From: goDeadlock, Name: "Opts", Kind: Var, Missing: noOptsRead},
	{From: goDeadlock, Name: "Opts.DeadlockTimeout", Kind: Field, As: "Timeout"},
	{From: goDeadlock, Name: "Opts.Disable", Kind: Field, As: "Disable"},
	{From: goDeadlock, Name: "Opts.DisableLockOrderDetection", Kind: Field, Missing: "the facade's deadlock backend always checks lock order; SYNCSWEEP_DEADLOCK=off turns the whole detector off"},
	{From: goDeadlock, Name: "Opts.LogBuf", Kind: Field, As: "Log"},
	{From: goDeadlock, Name: "Opts.MaxMapSize", Kind: Field, Missing: noMaxMap},
	{From: goDeadlock, Name: "Opts.OnPotentialDeadlock", Kind: Field, Missing: noOnDeadlock},
	{From: goDeadlock, Name: "Opts.PrintAllCurrentGoroutines", Kind: Field, Missing: noPrintAll},
	{From: goDeadlock, Name: "Opts.TimerPool", Kind: Field, Missing: "the facade's detector uses no timer per lock: one watchdog goroutine checks every wait"},
	{From: goDeadlock, Name: "Pool", Kind: Type},
	{From: goDeadlock, Name: "RWMutex", Kind: Type},
	{From: goDeadlock, Name: "WaitGroup", Kind: Type},

	// golang.org/x/sync/semaphore used as a mutex: weight 1 everywhere.
	{From: semaphore, Name: "NewWeighted", Kind: Func, As: "Mutex", Args: []Arg{One}, Result: New},
	{From: semaphore, Name: "Weighted", Kind: Type, As: "Mutex"},
	{From: semaphore, Name: "Weighted.Acquire", Kind: Method, As: "Lock", Args: []Arg{Background, One}, Result: Nil},
	{From: semaphore, Name: "Weighted.Release", Kind: Method, As: "Unlock", Args: []Arg{One}},
	{From: semaphore, Name: "Weighted.TryAcquire", Kind: Method, As: "TryLock", Args: []Arg{One}},

	{From: "sync", Name: "Cond", Kind: Type, To: "", Since: "go1.0"},
	{From: "sync", Name: "Locker", Kind: Type, To: "", Since: "go1.0"},
	{From: "sync", Name: "Map", Kind: Type, To: "", Since: "go1.9"},
	{From: "sync", Name: "Mutex", Kind: Type, To: "", Since: "go1.0"},
	{From: "sync", Name: "NewCond", Kind: Func, To: "", Since: "go1.0"},
	{From: "sync", Name: "Once", Kind: Type, To: "", Since: "go1.0"},
	{From: "sync", Name: "OnceFunc", Kind: Func, To: "", Since: "go1.21"},
	{From: "sync", Name: "OnceValue", Kind: Func, To: "", Since: "go1.21"},
	{From: "sync", Name: "OnceValues", Kind: Func, To: "", Since: "go1.21"},
	{From: "sync", Name: "Pool", Kind: Type, To: "", Since: "go1.3"},
	{From: "sync", Name: "RWMutex", Kind: Type, To: "", Since: "go1.0"},
	{From: "sync", Name: "WaitGroup", Kind: Type, To: "", Since: "go1.0"},
	{From: "sync/atomic", Name: "AddInt32", Kind: Func, To: "atomic", Since: "go1.0"},
	{From: "sync/atomic", Name: "AddInt64", Kind: Func, To: "atomic", Since: "go1.0"},
	{From: "sync/atomic", Name: "AddUint32", Kind: Func, To: "atomic", Since: "go1.0"},
	{From: "sync/atomic", Name: "AddUint64", Kind: Func, To: "atomic", Since: "go1.0"},
	{From: "sync/atomic", Name: "AddUintptr", Kind: Func, To: "atomic", Since: "go1.0"},
	{From: "sync/atomic", Name: "AndInt32", Kind: Func, To: "atomic", Since: "go1.23"},
	{From: "sync/atomic", Name: "AndInt64", Kind: Func, To: "atomic", Since: "go1.23"},
	{From: "sync/atomic", Name: "AndUint32", Kind: Func, To: "atomic", Since: "go1.23"},
	{From: "sync/atomic", Name: "AndUint64", Kind: Func, To: "atomic", Since: "go1.23"},
	{From: "sync/atomic", Name: "AndUintptr", Kind: Func, To: "atomic", Since: "go1.23"},
	{From: "sync/atomic", Name: "Bool", Kind: Type, To: "atomic", Since: "go1.19"},
	{From: "sync/atomic", Name: "CompareAndSwapInt32", Kind: Func, To: "atomic", Since: "go1.0"},
	{From: "sync/atomic", Name: "CompareAndSwapInt64", Kind: Func, To: "atomic", Since: "go1.0"},
	{From: "sync/atomic", Name: "CompareAndSwapPointer", Kind: Func, To: "atomic", Since: "go1.0"},
	{From: "sync/atomic", Name: "CompareAndSwapUint32", Kind: Func, To: "atomic", Since: "go1.0"},
	{From: "sync/atomic", Name: "CompareAndSwapUint64", Kind: Func, To: "atomic", Since: "go1.0"},
	{From: "sync/atomic", Name: "CompareAndSwapUintptr", Kind: Func, To: "atomic", Since: "go1.0"},
	{From: "sync/atomic", Name: "Int32", Kind: Type, To: "atomic", Since: "go1.19"},
	{From: "sync/atomic", Name: "Int64", Kind: Type, To: "atomic", Since: "go1.19"},
	{From: "sync/atomic", Name: "LoadInt32", Kind: Func, To: "atomic", Since: "go1.0"},
	{From: "sync/atomic", Name: "LoadInt64", Kind: Func, To: "atomic", Since: "go1.0"},
	{From: "sync/atomic", Name: "LoadPointer", Kind: Func, To: "atomic", Since: "go1.0"},
	{From: "sync/atomic", Name: "LoadUint32", Kind: Func, To: "atomic", Since: "go1.0"},
	{From: "sync/atomic", Name: "LoadUint64", Kind: Func, To: "atomic", Since: "go1.0"},
	{From: "sync/atomic", Name: "LoadUintptr", Kind: Func, To: "atomic", Since: "go1.0"},
	{From: "sync/atomic", Name: "OrInt32", Kind: Func, To: "atomic", Since: "go1.23"},
	{From: "sync/atomic", Name: "OrInt64", Kind: Func, To: "atomic", Since: "go1.23"},
	{From: "sync/atomic", Name: "OrUint32", Kind: Func, To: "atomic", Since: "go1.23"},
	{From: "sync/atomic", Name: "OrUint64", Kind: Func, To: "atomic", Since: "go1.23"},
	{From: "sync/atomic", Name: "OrUintptr", Kind: Func, To: "atomic", Since: "go1.23"},
	{From: "sync/atomic", Name: "Pointer", Kind: Type, To: "atomic", Since: "go1.19"},
	{From: "sync/atomic", Name: "StoreInt32", Kind: Func, To: "atomic", Since: "go1.0"},
	{From: "sync/atomic", Name: "StoreInt64", Kind: Func, To: "atomic", Since: "go1.0"},
	{From: "sync/atomic", Name: "StorePointer", Kind: Func, To: "atomic", Since: "go1.0"},
	{From: "sync/atomic", Name: "StoreUint32", Kind: Func, To: "atomic", Since: "go1.0"},
	{From: "sync/atomic", Name: "StoreUint64", Kind: Func, To: "atomic", Since: "go1.0"},
	{From: "sync/atomic", Name: "StoreUintptr", Kind: Func, To: "atomic", Since: "go1.0"},
	{From: "sync/atomic", Name: "SwapInt32", Kind: Func, To: "atomic", Since: "go1.2"},
	{From: "sync/atomic", Name: "SwapInt64", Kind: Func, To: "atomic", Since: "go1.2"},
	{From: "sync/atomic", Name: "SwapPointer", Kind: Func, To: "atomic", Since: "go1.2"},
	{From: "sync/atomic", Name: "SwapUint32", Kind: Func, To: "atomic", Since: "go1.2"},
	{From: "sync/atomic", Name: "SwapUint64", Kind: Func, To: "atomic", Since: "go1.2"},
	{From: "sync/atomic", Name: "SwapUintptr", Kind: Func, To: "atomic", Since: "go1.2"},
	{From: "sync/atomic", Name: "Uint32", Kind: Type, To: "atomic", Since: "go1.19"},
	{From: "sync/atomic", Name: "Uint64", Kind: Type, To: "atomic", Since: "go1.19"},
	{From: "sync/atomic", Name: "Uintptr", Kind: Type, To: "atomic", Since: "go1.19"},
	{From: "sync/atomic", Name: "Value", Kind: Type, To: "atomic", Since: "go1.4"},
}

// Import paths of the third-party packages with rows.
const (
	anacrolix  = "github.com/anacrolix/sync"
	goDeadlock = "github.com/sasha-s/go-deadlock"
	linkdata   = "github.com/linkdata/deadlock"
	semaphore  = "golang.org/x/sync/semaphore"
	xsync3     = "github.com/puzpuzpuz/xsync/v3"
	xsync4     = "github.com/puzpuzpuz/xsync/v4"
)

// Why some third-party APIs have no facade equivalent.
const (
	noProfiling  = "lock-time profiling has no facade equivalent; build with -tags deadlock to debug locking"
	noOptsRead   = "the facade's detector options are set with facade.SetDetectorOptions or facade.UpdateDetectorOptions, at any time; reading them back has no facade equivalent"
	noMaxMap     = "the facade's detector bounds its own order tables (65,536 pairs of one class's locks)"
	noOnDeadlock = "use facade.ReportDeadlocksTo(func(report string)), which receives the report"
	noPrintAll   = "the facade's reports show the goroutines involved, not all of them"
	noTryRLock   = "TryRLock returns its token with the bool; rewrite it by hand to TryRLock and RUnlock on a facade.RWMutex"
	noToken      = "the facade's read lock returns no token"
)

// rbMutexRows returns the rows of github.com/puzpuzpuz/xsync's
// reader-biased RBMutex, whose read lock returns a token, for one of its
// major versions (the API is the same in v3 and v4).
func rbMutexRows(from string) []Row {
	return []Row{
		{From: from, Name: "NewRBMutex", Kind: Func, As: "RWMutex", Result: New},
		{From: from, Name: "RBMutex", Kind: Type, As: "RWMutex"},
		{From: from, Name: "RBMutex.Lock", Kind: Method, As: "Lock"},
		{From: from, Name: "RBMutex.RLock", Kind: Method, As: "RLock", Result: Tokens},
		{From: from, Name: "RBMutex.RUnlock", Kind: Method, As: "RUnlock", Args: []Arg{Token}},
		{From: from, Name: "RBMutex.TryLock", Kind: Method, As: "TryLock"},
		{From: from, Name: "RBMutex.TryRLock", Kind: Method, Missing: noTryRLock},
		{From: from, Name: "RBMutex.Unlock", Kind: Method, As: "Unlock"},
		{From: from, Name: "RToken", Kind: Type, Missing: noToken},
	}
}
