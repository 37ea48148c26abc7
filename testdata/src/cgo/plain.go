package cgo

import "sync"

// Plain is in a file without cgo: it is rewritten.
var Plain sync.Mutex
