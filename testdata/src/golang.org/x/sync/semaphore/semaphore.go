// Package semaphore is a stub of golang.org/x/sync/semaphore v0.24.0 for
// the fixtures: the same exported API, built on a channel.
package semaphore

import "context"

// Weighted provides a way to bound concurrent access to a resource.
type Weighted struct {
	ch chan struct{}
}

// NewWeighted creates a new weighted semaphore with the given maximum
// combined weight for concurrent access.
func NewWeighted(n int64) *Weighted { return &Weighted{ch: make(chan struct{}, n)} }

// Acquire acquires the semaphore with a weight of n, blocking until
// resources are available or ctx is done.
func (s *Weighted) Acquire(ctx context.Context, n int64) error {
	select {
	case s.ch <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// TryAcquire acquires the semaphore with a weight of n without blocking.
func (s *Weighted) TryAcquire(n int64) bool {
	select {
	case s.ch <- struct{}{}:
		return true
	default:
		return false
	}
}

// Release releases the semaphore with a weight of n.
func (s *Weighted) Release(n int64) { <-s.ch }
