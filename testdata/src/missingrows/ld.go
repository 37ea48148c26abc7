package missingrows

import (
	"io"

	"github.com/linkdata/deadlock"
)

func configure(w io.Writer) {
	_ = w
	deadlock.Opts.WriteLocked(func() { // want `github.com/linkdata/deadlock.Opts bypasses the lock facade and has no facade equivalent`
		deadlock.Opts.MaxMapSize = 64                   // want `linkdata/deadlock.Opts.MaxMapSize bypasses the lock facade and has no facade equivalent`
		deadlock.Opts.OnPotentialDeadlock = func() {}   // want `linkdata/deadlock.Opts.OnPotentialDeadlock bypasses the lock facade and has no facade equivalent: use facade.ReportDeadlocksTo`
		deadlock.Opts.PrintAllCurrentGoroutines = false // want `linkdata/deadlock.Opts.PrintAllCurrentGoroutines bypasses the lock facade and has no facade equivalent`
	})
}
