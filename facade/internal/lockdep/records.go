package lockdep

import (
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/petermattis/goid"
)

// A record holds what one goroutine holds and waits for. Records live in a
// fixed table of chains, found by goroutine id without a lock. A record
// stays its goroutine's while that goroutine lives, held locks or not (so
// a Lock finds it without writing anything shared); a goroutine that finds
// no record of its own adds one, and takes an idle record of another
// goroutine (one that holds and waits for nothing; its goroutine may have
// ended) only when its chain is long. Reusing another goroutine's record
// tells the race detector that everything that goroutine did happens
// before what this one does (the record's mutex orders them): rarely is
// the price of a bounded table.
type record struct {
	owner int64      // goroutine id; written under mu, read atomically
	mu    sync.Mutex // guards held: its owner, and a goroutine that unlocks for it
	held  []held

	waitFor   unsafe.Pointer // *Lock the owner waits for, or nil
	waitSince int64          // monotonic nanoseconds, when waitFor was set
	waitRead  uint32         // 1 if the wait is for a read lock
	reported  uint32         // this wait was reported

	next *record // the chain; set before the record is published
}

// held is one lock a goroutine holds.
type held struct {
	l     *Lock
	m     *meta
	class *Class // m.class, or its subclass for a nested acquisition
	read  bool
}

const slots = 1 << 10

// maxChain is the length of a chain past which a goroutine takes an idle
// record rather than add one.
const maxChain = 8

var table [slots]unsafe.Pointer // *record: the head of each chain

func slot(g int64) *unsafe.Pointer {
	h := uint64(g) * 0x9e3779b97f4a7c15
	return &table[h>>(64-10)]
}

// find returns g's record, locked, or nil.
func find(g int64) *record {
	for r := (*record)(atomic.LoadPointer(slot(g))); r != nil; r = r.next {
		if atomic.LoadInt64(&r.owner) == g {
			r.mu.Lock()
			if r.owner == g {
				return r
			}
			r.mu.Unlock() // taken meanwhile by another goroutine
		}
	}
	return nil
}

// claim returns g's record, locked: its own, an idle one if the chain is
// long, or a new one.
func claim(g int64) *record {
	if r := find(g); r != nil {
		return r
	}
	head := slot(g)
	n := 0
	for r := (*record)(atomic.LoadPointer(head)); r != nil; r = r.next {
		n++
	}
	if n >= maxChain {
		for r := (*record)(atomic.LoadPointer(head)); r != nil; r = r.next {
			r.mu.Lock()
			if len(r.held) == 0 && atomic.LoadPointer(&r.waitFor) == nil {
				atomic.StoreInt64(&r.owner, g)
				return r
			}
			r.mu.Unlock()
		}
	}
	r := &record{owner: g}
	r.mu.Lock()
	for {
		old := atomic.LoadPointer(head)
		r.next = (*record)(old)
		if atomic.CompareAndSwapPointer(head, old, unsafe.Pointer(r)) {
			return r
		}
	}
}

// eachWaiting calls f with every record, unlocked, reading only what the
// owner publishes atomically: the watchdog must not lock the records,
// which would order every goroutine after the others for the race
// detector, once a second, whenever anyone waits.
func eachWaiting(f func(r *record, owner int64, l *Lock)) {
	for i := range table {
		for r := (*record)(atomic.LoadPointer(&table[i])); r != nil; r = r.next {
			if l := (*Lock)(atomic.LoadPointer(&r.waitFor)); l != nil {
				f(r, atomic.LoadInt64(&r.owner), l)
			}
		}
	}
}

// each calls f with every record, locked.
func each(f func(r *record)) {
	for i := range table {
		for r := (*record)(atomic.LoadPointer(&table[i])); r != nil; r = r.next {
			r.mu.Lock()
			f(r)
			r.mu.Unlock()
		}
	}
}

func current() int64 { return goid.Get() }
