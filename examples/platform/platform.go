// Package platform keeps per-OS state behind a lock.
package platform

import gosync "sync" // renamed: this package has its own notion of sync

var (
	mu   gosync.Mutex
	name = "unix"
)

// Name returns the platform's name.
func Name() string {
	mu.Lock()
	defer mu.Unlock()
	return name
}
