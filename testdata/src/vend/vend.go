// Package vend vendors a package that uses sync.
package vend

import "lockpkg"

// Use locks the vendored lock.
func Use() { lockpkg.Mu.Lock() }
