// Package vetwaitgroup calls WaitGroup.Add inside the goroutine it counts,
// on the facade's WaitGroup and on sync's (which go vet checks itself).
package vetwaitgroup

import (
	"sync"

	"github.com/syncsweep/syncsweep/facade"
)

func work() {}

// Bad adds inside the goroutine: Wait may return first.
func Bad() {
	var wg facade.WaitGroup
	go func() {
		wg.Add(1) // want "WaitGroup.Add called from inside new goroutine"
		defer wg.Done()
		work()
	}()
	wg.Wait()
}

// Param adds the literal's own parameter: reported, with no fix, since n
// does not exist before the go statement.
func Param() {
	var wg facade.WaitGroup
	go func(n int) {
		wg.Add(n) // want "WaitGroup.Add called from inside new goroutine"
		wg.Done()
	}(1)
	wg.Wait()
}

// Good adds before the goroutine starts.
func Good() {
	var wg facade.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		work()
	}()
	wg.Wait()
}

// NotFirst is not the shape go vet reports either: the Add is not the
// goroutine's first statement.
func NotFirst() {
	var wg facade.WaitGroup
	go func() {
		work()
		wg.Add(1)
		wg.Done()
	}()
}

// Std is go vet's own business.
func Std() {
	var wg sync.WaitGroup
	go func() {
		wg.Add(1)
		wg.Done()
	}()
	wg.Wait()
}
