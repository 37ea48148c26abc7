package missingrows

import "github.com/anacrolix/sync"

func profile() {
	sync.EnableContention() // want `github.com/anacrolix/sync.EnableContention bypasses the lock facade and has no facade equivalent`
	sync.EnableLockTimes()  // want `github.com/anacrolix/sync.EnableLockTimes bypasses the lock facade and has no facade equivalent`
}
