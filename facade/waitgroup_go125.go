//go:build go1.25 && !explore

package facade

// Go calls f in a new goroutine and adds that task to the WaitGroup; see
// [sync.WaitGroup.Go].
func (wg *WaitGroup) Go(f func()) { wg.std().Go(f) }
