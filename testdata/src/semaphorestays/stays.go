// Package semaphorestays holds semaphores the facade has no equivalent
// for: a counting semaphore, one whose acquire can be cancelled, and a
// local copy of the counting one. None is a finding: they stay, listed in
// the sweep's result. A weight-1 semaphore passed on could move with a
// change the user can make, and is reported; one used as a mutex moves.
package semaphorestays

import (
	"context"

	"golang.org/x/sync/semaphore"
)

type limits struct {
	conns  *semaphore.Weighted
	timed  *semaphore.Weighted
	passed *semaphore.Weighted // want `passed cannot move to facade.Mutex: it is used as a value at stays.go:\d+ \(passed to hand\)`
	mu     *semaphore.Weighted // want `golang.org/x/sync/semaphore.Weighted bypasses the lock facade`
}

func newLimits(max int64) *limits {
	return &limits{
		conns:  semaphore.NewWeighted(max),
		timed:  semaphore.NewWeighted(1),
		passed: semaphore.NewWeighted(1),
		mu:     semaphore.NewWeighted(1), // want `golang.org/x/sync/semaphore.NewWeighted bypasses the lock facade`
	}
}

func hand(*semaphore.Weighted) {} // want `golang.org/x/sync/semaphore.Weighted bypasses the lock facade; syncsweep moves it only as the type of a variable or field`

func (l *limits) serve(ctx context.Context) error {
	var local *semaphore.Weighted
	local = l.conns
	if err := local.Acquire(context.Background(), 1); err != nil {
		return err
	}
	defer local.Release(1)
	if err := l.timed.Acquire(ctx, 1); err != nil {
		return err
	}
	l.timed.Release(1)
	hand(l.passed)
	l.mu.Acquire(context.Background(), 1) // want `golang.org/x/sync/semaphore.Weighted.Acquire bypasses`
	l.mu.Release(1)                       // want `golang.org/x/sync/semaphore.Weighted.Release bypasses`
	return nil
}
