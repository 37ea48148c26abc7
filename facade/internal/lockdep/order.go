package lockdep

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"
)

// edgeSet is a set of class edges that a Lock reads without a lock: an
// open-addressing table of keys, replaced by a copy twice its size when
// half full. Writers hold orderMu.
type edgeSet struct {
	tab unsafe.Pointer // *[]uint64
	n   int
}

func edgeKey(from, to uint32) uint64 { return uint64(from)<<32 | uint64(to) }

func (s *edgeSet) has(k uint64) bool {
	p := (*[]uint64)(atomic.LoadPointer(&s.tab))
	if p == nil {
		return false
	}
	t := *p
	mask := uint64(len(t) - 1)
	for i := hash(k) & mask; ; i = (i + 1) & mask {
		switch atomic.LoadUint64(&t[i]) {
		case k:
			return true
		case 0:
			return false
		}
	}
}

// add adds k; orderMu is held.
func (s *edgeSet) add(k uint64) {
	p := (*[]uint64)(atomic.LoadPointer(&s.tab))
	if p == nil || 2*(s.n+1) > len(*p) {
		size := 64
		if p != nil {
			size = 2 * len(*p)
		}
		t := make([]uint64, size)
		if p != nil {
			for _, old := range *p {
				if old != 0 {
					insert(t, old)
				}
			}
		}
		atomic.StorePointer(&s.tab, unsafe.Pointer(&t))
		p = &t
	}
	if insert(*p, k) {
		s.n++
	}
}

func insert(t []uint64, k uint64) bool {
	mask := uint64(len(t) - 1)
	for i := hash(k) & mask; ; i = (i + 1) & mask {
		switch atomic.LoadUint64(&t[i]) {
		case k:
			return false
		case 0:
			atomic.StoreUint64(&t[i], k)
			return true
		}
	}
}

func hash(k uint64) uint64 {
	k ^= k >> 33
	k *= 0xff51afd7ed558ccd
	k ^= k >> 33
	return k
}

// An edge is the first time a goroutine took one class (or, within a
// class, one lock) while holding another.
type edge struct {
	from, to *Class
	goid     int64
	pcs      []uintptr // where it was taken: formatted only for a report
}

// stack formats e's call stack, without the facade's and the detector's
// frames.
func (e *edge) stack() string {
	var b strings.Builder
	frames := runtime.CallersFrames(e.pcs)
	for {
		f, more := frames.Next()
		if f.Function != "" && !ours(f.Function) {
			fmt.Fprintf(&b, "%s()\n\t%s:%d\n", f.Function, f.File, f.Line)
		}
		if !more {
			return b.String()
		}
	}
}

// callers returns the calling goroutine's program counters: a few hundred
// nanoseconds, where formatting a stack costs microseconds and a few
// hundred bytes for every new order.
func callers() []uintptr {
	var buf [32]uintptr
	n := runtime.Callers(3, buf[:])
	return append([]uintptr(nil), buf[:n]...)
}

// pairSet holds the orders taken between two locks of one class, by id.
// It is bounded: past maxPairs (65,536, about 10 MB) it starts afresh,
// forgetting old orders, as go-deadlock bounds its map.
type pairSet struct {
	mu sync.RWMutex
	m  map[[2]uint64]*edge
}

const maxPairs = 1 << 16

func (p *pairSet) has(a, b uint64) bool {
	p.mu.RLock()
	_, ok := p.m[[2]uint64{a, b}]
	p.mu.RUnlock()
	return ok
}

var (
	orderMu  sync.Mutex // serializes new edges and pairs
	edges    edgeSet
	graph    = map[uint32][]*edge{} // class id -> edges out of it; acyclic
	reported = map[uint64]bool{}    // edges that closed a cycle, reported once
	pairs    = pairSet{m: map[[2]uint64]*edge{}}
)

// newEdge records from→to, first seen now, and returns the report of the
// cycle it closes, if any ("" otherwise). The edge is recorded even then,
// so the fast path stops here, but kept out of the graph.
func newEdge(from, to *Class) string {
	pcs := callers()
	orderMu.Lock()
	defer orderMu.Unlock()
	k := edgeKey(from.id, to.id)
	if edges.has(k) {
		return ""
	}
	e := &edge{from: from, to: to, goid: current(), pcs: pcs}
	edges.add(k)
	if path := pathBetween(to.id, from.id); path != nil {
		reported[k] = true
		return inversion(e, path)
	}
	graph[from.id] = append(graph[from.id], e)
	return ""
}

// pathBetween returns the edges of a path from one class to another, or
// nil; orderMu is held.
func pathBetween(from, to uint32) []*edge {
	prev := map[uint32]*edge{}
	queue := []uint32{from}
	seen := map[uint32]bool{from: true}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		for _, e := range graph[c] {
			if seen[e.to.id] {
				continue
			}
			seen[e.to.id] = true
			prev[e.to.id] = e
			if e.to.id == to {
				var path []*edge
				for at := to; at != from; at = prev[at].from.id {
					path = append([]*edge{prev[at]}, path...)
				}
				return path
			}
			queue = append(queue, e.to.id)
		}
	}
	return nil
}

// newPair records that a lock (h) of a class was held while another lock
// of the same class (m, l) was taken, and returns the report if the two
// were taken in the other order before.
func newPair(h *held, m *meta, class *Class, l *Lock) string {
	pcs := callers()
	orderMu.Lock()
	defer orderMu.Unlock()
	key := [2]uint64{h.m.id, m.id}
	pairs.mu.Lock()
	defer pairs.mu.Unlock()
	if _, ok := pairs.m[key]; ok {
		return ""
	}
	if len(pairs.m) >= maxPairs {
		pairs.m = map[[2]uint64]*edge{}
	}
	e := &edge{from: class, to: class, goid: current(), pcs: pcs}
	pairs.m[key] = e
	if before, ok := pairs.m[[2]uint64{m.id, h.m.id}]; ok {
		return pairInversion(e, before, h.l, l)
	}
	return ""
}

func inversion(e *edge, path []*edge) string {
	var b strings.Builder
	names := []string{e.from.name, e.to.name}
	for _, p := range path {
		names = append(names, p.to.name)
	}
	fmt.Fprintf(&b, "POTENTIAL DEADLOCK: lock-order inversion between lock classes %s (a cycle).\n\n", strings.Join(names, " -> "))
	fmt.Fprintf(&b, "goroutine %d takes %s while holding %s:\n%s\n", e.goid, e.to.name, e.from.name, e.stack())
	for _, p := range path {
		fmt.Fprintf(&b, "goroutine %d took %s while holding %s first:\n%s\n", p.goid, p.to.name, p.from.name, p.stack())
	}
	return b.String()
}

func pairInversion(e, before *edge, held, taken *Lock) string {
	var b strings.Builder
	fmt.Fprintf(&b, "POTENTIAL DEADLOCK: lock-order inversion between two locks of class %s (%p and %p).\n\n", e.from.name, held, taken)
	fmt.Fprintf(&b, "goroutine %d takes %p while holding %p:\n%s\n", e.goid, taken, held, e.stack())
	fmt.Fprintf(&b, "goroutine %d took %p while holding %p first:\n%s\n", before.goid, held, taken, before.stack())
	return b.String()
}

// recursive reports a goroutine taking a lock it holds; r is locked.
func recursive(r *record, h *held, class *Class, k Kind) string {
	what := "locks"
	if k.read() {
		what = "read-locks"
	}
	how := "for writing"
	if h.read {
		how = "for reading"
	}
	return fmt.Sprintf("POTENTIAL DEADLOCK: recursive locking: goroutine %d %s %s (%p), which it holds %s already.\n\n%s\n",
		r.owner, what, class.name, h.l, how, ownStack())
}

// ownStack is the calling goroutine's stack, without the detector's and
// the facade's frames.
func ownStack() string {
	buf := make([]byte, 8<<10)
	for {
		n := runtime.Stack(buf, false)
		if n < len(buf) {
			return trimStack(string(buf[:n]))
		}
		buf = make([]byte, 2*len(buf))
	}
}

// trimStack drops the frames of the facade and its detector below the
// header line of a goroutine's stack.
func trimStack(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) == 0 {
		return s
	}
	out := []string{lines[0]}
	i := 1
	for i+1 < len(lines) && ours(lines[i]) {
		i += 2
	}
	out = append(out, lines[i:]...)
	return strings.Join(out, "\n") + "\n"
}
