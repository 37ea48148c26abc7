// The whole file keeps staticcheck's directive.
//lint:file-ignore SA2000 a test of the directive

package vetsa2000

import "github.com/syncsweep/syncsweep/facade"

// Ignored adds inside the goroutine, in a file that silences SA2000.
func Ignored() {
	var wg facade.WaitGroup
	go func() {
		wg.Add(1)
		wg.Done()
	}()
	wg.Wait()
}
