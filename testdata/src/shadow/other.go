package shadow

import "sync"

// Elsewhere needs no rename on its own, but the package-level name
// facade2 exists, so a rename here would skip it.
var facade2 = 2

// Free has no local facade, so the plain name works in this file.
var Free sync.RWMutex // want `sync.RWMutex bypasses`
