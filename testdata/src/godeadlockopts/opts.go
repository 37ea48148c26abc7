// Package godeadlockopts sets go-deadlock options that the facade has no
// equivalent for, and a wrapper that is not the facade's: reported.
package godeadlockopts

import (
	"os"

	"github.com/sasha-s/go-deadlock"
)

func init() {
	deadlock.Opts.LogBuf = os.Stdout              // want `github.com/sasha-s/go-deadlock.Opts.LogBuf bypasses the lock facade and has no facade equivalent: the deadlock backend prints its reports to stderr`
	deadlock.Opts.OnPotentialDeadlock = func() {} // want `Opts.OnPotentialDeadlock bypasses the lock facade and has no facade equivalent: use facade.ReportDeadlocksTo`
}

var l deadlock.Locker // want `github.com/sasha-s/go-deadlock.Locker bypasses the lock facade and has no facade equivalent: deadlock.Locker is a struct`

// Debug reports whether detection is on.
func Debug() bool {
	return !deadlock.Opts.Disable // want `github.com/sasha-s/go-deadlock.Opts bypasses the lock facade and has no facade equivalent`
}
