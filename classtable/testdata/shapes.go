package shapes

import "sync"

var global sync.Mutex

type Cache struct {
	mu    sync.Mutex
	store *Store
}

type Store struct {
	mu    sync.RWMutex
	cache *Cache
}

// Embedded: the lock is the field Node.Mutex.
type Node struct {
	sync.Mutex
	children []*Node
}

type Shards struct {
	locks [4]sync.Mutex
}

type Box[T any] struct {
	mu sync.Mutex
	v  T
}

func (c *Cache) Refresh() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.store.mu.RLock()
	c.store.mu.RUnlock()
}

func (s Store) Evict() {
	s.cache.mu.Lock()
	s.cache.mu.Unlock()
}

func (n *Node) Walk() {
	n.Lock()
	for _, c := range n.children {
		c.Lock()
		c.Unlock()
	}
	n.Unlock()
}

func (s *Shards) Get(i int) {
	s.locks[i%4].Lock()
	s.locks[i%4].Unlock()
}

func (b *Box[T]) Set(v T) {
	b.mu.Lock()
	b.v = v
	b.mu.Unlock()
}

func Global() {
	global.Lock()
	go func() {
		var local sync.Mutex
		local.Lock()
		local.Unlock()
	}()
	global.Unlock()
}

// Through a pointer: not a declaration; the detector classes it by site.
func Through(mu *sync.Mutex, l sync.Locker) {
	mu.Lock()
	mu.Unlock()
	l.Lock()
	l.Unlock()
}

var initLock = func() bool { global.TryLock(); return true }()
