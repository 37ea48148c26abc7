package dotimport

import . "sync" // want `dot import of "sync" bypasses the lock facade`

var winMu Mutex
