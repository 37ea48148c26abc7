// Package buildtags has files that only some builds compile.
package buildtags

import "sync"

// Mu is compiled everywhere.
var Mu sync.Mutex // want `sync.Mutex bypasses`
