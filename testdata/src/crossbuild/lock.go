// Package crossbuild declares the name facade in a Windows-only file.
package crossbuild

import "sync"

// Mu is compiled everywhere; its import must not be called facade.
var Mu sync.Mutex // want `sync.Mutex bypasses`
