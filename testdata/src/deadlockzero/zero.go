// Package deadlockzero turns go-deadlock's wait-time check off; a Timeout
// of zero does the same in facade.UpdateDetectorOptions.
package deadlockzero

import "github.com/sasha-s/go-deadlock"

func init() {
	deadlock.Opts.DeadlockTimeout = 0 // want `github.com/sasha-s/go-deadlock.Opts.DeadlockTimeout bypasses the lock facade`
}
