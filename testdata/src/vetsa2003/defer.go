// Package vetsa2003 defers Lock right after locking.
package vetsa2003

import (
	"sync"

	"github.com/syncsweep/syncsweep/facade"
)

var mu facade.Mutex

var rw facade.RWMutex

type guarded struct{ mu facade.Mutex }

// Typo defers Lock where Unlock was meant.
func Typo() {
	mu.Lock()
	defer mu.Lock() // want `deferring Lock right after having locked already; did you mean to defer Unlock\?`
}

// ReadTypo defers RLock where RUnlock was meant.
func ReadTypo() {
	rw.RLock()
	defer rw.RLock() // want `deferring RLock right after having locked already; did you mean to defer RUnlock\?`
}

// Field is the same mistake on a field.
func (g *guarded) Field() {
	g.mu.Lock()
	defer g.mu.Lock() // want `deferring Lock right after having locked already; did you mean to defer Unlock\?`
}

// Silenced keeps staticcheck's directive, which the twin honours.
func Silenced() {
	mu.Lock()
	//lint:ignore SA2003 a test of the directive
	defer mu.Lock()
}

// NoReason's directive has no reason: it ignores nothing.
func NoReason() {
	mu.Lock()
	//lint:ignore SA2003
	defer mu.Lock() // want `deferring Lock right after having locked already`
}

// Right defers Unlock.
func Right() {
	mu.Lock()
	defer mu.Unlock()
}

// Other locks another lock after: no report.
func Other() {
	var other facade.Mutex
	mu.Lock()
	defer other.Lock()
}

// Std is staticcheck's own business.
func Std() {
	var m sync.Mutex
	m.Lock()
	defer m.Lock()
}
