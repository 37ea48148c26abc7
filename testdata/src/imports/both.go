package imports

import (
	"os"
	"sync"
	"sync/atomic"
)

var (
	bothMu sync.Mutex   // want `sync.Mutex bypasses`
	bothN  atomic.Int64 // want `sync/atomic.Int64 bypasses`
)

func both() { _ = os.Args; bothMu.Lock(); bothN.Add(1); bothMu.Unlock() }
