//go:build go1.21

package facade_test

import (
	"errors"
	"testing"

	"github.com/syncsweep/syncsweep/facade"
)

func TestOnceFuncs(t *testing.T) {
	n := 0
	f := facade.OnceFunc(func() { n++ })
	f()
	f()
	if n != 1 {
		t.Errorf("OnceFunc: f ran %d times", n)
	}

	v := facade.OnceValue(func() int { n++; return n })
	if a, b := v(), v(); a != 2 || b != 2 {
		t.Errorf("OnceValue = %d, %d; want 2, 2", a, b)
	}

	errX := errors.New("x")
	vs := facade.OnceValues(func() (int, error) { n++; return n, errX })
	for i := 0; i < 2; i++ {
		if got, err := vs(); got != 3 || err != errX {
			t.Errorf("OnceValues = %d, %v; want 3, x", got, err)
		}
	}

	p := facade.OnceFunc(func() { panic("boom") })
	for i := 0; i < 2; i++ {
		func() {
			defer func() {
				if r := recover(); r != "boom" {
					t.Errorf("call %d: recovered %v, want the same panic each call", i, r)
				}
			}()
			p()
		}()
	}
}
