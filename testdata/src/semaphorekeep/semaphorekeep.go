// Package semaphorekeep uses semaphores that syncsweep cannot prove to be
// mutexes, and leaves each unchanged. Those that could move with a change
// the user can make (an error read later, an else branch, a semaphore
// passed on or exported) are reported, with why; a counting semaphore and
// a cancellable acquire, which the facade has no equivalent for, stay
// quietly (rewrite.Result.Stays lists them for -fix and -stats).
package semaphorekeep

import (
	"context"
	"time"

	"golang.org/x/sync/semaphore"
)

type pool struct {
	wide *semaphore.Weighted
	ctx  *semaphore.Weighted
	late *semaphore.Weighted // want `late cannot move to facade.Mutex: Acquire at semaphorekeep.go:\d+: err is used again at semaphorekeep.go:\d+`
	els  *semaphore.Weighted // want `els cannot move to facade.Mutex: Acquire at semaphorekeep.go:\d+: the if at semaphorekeep.go:\d+ has an else branch`
	out  *semaphore.Weighted // want `out cannot move to facade.Mutex: it is used as a value at semaphorekeep.go:\d+ \(passed to use\)`
	n2   *semaphore.Weighted
	tmo  *semaphore.Weighted
}

// Exported is visible to other packages.
var Exported = semaphore.NewWeighted(1) // want `Exported cannot move to facade.Mutex: it is exported`

func newPool() *pool {
	return &pool{
		wide: semaphore.NewWeighted(2),
		ctx:  semaphore.NewWeighted(1),
		late: semaphore.NewWeighted(1),
		els:  semaphore.NewWeighted(1),
		out:  semaphore.NewWeighted(1),
		n2:   semaphore.NewWeighted(1),
		tmo:  semaphore.NewWeighted(1),
	}
}

func use(*semaphore.Weighted) {} // want `golang.org/x/sync/semaphore.Weighted bypasses the lock facade; syncsweep moves it only as the type of a variable or field`

func (p *pool) run(ctx context.Context) error {
	p.wide.Acquire(context.Background(), 1)
	p.wide.Release(1)
	if err := p.ctx.Acquire(ctx, 1); err != nil {
		return err
	}
	p.ctx.Release(1)
	err := p.late.Acquire(context.Background(), 1)
	if err != nil {
		return err
	}
	p.late.Release(1)
	if err := p.els.Acquire(context.Background(), 1); err != nil {
		return err
	} else {
		p.els.Release(1)
	}
	use(p.out)
	p.n2.Acquire(context.Background(), 1)
	p.n2.Release(2)
	tctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := p.tmo.Acquire(tctx, 1); err != nil {
		return err
	}
	p.tmo.Release(1)
	Exported.Release(1)
	return err
}

// releaseUnacquired releases a semaphore nobody acquired, to see it panic
// (x/sync's own tests do): a facade.Mutex's Unlock of an unlocked mutex is
// a fatal error, which no recover catches, so w is no mutex.
func releaseUnacquired() (panicked bool) {
	defer func() { panicked = recover() != nil }()
	w := semaphore.NewWeighted(1) // want `w cannot move to facade.Mutex: it is released \(Release at semaphorekeep.go:\d+\) but never acquired`
	w.Release(1)
	return false
}
