package rewrite_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/syncsweep/syncsweep/policy"
	"github.com/syncsweep/syncsweep/rewrite"
)

// guardedSource returns a package with n weight-1 semaphores, each with
// dead error handling to remove: the proofs' work grows with it.
func guardedSource(n int) string {
	var b strings.Builder
	b.WriteString("package p\n\nimport (\n\t\"context\"\n\n\t\"golang.org/x/sync/semaphore\"\n)\n\ntype S struct {\n")
	for i := range n {
		fmt.Fprintf(&b, "\ts%d *semaphore.Weighted\n", i)
	}
	b.WriteString("}\n\nfunc New() *S {\n\treturn &S{\n")
	for i := range n {
		fmt.Fprintf(&b, "\t\ts%d: semaphore.NewWeighted(1),\n", i)
	}
	b.WriteString("\t}\n}\n")
	for i := range n {
		fmt.Fprintf(&b, `
func (s *S) F%[1]d() error {
	ctx := context.Background()
	if err := s.s%[1]d.Acquire(ctx, 1); err != nil {
		// never
		return err
	}
	defer s.s%[1]d.Release(1)
	return nil
}
`, i)
	}
	return b.String()
}

// BenchmarkSweepGuarded times the sweep of one package of n semaphores
// used as mutexes. ns/op should grow about linearly with n: compare the
// sizes (the proofs once went quadratic, taking minutes at n=1500).
func BenchmarkSweepGuarded(b *testing.B) {
	rules, err := policy.Policy{}.Compile()
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{100, 1000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			src := []byte(guardedSource(n))
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
			if err != nil {
				b.Fatal(err)
			}
			pkg, info, err := check(fset, newImporter(b, fset), f)
			if err != nil {
				b.Fatal(err)
			}
			findings := benchSweep(b, rules, fset, f, src, pkg, info)
			// Per semaphore: the type, the constructor, Acquire, Release.
			if want := 4 * n; findings != want {
				b.Fatalf("%d findings, want %d", findings, want)
			}
		})
	}
}

// pinnedSource returns a package of n locks, each a field handed to a
// helper and a variable handed to it through a local; every other helper
// also hands its lock to a package outside the module, so half of the
// locks stay and are reported, and half move.
func pinnedSource(n int) string {
	var b strings.Builder
	b.WriteString("package p\n\nimport (\n\t\"sync\"\n\n\t\"example.com/gen\"\n)\n\ntype S struct {\n")
	for i := range n {
		fmt.Fprintf(&b, "\tm%d sync.Mutex\n", i)
	}
	b.WriteString("}\n")
	for i := range n {
		use := ""
		if i%2 == 0 {
			use = "\n\tgen.Use(mu)"
		}
		fmt.Fprintf(&b, `
var l%[1]d sync.Mutex

func h%[1]d(mu *sync.Mutex) {
	mu.Lock()%[2]s
}

func (s *S) F%[1]d() {
	h%[1]d(&s.m%[1]d)
	x := &l%[1]d
	h%[1]d(x)
}
`, i, use)
	}
	return b.String()
}

// BenchmarkSweepPinned times the sweep of a package whose locks flow
// through helpers, half of them to code the sweep does not rewrite: the
// union-find over its flows should keep ns/op about linear in n.
func BenchmarkSweepPinned(b *testing.B) {
	rules, err := policy.Policy{}.Compile()
	if err != nil {
		b.Fatal(err)
	}
	fset := token.NewFileSet()
	base := newImporter(b, fset)
	genFile, err := parser.ParseFile(fset, "gen.go", "package gen\n\nimport \"sync\"\n\nfunc Use(mu *sync.Mutex) {}\n", 0)
	if err != nil {
		b.Fatal(err)
	}
	gen, err := (&types.Config{Importer: base}).Check("example.com/gen", fset, []*ast.File{genFile}, nil)
	if err != nil {
		b.Fatal(err)
	}
	imp := importerFunc(func(path string) (*types.Package, error) {
		if path == gen.Path() {
			return gen, nil
		}
		return base.Import(path)
	})
	for _, n := range []int{100, 1000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			src := []byte(pinnedSource(n))
			f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
			if err != nil {
				b.Fatal(err)
			}
			pkg, info, err := check(fset, imp, f)
			if err != nil {
				b.Fatal(err)
			}
			findings := benchSweep(b, rules, fset, f, src, pkg, info)
			// Per lock: the field, the helper's parameter and the
			// variable, each moved or reported as staying.
			if want := 3 * n; findings != want {
				b.Fatalf("%d findings, want %d", findings, want)
			}
		})
	}
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// benchSweep times the sweep of one type-checked file, p.go, and returns
// how many findings one sweep reports.
func benchSweep(b *testing.B, rules *policy.Rules, fset *token.FileSet, f *ast.File, src []byte, pkg *types.Package, info *types.Info) int {
	b.Helper()
	findings := 0
	pass := &analysis.Pass{
		Analyzer:   rewrite.Analyzer,
		Fset:       fset,
		Files:      []*ast.File{f},
		Pkg:        pkg,
		TypesInfo:  info,
		TypesSizes: types.SizesFor("gc", "amd64"),
		Module:     &analysis.Module{Path: "example.com/p"},
		ReadFile: func(name string) ([]byte, error) {
			if name == "p.go" {
				return src, nil
			}
			return nil, os.ErrNotExist
		},
		Report: func(analysis.Diagnostic) { findings++ },
	}
	b.ResetTimer()
	for b.Loop() {
		findings = 0
		if _, err := rewrite.Sweep(pass, rules); err != nil {
			b.Fatal(err)
		}
	}
	return findings
}
