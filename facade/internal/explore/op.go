//go:build go1.25

package explore

import "unsafe"

// Op is one facade operation, the unit the scheduler orders. Every Op is
// a scheduling point: before it runs, the scheduler may let any other
// goroutine whose next operation can proceed run first.
type Op uint8

// The operations. Names say what the facade's caller does.
const (
	Yield Op = iota // no effect on the model: atomics (the real op follows)

	Lock    // Mutex.Lock
	TryLock // Mutex.TryLock
	Unlock  // Mutex.Unlock

	RLock     // RWMutex.RLock
	TryRLock  // RWMutex.TryRLock
	RUnlock   // RWMutex.RUnlock
	WLock     // RWMutex.Lock
	TryWLock  // RWMutex.TryLock
	WUnlock   // RWMutex.Unlock
	CondQueue // Cond.Wait, first half: take a ticket (L is still held)
	CondWait  // Cond.Wait, second half: wait for the ticket (L released)
	Signal    // Cond.Signal
	Broadcast // Cond.Broadcast
	OnceDo    // Once.Do: run f, skip it, or wait for the one running it
	OnceDone  // Once.Do: f returned or panicked
	WGAdd     // WaitGroup.Add (Done is Add(-1))
	WGWait    // WaitGroup.Wait

	MapLoad             // Map.Load
	MapStore            // Map.Store
	MapLoadOrStore      // Map.LoadOrStore
	MapLoadAndDelete    // Map.LoadAndDelete
	MapDelete           // Map.Delete
	MapSwap             // Map.Swap
	MapCompareAndSwap   // Map.CompareAndSwap
	MapCompareAndDelete // Map.CompareAndDelete
	MapRange            // Map.Range (a snapshot, taken at one point)
	MapClear            // Map.Clear
	PoolGet             // Pool.Get
	PoolPut             // Pool.Put
	rootReturn          // not an operation: the body returned (or panicked)
	numOps
)

var opNames = [numOps]string{
	Yield: "atomic operation", Lock: "Mutex.Lock", TryLock: "Mutex.TryLock", Unlock: "Mutex.Unlock",
	RLock: "RWMutex.RLock", TryRLock: "RWMutex.TryRLock", RUnlock: "RWMutex.RUnlock",
	WLock: "RWMutex.Lock", TryWLock: "RWMutex.TryLock", WUnlock: "RWMutex.Unlock",
	CondQueue: "Cond.Wait", CondWait: "Cond.Wait", Signal: "Cond.Signal", Broadcast: "Cond.Broadcast",
	OnceDo: "Once.Do", OnceDone: "Once.Do", WGAdd: "WaitGroup.Add", WGWait: "WaitGroup.Wait",
	MapLoad: "Map.Load", MapStore: "Map.Store", MapLoadOrStore: "Map.LoadOrStore",
	MapLoadAndDelete: "Map.LoadAndDelete", MapDelete: "Map.Delete", MapSwap: "Map.Swap",
	MapCompareAndSwap: "Map.CompareAndSwap", MapCompareAndDelete: "Map.CompareAndDelete",
	MapRange: "Map.Range", MapClear: "Map.Clear", PoolGet: "Pool.Get", PoolPut: "Pool.Put",
	rootReturn: "return",
}

func (o Op) String() string { return opNames[o] }

// request is what a goroutine sends the scheduler at a scheduling point.
// It travels by value through a channel: the scheduler reads no memory a
// user goroutine wrote, so the race detector sees no access of ours to
// order (see race.go).
type request struct {
	goid   int64
	op     Op
	obj    unsafe.Pointer // the facade object; a key, never dereferenced
	n      int64          // WaitGroup delta; Cond ticket
	k, v   any            // Map key and value; Pool value
	old    any            // Map old value
	seeded []any          // a Map's entries outside the exploration, when the scheduler asked (seed.go)
	pc     uintptr        // the caller, for reports
	wake   chan response  // the goroutine waits here for its turn
}

// response ends a goroutine's wait at a scheduling point.
type response struct {
	ok       bool
	n        int64
	v        any
	kvs      []any // Map.Range's snapshot: key, value, key, value...
	abort    bool  // the schedule is over: the goroutine exits (runtime.Goexit)
	needSeed bool  // nothing ran: send the object's entries with the same call (seed.go)
	panicV   any   // the operation panics in the caller with this value, as sync's does
}
