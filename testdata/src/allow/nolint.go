package allow

import "sync"

// golangci-lint's own form keeps a use too, so that --fix never deletes an
// import a filtered line still needs.
type N struct {
	a sync.Mutex //nolint:syncsweep // shared with cgo
	b sync.Mutex //nolint:errcheck,syncsweep
	c sync.Mutex //nolint
	d sync.Mutex //nolint:errcheck // want `sync.Mutex bypasses the lock facade`
	e sync.Mutex //nolintx // want `sync.Mutex bypasses the lock facade`
	f sync.Mutex // want `sync.Mutex bypasses the lock facade`
}

//nolint:all // the whole declaration: a benchmark baseline
var baseline2 struct {
	a, b sync.Mutex
}

//nolint:syncsweep // nothing to keep here, and nolintlint says so, not us
var x = 1
