package imports

import (
	"os"
	// sync guards the table below.
	"sync" // keep this note

	"github.com/other/lib"
)

var table struct {
	sync.RWMutex // want `sync.RWMutex bypasses`
	rows         []string
}

func docs() { _, _ = os.Getwd(); _ = lib.V }
