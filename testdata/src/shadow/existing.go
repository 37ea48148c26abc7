package shadow

import (
	"sync"

	"github.com/syncsweep/syncsweep/facade"
)

var already facade.Mutex

// Existing already imports the facade, but a parameter hides its name
// where the lock is declared: the facade is imported again, freshly named.
func Existing(facade int) int {
	var mu sync.Mutex // want `sync.Mutex bypasses`
	mu.Lock()
	defer mu.Unlock()
	already.Lock()
	defer already.Unlock()
	return facade
}
