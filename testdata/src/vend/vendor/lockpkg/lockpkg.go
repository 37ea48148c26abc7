// Package lockpkg is vendored code: never rewritten.
package lockpkg

import "sync"

// Mu is a lock in vendored code.
var Mu sync.Mutex
