package stubgen

import (
	"go/parser"
	"go/token"
	"testing"
)

// TestStubFile pins down what a stub keeps and what it drops, on inputs
// that the facade does not have (yet): vars, consts, init, shadowed and
// named imports.
func TestStubFile(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{{
		name: "bodies become a panic, results and all",
		src: `package p

// F is documented.
func F(x int) (n int, err error) {
	if x > 0 {
		return x, nil
	}
	return 0, nil
}

func (T) m() {}

type T struct{}
`,
		want: `package p

func F(x int) (n int, err error) { panic("facadeapi stub") }

func (T) m() { panic("facadeapi stub") }

type T struct{}
`,
	}, {
		name: "build line kept, legacy +build line and comments dropped",
		src: `// Copyright notice.

//go:build go1.21 && !deadlock
// +build go1.21,!deadlock

// Package p is documented.
package p

type T struct {
	a int // a comment
	// B is documented.
	B string
}
`,
		want: `//go:build go1.21 && !deadlock

package p

type T struct {
	a int

	B string
}
`,
	}, {
		name: "typed var loses its value and the import only that used",
		src: `package p

import (
	"strings"
	"time"
)

var d time.Duration = time.Duration(len(strings.Repeat("x", 3)))
`,
		want: `package p

import (
	"time"
)

var d time.Duration
`,
	}, {
		name: "untyped var keeps its value, function literals stubbed",
		src: `package p

import (
	"fmt"
	"time"
)

var (
	d    = time.Second
	f    = func(x int) string { return fmt.Sprint(x) }
	a, b = g()
)

func g() (int, string) { return 0, "" }
`,
		want: `package p

import (
	"time"
)

var (
	d    = time.Second
	f    = func(x int) string { panic("facadeapi stub") }
	a, b = g()
)

func g() (int, string) { panic("facadeapi stub") }
`,
	}, {
		name: "consts kept whole, iota and all",
		src: `package p

import "math"

const (
	A = iota
	B
	Max = math.MaxInt32
)
`,
		want: `package p

import "math"

const (
	A = iota
	B
	Max = math.MaxInt32
)
`,
	}, {
		name: "named import used in a signature kept, shadowed one removed",
		src: `package p

import (
	"strings"
	stdatomic "sync/atomic"
)

func F(v *stdatomic.Int32) { strings := 1; _ = strings }

func init() { _ = strings.ToUpper("") }
`,
		want: `package p

import (
	stdatomic "sync/atomic"
)

func F(v *stdatomic.Int32) { panic("facadeapi stub") }

func init() { panic("facadeapi stub") }
`,
	}, {
		name: "generic types and methods",
		src: `package p

type P[T any] struct{ v *T }

func (x *P[T]) Load() *T { return x.v }

func Map[K comparable, V any](m map[K]V) []K { return nil }
`,
		want: `package p

type P[T any] struct{ v *T }

func (x *P[T]) Load() *T { panic("facadeapi stub") }

func Map[K comparable, V any](m map[K]V) []K { panic("facadeapi stub") }
`,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, "p.go", tt.src, parser.ParseComments)
			if err != nil {
				t.Fatal(err)
			}
			got, err := stubFile(fset, f)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("stub of\n%s\ngot:\n%s\nwant:\n%s", tt.src, got, tt.want)
			}
		})
	}
}
