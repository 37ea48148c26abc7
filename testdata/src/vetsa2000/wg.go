// Package vetsa2000 calls WaitGroup.Add inside the goroutine it counts.
package vetsa2000

import (
	"sync"

	"github.com/syncsweep/syncsweep/facade"
)

// Bad adds inside the goroutine.
func Bad() {
	var wg facade.WaitGroup
	go func() {
		wg.Add(1) // want `should call wg.Add\(1\) before starting the goroutine to avoid a race`
		wg.Done()
	}()
	wg.Wait()
}

// Good adds first.
func Good() {
	var wg facade.WaitGroup
	wg.Add(1)
	go func() { wg.Done() }()
	wg.Wait()
}

// Std is staticcheck's own business.
func Std() {
	var wg sync.WaitGroup
	go func() {
		wg.Add(1)
		wg.Done()
	}()
	wg.Wait()
}
