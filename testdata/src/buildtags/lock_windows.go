package buildtags

import (
	"os"
	"sync"
)

// WinMu is compiled on Windows only.
var WinMu sync.RWMutex // want `sync.RWMutex bypasses`

func winOnly() {
	sync := os.Getenv("X") // a local that shadows the import
	_ = sync
}
