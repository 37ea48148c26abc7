// This module's go line (1.21) keeps the pre-Go 1.23 timer channels, and
// the explore backend's testing/synctest bubbles need the new ones.

//go:debug asynctimerchan=0

package worker

import (
	"bytes"
	"testing"

	"github.com/syncsweep/syncsweep/facade/stress"
)

// TestUnderStress runs the pool and the ready signal the way the build's
// facade backend calls for: once (sync, deadlock), or under many
// schedules (explore, once the workspace is swept).
func TestUnderStress(t *testing.T) {
	stress.Run(t, func() {
		p := NewPool()
		r := NewReady()
		waiters := make(chan struct{})
		for i := 0; i < 2; i++ {
			go func() {
				r.Wait()
				waiters <- struct{}{}
			}()
		}
		p.Run(map[string]func(*bytes.Buffer){
			"a": func(b *bytes.Buffer) { b.WriteString("A") },
			"b": func(b *bytes.Buffer) { b.WriteString("B") },
		})
		r.Set()
		<-waiters
		<-waiters
		if p.Done() != 2 {
			t.Errorf("Done() = %d, want 2", p.Done())
		}
		if v, ok := p.Result("b"); !ok || v != "B" {
			t.Errorf("Result(b) = %q, %v", v, ok)
		}
	})
}
