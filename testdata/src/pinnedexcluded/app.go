// Package pinnedexcluded hands locks to generated code from files that
// this build excludes: the rule holds on every build.
package pinnedexcluded

import (
	"sync"
	"sync/atomic"

	"pinnedgen"
)

// winShared is handed to generated code only in app_windows.go: it stays
// on every build, and is reported here.
var winShared sync.Mutex // want `winShared stays sync\.Mutex: &winShared is passed to pinnedgen\.Use at app_windows\.go:17, which wants \*sync\.Mutex; pinnedgen\.Use is declared in generated file gen\.go`

// plain is only locked: it moves.
var plain sync.Mutex // want `sync\.Mutex bypasses`

// counter is counted, on Plan 9 only, by a package that this build does
// not load: what it wants is unknown, so it stays.
var counter atomic.Int64 // want `counter stays atomic\.Int64: &counter is passed to ext\.Count at app_plan9\.go:5; ext\.Count is declared in example\.com/ext, which this build does not load, so syncsweep cannot tell what it wants`

// Plain locks plain.
func Plain() {
	plain.Lock()
	plain.Unlock()
	pinnedgen.UseAll(nil)
}

func lockAll(mus ...*sync.Mutex) { // want `sync\.Mutex bypasses`
	for _, mu := range mus {
		mu.Lock()
	}
}

// plat goes to platformLock, whose Windows variant hands it on.
var plat sync.Mutex // want `plat stays sync\.Mutex: &plat is passed to platformLock at app\.go:40; mu is passed to pinnedgen\.Use at app_windows\.go:23, which wants \*sync\.Mutex; pinnedgen\.Use is declared in generated file gen\.go`

// Platform locks plat.
func Platform() { platformLock(&plat) }
