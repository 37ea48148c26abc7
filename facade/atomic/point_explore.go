//go:build explore && go1.25

package atomic

import "github.com/syncsweep/syncsweep/facade/internal/explore"

// point is a scheduling point: under an exploration every atomic operation
// lets the scheduler choose who runs next, then runs on the real value (so
// the race detector sees it as the atomic it is). Go's memory model makes
// the atomics sequentially consistent, and so are they here: one runs at a
// time.
func point() {
	if s := explore.Current(); s != nil {
		s.Do(explore.Call{Op: explore.Yield})
	}
}
