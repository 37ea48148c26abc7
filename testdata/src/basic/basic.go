// Package basic holds every form a reference to sync can take.
package basic

import (
	"fmt"
	"sync" // the one lock package
)

// T guards its fields with a mutex; the comments must stay aligned.
type T struct {
	mu    sync.Mutex             // want `sync.Mutex bypasses the lock facade`
	rw    *sync.RWMutex          // want `sync.RWMutex bypasses`
	locks []*sync.Mutex          // want `sync.Mutex bypasses`
	byKey map[string]sync.Locker // want `sync.Locker bypasses`
	ch    chan *sync.Once        // want `sync.Once bypasses`
	n     int
}

// E embeds locks.
type E struct {
	sync.Mutex      // want `sync.Mutex bypasses`
	*sync.WaitGroup // want `sync.WaitGroup bypasses`
}

// Guarded is an interface that embeds sync.Locker.
type Guarded interface {
	sync.Locker // want `sync.Locker bypasses`
	Guarded() bool
}

// M is a user alias of a sync type.
type M = sync.Mutex // want `sync.Mutex bypasses`

// Box is generic over a lock.
type Box[L sync.Locker] struct{ l L } // want `sync.Locker bypasses`

var (
	global     sync.Map                   // want `sync.Map bypasses`
	pool       = sync.Pool{New: newBuf}   // want `sync.Pool bypasses`
	once       = new(sync.Once)           // want `sync.Once bypasses`
	lazy       = sync.OnceValue(compute)  // want `sync.OnceValue bypasses`
	lazy2      = sync.OnceValues(pair)    // want `sync.OnceValues bypasses`
	runOnce    = sync.OnceFunc(func() {}) // want `sync.OnceFunc bypasses`
	box        Box[*sync.Mutex]           // want `sync.Mutex bypasses`
	lockMethod = (*sync.Mutex).Lock       // want `sync.Mutex bypasses`
)

func newBuf() any { return new([]byte) }

func compute() int { return 1 }

func pair() (int, error) { return 1, nil }

// Use exercises values, conversions, assertions and switches.
func Use(l sync.Locker) { // want `sync.Locker bypasses`
	mu := &sync.Mutex{} // want `sync.Mutex bypasses`
	var rw sync.RWMutex // want `sync.RWMutex bypasses`
	unlock := mu.Unlock
	mu.Lock()
	unlock()
	cond := sync.NewCond(&rw) // want `sync.NewCond bypasses`
	_ = cond
	var wg sync.WaitGroup // want `sync.WaitGroup bypasses`
	wg.Go(func() {})
	wg.Wait()
	if m, ok := l.(*sync.Mutex); ok { // want `sync.Mutex bypasses`
		m.Lock()
	}
	switch l.(type) {
	case *sync.RWMutex: // want `sync.RWMutex bypasses`
	case *M:
	}
	var m M
	p := (*sync.Mutex)(&m) // want `sync.Mutex bypasses`
	// A promoted method is a use of the embedded field, which is where
	// it is reported (in E above): the call itself needs no edit.
	var e E
	e.Lock()
	promoted := (*E).Unlock
	fmt.Println(p, lazy(), once, &global, pool.Get(), box, lockMethod, lazy2, runOnce, promoted)
}
