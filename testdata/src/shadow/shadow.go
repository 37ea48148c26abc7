// Package shadow already uses the name facade for other things.
package shadow

import "sync"

type facadeT struct{ n int }

// Run has a parameter called facade where a lock is declared.
func Run(facade *facadeT) int {
	var mu sync.Mutex // want `sync.Mutex bypasses`
	mu.Lock()
	defer mu.Unlock()
	return facade.n
}

// Later declares facade after the site, which does not clash.
func Later() {
	var wg sync.WaitGroup // want `sync.WaitGroup bypasses`
	facade := 1
	_ = facade
	wg.Wait()
}
