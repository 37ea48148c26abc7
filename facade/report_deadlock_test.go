//go:build deadlock

package facade

import (
	"strings"
	"testing"
)

// The default reaction panics (go test then fails at the culprit) rather
// than exiting the process as go-deadlock's own default does.
func TestDefaultReactionPanics(t *testing.T) {
	defer func() {
		if r, _ := recover().(string); !strings.Contains(r, "potential deadlock") {
			t.Fatalf("recover() = %q", r)
		}
	}()
	reportAndPanic("(a report)\n")
}
