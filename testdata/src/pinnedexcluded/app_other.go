//go:build !windows

package pinnedexcluded

import "sync"

// platformLock has a Windows variant, which hands its lock to generated
// code: both variants' parameters stay, and so does what they are given.
func platformLock(mu *sync.Mutex) { mu.Lock() } // want `platformLock's parameter mu stays \*sync\.Mutex: mu is passed to pinnedgen\.Use at app_windows\.go:23, which wants \*sync\.Mutex; pinnedgen\.Use is declared in generated file gen\.go`
