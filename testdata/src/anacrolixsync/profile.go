package anacrolixsync

import (
	"os"

	"github.com/anacrolix/sync"
)

func profile() {
	sync.Enable()                  // want `github.com/anacrolix/sync.Enable bypasses the lock facade and has no facade equivalent: lock-time profiling`
	sync.PrintLockTimes(os.Stderr) // want `github.com/anacrolix/sync.PrintLockTimes bypasses the lock facade and has no facade equivalent`
}
