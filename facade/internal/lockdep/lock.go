package lockdep

import (
	"sync/atomic"
	"unsafe"
)

// Lock is the detector's state of one lock: the facade's Mutex and RWMutex
// hold one next to their sync lock, and call it around every operation:
//
//	t := d.Acquire(lockdep.Write, 0)
//	if !mu.TryLock() {
//		t.Wait(&d, lockdep.Write)
//		mu.Lock()
//		t.Waited()
//	}
//	d.Acquired(t, lockdep.Write, true)
type Lock struct {
	meta   unsafe.Pointer // *meta, set at the first acquisition
	holder unsafe.Pointer // *record that last took it for writing: where an Unlock by another goroutine looks first
	holds  int32          // acquisitions the detector tracks and has not seen released
}

// meta is what a lock is, fixed at its first acquisition.
type meta struct {
	id    uint64 // unique: objects are told apart by id, not by address
	class *Class
}

// Kind is an acquisition's kind.
type Kind uint8

const (
	Write Kind = iota
	Read
	TryWrite
	TryRead
)

func (k Kind) read() bool { return k == Read || k == TryRead }
func (k Kind) try() bool  { return k == TryWrite || k == TryRead }

// Token is what Acquire hands to the rest of one acquisition. Between
// Acquire and Acquired (or Wait) the goroutine's record stays locked, so
// an acquisition that does not wait locks it once.
type Token struct {
	r     *record // nil when detection is off
	m     *meta
	class *Class
}

var objects uint64 // the last meta id

// Acquire checks an acquisition of l before it is tried: a lock the
// goroutine already holds (recursive locking; a try only fails), and the
// order of every lock it holds before l (a try cannot wait, so it orders
// nothing). sub is the subclass of a nested acquisition, 0 otherwise.
func (l *Lock) Acquire(k Kind, sub int) Token {
	if load().Disable {
		return Token{}
	}
	m := (*meta)(atomic.LoadPointer(&l.meta))
	if m == nil {
		m = l.classify()
	}
	class := m.class
	if sub != 0 {
		class = class.Sub(sub)
	}
	g := current()
	r := claim(g)
	var pending []string
	for i := range r.held {
		h := &r.held[i]
		if h.l == l {
			if !k.try() {
				pending = append(pending, recursive(r, h, class, k))
			}
			continue
		}
		if k.try() {
			continue
		}
		if h.class == class {
			if !pairs.has(h.m.id, m.id) {
				if rep := newPair(h, m, class, l); rep != "" {
					pending = append(pending, rep)
				}
			}
		} else if !edges.has(edgeKey(h.class.id, class.id)) {
			if rep := newEdge(h.class, class); rep != "" {
				pending = append(pending, rep)
			}
		}
	}
	if pending != nil {
		r.mu.Unlock()
		for _, rep := range pending {
			deliver(rep)
		}
		r = claim(g)
	}
	return Token{r, m, class}
}

// Wait records that the acquisition t checked found l taken and will wait.
func (t *Token) Wait(l *Lock, k Kind) {
	r := t.r
	if r == nil {
		return
	}
	atomic.StoreInt64(&r.waitSince, monotonic())
	atomic.StoreUint32(&r.reported, 0)
	read := uint32(0)
	if k.read() {
		read = 1
	}
	atomic.StoreUint32(&r.waitRead, read)
	atomic.StorePointer(&r.waitFor, unsafe.Pointer(l))
	r.mu.Unlock()
	atomic.AddInt32(&waiting, 1)
	if atomic.CompareAndSwapUint32(&running, 0, 1) {
		go watch()
	}
}

// Waited records that the wait is over.
func (t *Token) Waited() {
	r := t.r
	if r == nil {
		return
	}
	atomic.StorePointer(&r.waitFor, nil)
	atomic.AddInt32(&waiting, -1)
	t.r = claim(current())
}

// Acquired records that the acquisition Acquire checked succeeded (ok) or
// that a try failed.
func (l *Lock) Acquired(t Token, k Kind, ok bool) {
	r := t.r
	if r == nil {
		return
	}
	if ok {
		r.held = append(r.held, held{l: l, m: t.m, class: t.class, read: k.read()})
		atomic.AddInt32(&l.holds, 1)
		if !k.read() {
			atomic.StorePointer(&l.holder, unsafe.Pointer(r))
		}
	}
	r.mu.Unlock()
}

// Release records that l is about to be unlocked (read: RUnlock), by
// whichever goroutine: sync lets one goroutine unlock what another locked.
func (l *Lock) Release(read bool) {
	if atomic.LoadInt32(&l.holds) == 0 {
		return // taken while detection was off
	}
	if r := find(current()); r != nil {
		done := r.drop(l, read)
		r.mu.Unlock()
		if done {
			return
		}
	}
	// Another goroutine's lock: where it was taken for writing, else in
	// every record.
	if r := (*record)(atomic.LoadPointer(&l.holder)); r != nil && !read {
		r.mu.Lock()
		done := r.drop(l, false)
		r.mu.Unlock()
		if done {
			return
		}
	}
	dropped := false
	each(func(r *record) {
		if !dropped {
			dropped = r.drop(l, read)
		}
	})
}

// drop removes r's latest hold of l; r is locked.
func (r *record) drop(l *Lock, read bool) bool {
	for i := len(r.held) - 1; i >= 0; i-- {
		if r.held[i].l == l && r.held[i].read == read {
			copy(r.held[i:], r.held[i+1:])
			r.held[len(r.held)-1] = held{}
			r.held = r.held[:len(r.held)-1]
			atomic.AddInt32(&l.holds, -1)
			return true
		}
	}
	return false
}
