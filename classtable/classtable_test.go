package classtable

import (
	"bytes"
	"flag"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func isSync(n *types.Named) bool {
	o := n.Obj()
	return o.Pkg() != nil && o.Pkg().Path() == "sync" && (o.Name() == "Mutex" || o.Name() == "RWMutex")
}

// TestShapes: every shape of receiver (a field, a field through a field, an
// embedded lock, an array element, a generic type's field, package and
// local variables, a function literal, a package-level initializer) gets
// its declaration's class; a pointer or an interface gets none.
func TestShapes(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "testdata/shapes.go", nil, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{}, Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}}
	conf := types.Config{Importer: importer.Default()}
	pkg, err := conf.Check("example.com/shapes", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	got := Render("shapes", "github.com/syncsweep/syncsweep/facade", Compute(pkg, []*ast.File{f}, info, isSync))
	golden := filepath.Join("testdata", "shapes.golden")
	if *update {
		if err := os.WriteFile(golden, got, 0o666); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("table differs from %s (go test -update rewrites it):\n%s", golden, got)
	}
	if !IsTable(got) {
		t.Errorf("IsTable(Render(...)) = false")
	}
}

func TestFuncName(t *testing.T) {
	tests := []struct{ src, want string }{
		{"func F() {}", "p.F"},
		{"func (T) M() {}", "p.T.M"},
		{"func (*T) M() {}", "p.(*T).M"},
		{"func (*G[K]) M() {}", "p.(*G[...]).M"},
		{"func (G[K, V]) M() {}", "p.G[...].M"},
		{"func F[T any]() {}", "p.F[...]"},
	}
	for _, tt := range tests {
		f, err := parser.ParseFile(token.NewFileSet(), "", "package p\n"+tt.src, 0)
		if err != nil {
			t.Fatal(err)
		}
		if got := funcName("p", f.Decls[0].(*ast.FuncDecl)); got != tt.want {
			t.Errorf("%s: funcName = %q, want %q", tt.src, got, tt.want)
		}
	}
}
