// Package allowlisted is exempt by policy: it may use sync directly.
package allowlisted

import "sync"

// Mu is an alias of sync.Mutex: its uses in other packages are direct uses.
type Mu = sync.Mutex

// Raw is a plain lock, used directly on purpose.
var Raw sync.Mutex
