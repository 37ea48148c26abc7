package suite_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/syncsweep/syncsweep/analyzers/suite"
	"github.com/syncsweep/syncsweep/policy"
)

// Vet is go vet's suite as this toolchain's cmd/vet lists it: a Go
// release that adds or drops an analyzer fails here.
func TestVetIsCmdVet(t *testing.T) {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatal(err)
	}
	main := filepath.Join(strings.TrimSpace(string(out)), "src", "cmd", "vet", "main.go")
	f, err := parser.ParseFile(token.NewFileSet(), main, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	ast.Inspect(f, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok || len(vs.Names) != 1 || vs.Names[0].Name != "suite" {
			return true
		}
		for _, e := range vs.Values[0].(*ast.CompositeLit).Elts {
			want = append(want, e.(*ast.SelectorExpr).X.(*ast.Ident).Name)
		}
		return false
	})
	// cmd/vet names each analyzer by its package, which each one's URL
	// ends with (its Name may differ: copylock's is copylocks).
	var got []string
	for _, a := range suite.Vet() {
		got = append(got, a.URL[strings.LastIndex(a.URL, "/")+1:])
	}
	if len(want) < 30 || !slices.Equal(got, want) {
		t.Errorf("suite.Vet() = %v\ncmd/vet (%s) = %v", got, main, want)
	}
}

// The tool's analyzers have distinct names (flags are keyed by them), and
// a policy that leaves sync/atomic alone drops facadeatomic.
func TestNames(t *testing.T) {
	seen := map[string]bool{}
	for _, a := range suite.VetTool() {
		if seen[a.Name] {
			t.Errorf("two analyzers named %s", a.Name)
		}
		seen[a.Name] = true
	}
	for _, name := range []string{"syncsweep", "facadeatomic", "facadewaitgroup", "SA2000", "SA2003", "SA6002", "SA1027", "atomic", "waitgroup", "copylocks"} {
		if !seen[name] {
			t.Errorf("VetTool lacks %s", name)
		}
	}
	off, err := policy.Policy{Atomic: "off"}.Compile()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range suite.Twins(off) {
		if a.Name == "facadeatomic" || a.Name == "SA1027" {
			t.Errorf("Atomic off, yet %s runs", a.Name)
		}
	}
}
