//go:build !explore

package stress_test

import "testing"

// recorder is a testing.TB that records Fatalf instead of stopping.
type recorder struct {
	testing.TB
	msg string
}

func (r *recorder) Fatalf(format string, args ...any) {
	r.msg = format
	if len(args) > 0 {
		r.msg, _ = args[0].(string)
	}
}

func (r *recorder) Helper() {}
