// Package dotimport dot-imports sync: reported, not rewritten.
package dotimport

import . "sync" // want `dot import of "sync" bypasses the lock facade`

// Mu is a lock reached through the dot import.
var Mu Mutex
