package pinnedexcluded

import (
	"sync"

	"pinnedgen"
)

// winOnly is declared and handed to generated code here: it stays.
var winOnly sync.Mutex // want `winOnly stays sync\.Mutex: &winOnly is passed to pinnedgen\.Use at app_windows\.go:16, which wants \*sync\.Mutex; pinnedgen\.Use is declared in generated file gen\.go`

// winFree is only locked: it moves.
var winFree sync.Mutex // want `sync\.Mutex bypasses`

func init() {
	pinnedgen.Use(&winOnly)
	pinnedgen.Use(&winShared)
	winFree.Lock()
	winFree.Unlock()
	lockAll(&winFree)
}

func platformLock(mu *sync.Mutex) { pinnedgen.Use(mu) }
