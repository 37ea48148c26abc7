// Package badexcluded has a Windows file that does not parse.
package badexcluded

import "sync"

// Mu is compiled everywhere.
var Mu sync.Mutex // want `sync.Mutex bypasses`
