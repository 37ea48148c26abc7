// Package usertype uses a user's own types named like sync's.
package usertype

import "mysync"

// Mutex is declared here and is not sync.Mutex.
type Mutex struct{}

// Lock does nothing.
func (*Mutex) Lock() {}

var (
	a Mutex
	b sync.Mutex
)

// Use locks both.
func Use() { a.Lock(); b.Lock() }
