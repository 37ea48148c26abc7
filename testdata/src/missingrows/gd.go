// Package missingrows uses the third-party lock APIs that have no facade
// equivalent: each is reported with what to do, and nothing changes.
package missingrows

import "github.com/sasha-s/go-deadlock"

func init() {
	deadlock.Opts.DisableLockOrderDetection = true       // want `go-deadlock.Opts.DisableLockOrderDetection bypasses the lock facade and has no facade equivalent: the facade's deadlock backend always checks lock order`
	deadlock.Opts.MaxMapSize = 1 << 10                   // want `go-deadlock.Opts.MaxMapSize bypasses the lock facade and has no facade equivalent: the facade's detector bounds its own order tables`
	deadlock.Opts.PrintAllCurrentGoroutines = true       // want `go-deadlock.Opts.PrintAllCurrentGoroutines bypasses the lock facade and has no facade equivalent`
	deadlock.Opts.TimerPool = deadlock.TimerPoolDisabled // want `go-deadlock.Opts.TimerPool bypasses the lock facade and has no facade equivalent: the facade's detector uses no timer per lock`
}
