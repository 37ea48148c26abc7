// Package godeadlockopts sets go-deadlock options that the facade has no
// equivalent for, and a wrapper that is not the facade's: reported.
package godeadlockopts

import (
	"os"
	"time"

	"github.com/sasha-s/go-deadlock"
)

func init() {
	deadlock.Opts.LogBuf = os.Stdout              // want `the package also uses deadlock.Opts at opts.go:21, which would no longer see these settings`
	deadlock.Opts.OnPotentialDeadlock = func() {} // want `Opts.OnPotentialDeadlock bypasses the lock facade and has no facade equivalent: use facade.ReportDeadlocksTo`
}

var l deadlock.Locker // want `github.com/sasha-s/go-deadlock.Locker bypasses the lock facade and has no facade equivalent: deadlock.Locker is a struct`

// Debug reports whether detection is on.
func Debug() bool {
	return !deadlock.Opts.Disable // want `github.com/sasha-s/go-deadlock.Opts bypasses the lock facade and has no facade equivalent`
}

// Configure may run at any time.
func Configure(d time.Duration) {
	deadlock.Opts.DeadlockTimeout = d // want `the package also uses deadlock.Opts at opts.go:21, which would no longer see these settings`
}
