//go:build go1.25

package explore

import "unsafe"

// The model: what each facade object is in the current schedule. Only the
// scheduler's goroutine reads or writes it. An object's state is made at
// its first operation in the schedule: a Map holds what was stored in it
// before the exploration (a registry filled in init), a Once that already
// ran stays done (seed.go); every other object starts unlocked, empty and
// zero, whatever it went through before.

type mutexState struct {
	locked bool
	holder *gstate
	pc     uintptr // where it was locked
}

type rwState struct {
	wHeld     bool      // a writer holds the writers' mutex (Go's rw.w)
	announced bool      // that writer waits for readers or holds the lock: new RLocks block
	wg        *gstate   // that writer
	writer    bool      // it holds the lock
	wpc       uintptr   // where it locked
	readers   []reader  // read-lock holders, one entry per RLock
	blocked   []*gstate // RLocks waiting for the writer to unlock
}

type reader struct {
	g  *gstate
	pc uintptr
}

type condState struct {
	next     int64 // the next ticket
	notified int64 // tickets below this one are woken (Signal wakes in ticket order)
	waiting  []int64
}

type onceState struct {
	done    bool
	running *gstate
}

type wgState struct{ n int64 }

type mapState struct {
	m    map[any]any
	keys []any // insertion order: Range is deterministic, so a replay is too
}

type poolState struct{ items []any } // LIFO; the model never drops an item

type model struct {
	mutexes map[unsafe.Pointer]*mutexState
	rws     map[unsafe.Pointer]*rwState
	conds   map[unsafe.Pointer]*condState
	onces   map[unsafe.Pointer]*onceState
	wgs     map[unsafe.Pointer]*wgState
	maps    map[unsafe.Pointer]*mapState
	pools   map[unsafe.Pointer]*poolState
}

func newModel() *model {
	return &model{
		mutexes: map[unsafe.Pointer]*mutexState{},
		rws:     map[unsafe.Pointer]*rwState{},
		conds:   map[unsafe.Pointer]*condState{},
		onces:   map[unsafe.Pointer]*onceState{},
		wgs:     map[unsafe.Pointer]*wgState{},
		maps:    map[unsafe.Pointer]*mapState{},
		pools:   map[unsafe.Pointer]*poolState{},
	}
}

func get[T any](m map[unsafe.Pointer]*T, p unsafe.Pointer) *T {
	s := m[p]
	if s == nil {
		s = new(T)
		m[p] = s
	}
	return s
}

// enabled reports whether g's pending operation can run now.
func (s *sched) enabled(g *gstate) bool {
	r := &g.req
	switch r.op {
	case Lock:
		return !get(s.m.mutexes, r.obj).locked
	case RLock:
		return g.phase == 0 || g.granted
	case WLock:
		rw := get(s.m.rws, r.obj)
		if g.phase == 0 {
			return !rw.wHeld
		}
		return len(rw.readers) == 0
	case CondWait:
		return r.n < get(s.m.conds, r.obj).notified
	case OnceDo:
		return s.once(r).running == nil
	case WGWait:
		return g.granted || get(s.m.wgs, r.obj).n == 0
	}
	return true
}

// misuse is a failure that sync itself reports with a fatal error or a
// panic (unlocking an unlocked mutex, a negative WaitGroup counter).
type misuse string

// exec runs g's pending operation, which is enabled. It reports whether g
// goes on (its response is sent); false leaves g waiting at a later phase
// of the same operation (an RLock or Lock of an RWMutex that must wait).
func (s *sched) exec(g *gstate) (resp response, goOn bool) {
	r := &g.req
	switch r.op {
	case Yield:
	case Lock:
		m := get(s.m.mutexes, r.obj)
		m.locked, m.holder, m.pc = true, g, r.pc
	case TryLock:
		m := get(s.m.mutexes, r.obj)
		if !m.locked {
			m.locked, m.holder, m.pc = true, g, r.pc
			resp.ok = true
		}
	case Unlock:
		m := get(s.m.mutexes, r.obj)
		if !m.locked {
			panic(misuse("sync: unlock of unlocked mutex"))
		}
		m.locked, m.holder = false, nil
	case RLock:
		rw := get(s.m.rws, r.obj)
		switch {
		case g.phase == 1: // granted by the writer's Unlock, already counted
		case rw.announced:
			g.phase = 1
			rw.blocked = append(rw.blocked, g)
			return resp, false
		default:
			rw.readers = append(rw.readers, reader{g, r.pc})
		}
	case TryRLock:
		rw := get(s.m.rws, r.obj)
		if !rw.announced {
			rw.readers = append(rw.readers, reader{g, r.pc})
			resp.ok = true
		}
	case RUnlock:
		rw := get(s.m.rws, r.obj)
		if !removeReader(&rw.readers, g) {
			panic(misuse("sync: RUnlock of unlocked RWMutex"))
		}
	case WLock:
		rw := get(s.m.rws, r.obj)
		if g.phase == 0 {
			rw.wHeld, rw.announced, rw.wg, rw.wpc = true, true, g, r.pc
			if len(rw.readers) > 0 {
				g.phase = 1
				return resp, false
			}
		}
		rw.writer = true
	case TryWLock:
		rw := get(s.m.rws, r.obj)
		if !rw.wHeld && len(rw.readers) == 0 {
			rw.wHeld, rw.announced, rw.wg, rw.writer, rw.wpc = true, true, g, true, r.pc
			resp.ok = true
		}
	case WUnlock:
		rw := get(s.m.rws, r.obj)
		if !rw.writer {
			panic(misuse("sync: Unlock of unlocked RWMutex"))
		}
		// As sync.RWMutex.Unlock: the readers that blocked behind the
		// writer hold the lock before the next writer may take it.
		for _, b := range rw.blocked {
			b.granted = true
			rw.readers = append(rw.readers, reader{b, b.req.pc})
		}
		rw.blocked = nil
		rw.writer, rw.announced, rw.wHeld, rw.wg = false, false, false, nil
	case CondQueue:
		c := get(s.m.conds, r.obj)
		resp.n = c.next
		c.waiting = append(c.waiting, c.next)
		c.next++
	case CondWait:
		c := get(s.m.conds, r.obj)
		removeTicket(&c.waiting, r.n)
	case Signal:
		c := get(s.m.conds, r.obj)
		if c.notified < c.next {
			c.notified++
		}
	case Broadcast:
		c := get(s.m.conds, r.obj)
		c.notified = c.next
	case OnceDo:
		o := s.once(r)
		if !o.done {
			o.running = g
			resp.ok = true // run f
		}
	case OnceDone:
		o := get(s.m.onces, r.obj)
		o.done, o.running = true, nil
	case WGAdd:
		wg := get(s.m.wgs, r.obj)
		wg.n += r.n
		if wg.n < 0 {
			wg.n -= r.n
			resp.panicV = "sync: negative WaitGroup counter"
			break
		}
		if wg.n == 0 {
			// As sync: the Add that brings the counter to zero releases
			// the waiters; one that runs after a new Add finds the group
			// reused.
			for _, w := range s.order {
				if w.pending && w.req.op == WGWait && w.req.obj == r.obj {
					w.granted = true
				}
			}
		}
	case WGWait:
		if g.granted && get(s.m.wgs, r.obj).n != 0 {
			resp.panicV = "sync: WaitGroup is reused before previous Wait has returned"
		}
	case PoolGet:
		p := get(s.m.pools, r.obj)
		if n := len(p.items); n > 0 {
			resp.v, resp.ok = p.items[n-1], true
			p.items[n-1] = nil
			p.items = p.items[:n-1]
		}
	case PoolPut:
		p := get(s.m.pools, r.obj)
		p.items = append(p.items, r.v)
	default:
		m := s.mapOf(r)
		if m == nil {
			resp.needSeed = true
			break
		}
		resp = s.execMap(m, r)
	}
	return resp, true
}

// removeReader removes one of g's read locks from *list, or another
// goroutine's (sync lets one goroutine RUnlock another's RLock), reporting
// whether there was any.
func removeReader(list *[]reader, g *gstate) bool {
	if len(*list) == 0 {
		return false
	}
	i := 0
	for j, x := range *list {
		if x.g == g {
			i = j
			break
		}
	}
	*list = append((*list)[:i], (*list)[i+1:]...)
	return true
}

func removeTicket(list *[]int64, t int64) {
	for i, x := range *list {
		if x == t {
			*list = append((*list)[:i], (*list)[i+1:]...)
			return
		}
	}
}

// execMap runs one Map operation on the model. What panics in sync.Map
// (a key that cannot be hashed, an old value that cannot be compared)
// panics in the caller with the same value.
func (s *sched) execMap(m *mapState, r *request) (resp response) {
	defer func() {
		if p := recover(); p != nil {
			resp = response{panicV: p}
		}
	}()
	if m.m == nil {
		m.m = map[any]any{}
	}
	store := func(k, v any) {
		if _, ok := m.m[k]; !ok {
			m.keys = append(m.keys, k)
		}
		m.m[k] = v
	}
	del := func(k any) {
		delete(m.m, k)
		for i, x := range m.keys {
			if x == k {
				m.keys = append(m.keys[:i], m.keys[i+1:]...)
				break
			}
		}
	}
	switch r.op {
	case MapLoad:
		resp.v, resp.ok = m.m[r.k]
	case MapStore:
		store(r.k, r.v)
	case MapLoadOrStore:
		if v, ok := m.m[r.k]; ok {
			resp.v, resp.ok = v, true
		} else {
			store(r.k, r.v)
			resp.v = r.v
		}
	case MapLoadAndDelete:
		resp.v, resp.ok = m.m[r.k]
		if resp.ok {
			del(r.k)
		}
	case MapDelete:
		del(r.k)
	case MapSwap:
		resp.v, resp.ok = m.m[r.k]
		store(r.k, r.v)
	case MapCompareAndSwap:
		if v, ok := m.m[r.k]; ok && v == r.old {
			store(r.k, r.v)
			resp.ok = true
		}
	case MapCompareAndDelete:
		if v, ok := m.m[r.k]; ok && v == r.old {
			del(r.k)
			resp.ok = true
		}
	case MapRange:
		resp.kvs = make([]any, 0, 2*len(m.keys))
		for _, k := range m.keys {
			resp.kvs = append(resp.kvs, k, m.m[k])
		}
	case MapClear:
		m.m, m.keys = map[any]any{}, nil
	}
	return resp
}
