// Package deadlocklate sets go-deadlock's options where locks may already
// have been taken: the facade's options change at any time too.
package deadlocklate

import (
	"time"

	"github.com/sasha-s/go-deadlock"
)

// Server has a lock.
type Server struct {
	mu deadlock.Mutex // want `github.com/sasha-s/go-deadlock.Mutex bypasses the lock facade`
}

// Configure runs whenever its caller wants.
func Configure() {
	deadlock.Opts.DeadlockTimeout = 5 * time.Second // want `github.com/sasha-s/go-deadlock.Opts.DeadlockTimeout bypasses the lock facade`
}
