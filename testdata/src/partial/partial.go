// Package partial is half swept: it imports the facade already.
package partial

import (
	"sync"

	"github.com/syncsweep/syncsweep/facade"
)

var (
	done facade.Mutex
	left sync.Mutex // want `sync.Mutex bypasses`
)

// Use locks both.
func Use() { done.Lock(); left.Lock() }
