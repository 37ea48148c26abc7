// Package semaphoremutex uses weight-1 semaphores as mutexes: every form
// that syncsweep proves and rewrites.
package semaphoremutex

import (
	"context"
	"errors"
	"log"

	"golang.org/x/sync/semaphore"
)

// Store guards its map with a semaphore of weight 1.
type Store struct {
	sem *semaphore.Weighted // want `golang.org/x/sync/semaphore.Weighted bypasses the lock facade`
	m   map[string]int
}

// NewStore makes a Store.
func NewStore() *Store {
	return &Store{sem: semaphore.NewWeighted(1), m: map[string]int{}} // want `golang.org/x/sync/semaphore.NewWeighted bypasses the lock facade`
}

// Get acquires with a context that is never cancelled.
func (s *Store) Get(k string) (int, error) {
	if err := s.sem.Acquire(context.Background(), 1); err != nil { // want `Acquire bypasses the lock facade`
		// The context is Background: this never happens.
		return 0, err
	}
	defer s.sem.Release(1) // want `Release bypasses the lock facade`
	return s.m[k], nil
}

// Put checks the error on the next line, through a local context.
func (s *Store) Put(k string, v int) {
	ctx := context.TODO()
	err := s.sem.Acquire(ctx, 1) // want `Acquire bypasses the lock facade`
	if err != nil {
		log.Printf("put %s: %v", k, err)
		return
	}
	s.m[k] = v
	s.sem.Release(1) // want `Release bypasses the lock facade`
}

// TryPut gives up when the lock is taken.
func (s *Store) TryPut(k string, v int) bool {
	if !s.sem.TryAcquire(1) { // want `TryAcquire bypasses the lock facade`
		return false
	}
	defer s.sem.Release(1) // want `Release bypasses the lock facade`
	s.m[k] = v
	return true
}

// Delete assigns to a declared error.
func (s *Store) Delete(k string) {
	var err error
	err = s.sem.Acquire(context.Background(), 1) // want `Acquire bypasses the lock facade`
	if err != nil {
		panic(err)
	}
	delete(s.m, k)
	s.sem.Release(1) // want `Release bypasses the lock facade`
}

// lock returns the acquire's error, which is always nil.
func (s *Store) lock() error {
	return s.sem.Acquire(context.Background(), 1) // want `Acquire bypasses the lock facade`
}

// Len ignores the error outright, and compares it with nil.
func (s *Store) Len() int {
	_ = s.sem.Acquire(context.Background(), 1) // want `Acquire bypasses the lock facade`
	n := len(s.m)
	s.sem.Release(1)                                   // want `Release bypasses the lock facade`
	if s.sem.Acquire(context.Background(), 1) != nil { // want `Acquire bypasses the lock facade`
		panic(errors.New("unreachable"))
	}
	s.sem.Release(1) // want `Release bypasses the lock facade`
	if err := s.lock(); err != nil {
		return -1
	}
	s.sem.Release(1) // want `Release bypasses the lock facade`
	return n
}

// Count uses a local semaphore.
func Count(items []string) int {
	sem := semaphore.NewWeighted(1) // want `golang.org/x/sync/semaphore.NewWeighted bypasses the lock facade`
	n := 0
	for range items {
		sem.Acquire(context.Background(), 1) // want `Acquire bypasses the lock facade`
		n++
		sem.Release(1) // want `Release bypasses the lock facade`
	}
	return n
}

// Pair holds two locks declared together.
type Pair struct {
	a, b *semaphore.Weighted // want `golang.org/x/sync/semaphore.Weighted bypasses the lock facade`
}

// NewPair makes a Pair.
func NewPair() *Pair {
	return &Pair{a: semaphore.NewWeighted(1), b: semaphore.NewWeighted(1)} // want `NewWeighted bypasses the lock facade` `NewWeighted bypasses the lock facade`
}

// Both takes both locks, and gives the first back when the second fails.
func (p *Pair) Both() {
	if err := p.a.Acquire(context.Background(), 1); err != nil { // want `Acquire bypasses the lock facade`
		return
	}
	if err := p.b.Acquire(context.Background(), 1); err != nil { // want `Acquire bypasses the lock facade`
		p.a.Release(1) // the first lock goes back
		return
	}
	p.b.Release(1) // want `Release bypasses the lock facade`
	p.a.Release(1) // want `Release bypasses the lock facade`
}

// Commented has comments inside the arguments that go.
func (s *Store) Commented() {
	s.sem.Acquire( // want `Acquire bypasses the lock facade`
		context.Background(), // never cancelled
		1,
	)
	s.sem.Release(1 /* one permit */) // want `Release bypasses the lock facade`
}

// Odd releases in its dead branch, which goes with the branch.
func (s *Store) Odd() {
	if err := s.sem.Acquire(context.Background(), 1); err != nil { // want `Acquire bypasses the lock facade`
		s.sem.Release(1)
		return
	}
	s.sem.Release(1) // want `Release bypasses the lock facade`
}
