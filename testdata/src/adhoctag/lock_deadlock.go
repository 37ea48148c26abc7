//go:build deadlock

// Package adhoctag chose go-deadlock or sync with a build tag of its own,
// the facade's job now.
package adhoctag

import "github.com/sasha-s/go-deadlock"

// Mutex is go-deadlock's under the deadlock tag.
type Mutex = deadlock.Mutex // want `github.com/sasha-s/go-deadlock.Mutex bypasses the lock facade`
