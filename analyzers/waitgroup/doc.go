// Package waitgroup defines an Analyzer that reports a WaitGroup.Add
// called from inside the goroutine it should count, on the facade's
// WaitGroup: the twin of go vet's waitgroup check (and of staticcheck's
// SA2000), which recognize sync.WaitGroup alone and so lose sight of the
// code syncsweep moved onto the facade.
//
// # Analyzer facadewaitgroup
//
// facadewaitgroup: check for misuses of the facade's WaitGroup
//
// This analyzer reports, as go vet's does, at the same position and with
// the same words, a call to WaitGroup.Add that is the first statement of
// a function literal started by a go statement:
//
//	var wg facade.WaitGroup
//	go func() {
//		wg.Add(1) // "WaitGroup.Add called from inside new goroutine"
//		defer wg.Done()
//		...
//	}()
//	wg.Wait() // may return before the goroutine's Add
//
// The WaitGroup is the policy's facade's (syncsweep's by default, or an
// in-house one with the same names); go vet keeps checking sync's.
package waitgroup
