package generated

import "sync"

// Hand is hand-written beside the generated file.
var Hand sync.Mutex // want `sync.Mutex bypasses`
