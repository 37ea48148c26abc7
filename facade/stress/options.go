package stress

import "testing"

// An Option changes how Run treats its body.
type Option struct {
	backend, why string
}

// NotUnder declares that backend ("sync", "deadlock" or "explore") cannot
// serve the test, and why: under that backend Run skips the test, saying
// why, and the body does not run.
func NotUnder(backend, why string) Option { return Option{backend: backend, why: why} }

// skip skips t when an option rules out this build's backend.
func skip(t testing.TB, opts []Option) bool {
	t.Helper()
	for _, o := range opts {
		if o.backend == backend {
			t.Skipf("stress: not run under the %s backend: %s", backend, o.why)
			return true
		}
	}
	return false
}

// Backend names the build's facade backend: "sync" (no tag), "deadlock" or
// "explore".
func Backend() string { return backend }
