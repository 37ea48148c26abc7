package lockdep

import (
	"fmt"
	"strings"
	"sync/atomic"
	"time"
	"unsafe"
)

// Waits are checked by one watchdog goroutine, which runs while anyone
// waits: no goroutine or timer per Lock, and no clock read unless a try
// failed.

var (
	epoch   = time.Now()
	waiting int32  // goroutines between Wait and Waited
	running uint32 // the watchdog runs
)

func monotonic() int64 { return int64(time.Since(epoch)) }

// watch reports waits longer than the timeout, and ends after a period
// with nobody waiting.
func watch() {
	for {
		timeout := load().Timeout
		period := timeout / 4
		if period < time.Millisecond {
			period = time.Millisecond
		}
		if period > time.Second || timeout <= 0 {
			period = time.Second
		}
		time.Sleep(period)
		if atomic.LoadInt32(&waiting) == 0 {
			atomic.StoreUint32(&running, 0)
			// A Wait between the load and the store saw running set and
			// started nothing: look again.
			if atomic.LoadInt32(&waiting) == 0 || !atomic.CompareAndSwapUint32(&running, 0, 1) {
				return
			}
		}
		o := load()
		if o.Disable || o.Timeout <= 0 {
			continue
		}
		var reports []string
		now := monotonic()
		type long struct {
			waiter int64
			l      *Lock
			read   bool
			for_   time.Duration
		}
		var longs []long
		eachWaiting(func(r *record, owner int64, l *Lock) {
			since := atomic.LoadInt64(&r.waitSince)
			if now-since <= int64(o.Timeout) || atomic.LoadPointer(&r.waitFor) != unsafe.Pointer(l) {
				return
			}
			if atomic.CompareAndSwapUint32(&r.reported, 0, 1) {
				longs = append(longs, long{owner, l, atomic.LoadUint32(&r.waitRead) == 1, time.Duration(now - since)})
			}
		})
		for _, w := range longs {
			reports = append(reports, longWait(w.waiter, w.l, w.read, w.for_, o.Timeout))
		}
		for _, rep := range reports {
			deliver(rep)
		}
	}
}

// holders returns the goroutines that hold l. It locks every record: it
// runs only to write a report.
func holders(l *Lock) []int64 {
	var gs []int64
	each(func(r *record) {
		for _, h := range r.held {
			if h.l == l {
				gs = append(gs, r.owner)
				return
			}
		}
	})
	return gs
}

func longWait(waiter int64, l *Lock, read bool, waited, timeout time.Duration) string {
	what := "lock"
	if read {
		what = "read-lock"
	}
	m := (*meta)(atomic.LoadPointer(&l.meta))
	hs := holders(l)
	var b strings.Builder
	fmt.Fprintf(&b, "POTENTIAL DEADLOCK: goroutine %d has waited %v (more than the timeout, %v) to %s %s", waiter, waited.Round(time.Millisecond), timeout, what, m.class.name)
	if len(hs) > 0 {
		fmt.Fprintf(&b, ", held by %s", goroutineList(hs))
	}
	b.WriteString(".\n\n")
	b.WriteString(stacks(append([]int64{waiter}, hs...)))
	return b.String()
}
