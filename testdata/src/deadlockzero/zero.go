// Package deadlockzero turns go-deadlock's wait-time check off, which
// the facade's deadlock backend cannot do alone.
package deadlockzero

import "github.com/sasha-s/go-deadlock"

func init() {
	deadlock.Opts.DeadlockTimeout = 0 // want `its DeadlockTimeout 0 turns go-deadlock's wait-time check off`
}
