// Package semaphorestrict is semaphorestays swept with the policy's
// reportNoEquivalent: the semaphores the facade has no equivalent for are
// findings too.
package semaphorestrict

import (
	"context"

	"golang.org/x/sync/semaphore"
)

type limits struct {
	conns  *semaphore.Weighted // want `conns cannot move to facade.Mutex: semaphore.NewWeighted\(max\) at stays.go:\d+: weight max is not the constant 1, so it is no mutex`
	timed  *semaphore.Weighted // want `timed cannot move to facade.Mutex: Acquire at stays.go:\d+: context ctx may be cancelled`
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
	var local *semaphore.Weighted // want `local cannot move to facade.Mutex: it is assigned l.conns at stays.go:\d+, not a constructor syncsweep maps`
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
