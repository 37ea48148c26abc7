package rewrite_test

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"go/format"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/syncsweep/syncsweep/policy"
	"github.com/syncsweep/syncsweep/rewrite"
)

// exportData maps import paths to export data files, for the packages
// fuzz inputs may import (the seeds' imports) and for the facade, so that
// both the input and the swept output can be type-checked in process.
var exportData = sync.OnceValues(func() (map[string]string, error) {
	cmd := exec.Command("go", "list", "-export", "-deps", "-json=ImportPath,Export",
		"sync", "sync/atomic", "fmt", "bytes", "strings", "unsafe", "context", "os", "io", "errors", "time", "sort", "log",
		"github.com/syncsweep/syncsweep/facade", "github.com/syncsweep/syncsweep/facade/atomic",
		"github.com/sasha-s/go-deadlock")
	// examples/ is a module that requires the facade (replaced to ../facade).
	cmd.Dir = filepath.Join("..", "examples")
	out, err := cmd.Output()
	if err != nil {
		return nil, err
	}
	m := make(map[string]string)
	if err := addExports(m, out); err != nil {
		return nil, err
	}
	// The third-party lock packages, from the fixtures' stubs (GOPATH
	// mode), so that inputs that sweep them type-check too.
	cmd = exec.Command("go", "list", "-export", "-json=ImportPath,Export",
		"golang.org/x/sync/semaphore", "github.com/puzpuzpuz/xsync/v3", "github.com/puzpuzpuz/xsync/v4",
		"github.com/linkdata/deadlock", "github.com/anacrolix/sync")
	cmd.Env = append(os.Environ(), "GO111MODULE=off", "GOPATH="+testdata, "GOFLAGS=")
	cmd.Dir = testdata
	out, err = cmd.Output()
	if err != nil {
		return nil, err
	}
	return m, addExports(m, out)
})

// addExports adds go list -json=ImportPath,Export output to m.
func addExports(m map[string]string, out []byte) error {
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		var p struct{ ImportPath, Export string }
		if err := dec.Decode(&p); err != nil {
			return err
		}
		if m[p.ImportPath] == "" {
			m[p.ImportPath] = p.Export
		}
	}
	return nil
}

func newImporter(t testing.TB, fset *token.FileSet) types.Importer {
	paths, err := exportData()
	if err != nil {
		t.Fatal(err)
	}
	return importer.ForCompiler(fset, "gc", func(path string) (io.ReadCloser, error) {
		file, ok := paths[path]
		if !ok {
			return nil, os.ErrNotExist
		}
		return os.Open(file)
	})
}

// check type-checks one file; the error is the first type error.
func check(fset *token.FileSet, imp types.Importer, f *ast.File) (*types.Package, *types.Info, error) {
	info := &types.Info{
		Types:      make(map[ast.Expr]types.TypeAndValue),
		Defs:       make(map[*ast.Ident]types.Object),
		Uses:       make(map[*ast.Ident]types.Object),
		Implicits:  make(map[ast.Node]types.Object),
		Selections: make(map[*ast.SelectorExpr]*types.Selection),
		Scopes:     make(map[ast.Node]*types.Scope),
		Instances:  make(map[*ast.Ident]types.Instance),
	}
	var first error
	conf := types.Config{Importer: imp, Error: func(err error) {
		if first == nil {
			first = err
		}
	}}
	pkg, _ := conf.Check(f.Name.Name, fset, []*ast.File{f}, info)
	return pkg, info, first
}

// sweepSource runs the sweep on one file, type-checked (typed) or as a
// file the build excludes, and returns the source with every finding's
// first fix applied. Identical edits are applied once, as drivers do;
// overlapping ones are a bug of the sweep.
func sweepSource(t *testing.T, src []byte, typed bool) (out []byte, typeOK bool, ok bool) {
	const name = "fuzz.go"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
	if err != nil {
		return nil, false, false
	}
	imp := newImporter(t, fset)
	pkg, info, terr := check(fset, imp, f)
	pass := &analysis.Pass{
		Analyzer:   rewrite.Analyzer,
		Fset:       fset,
		Pkg:        pkg,
		TypesInfo:  info,
		TypesSizes: types.SizesFor("gc", "amd64"),
		Module:     &analysis.Module{Path: "example.com/fuzz"},
		ReadFile: func(filename string) ([]byte, error) {
			if filename == name {
				return src, nil
			}
			return nil, os.ErrNotExist
		},
	}
	if typed {
		pass.Files = []*ast.File{f}
	} else {
		pass.IgnoredFiles = []string{name}
	}
	var edits []analysis.TextEdit
	pass.Report = func(d analysis.Diagnostic) {
		if len(d.SuggestedFixes) > 0 {
			edits = append(edits, d.SuggestedFixes[0].TextEdits...)
		}
	}
	rules, _ := policy.Policy{}.Compile()
	if _, err := rewrite.Sweep(pass, rules); err != nil {
		t.Fatalf("Sweep: %v", err)
	}
	// Apply, by offset, against the file the edits were planned on.
	type edit struct {
		start, end int
		text       string
	}
	var list []edit
	seen := make(map[edit]bool)
	for _, e := range edits {
		tf := fset.File(e.Pos)
		if tf == nil {
			t.Fatalf("edit outside any file")
		}
		end := e.End
		if !end.IsValid() {
			end = e.Pos
		}
		x := edit{tf.Offset(e.Pos), tf.Offset(end), string(e.NewText)}
		if !seen[x] {
			seen[x] = true
			list = append(list, x)
		}
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].start != list[j].start {
			return list[i].start < list[j].start
		}
		return list[i].end < list[j].end
	})
	var b bytes.Buffer
	prev := 0
	for _, e := range list {
		if e.start < prev {
			t.Fatalf("overlapping edits at offset %d in:\n%s", e.start, src)
		}
		b.Write(src[prev:e.start])
		b.WriteString(e.text)
		prev = e.end
	}
	b.Write(src[prev:])
	return b.Bytes(), terr == nil && typed, true
}

// FuzzSweep: whatever the source, the sweep does not panic and its fixes
// give a file that parses and formats; when the source type-checks, so
// does the result (against the real facade).
func FuzzSweep(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join(testdata, "src", "*", "*.go"))
	more, _ := filepath.Glob(filepath.Join(testdata, "src", "*", "*", "*.go"))
	for _, name := range append(seeds, more...) {
		if src, err := os.ReadFile(name); err == nil {
			f.Add(src, true)
			f.Add(src, false)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte, typed bool) {
		out, typeOK, ok := sweepSource(t, src, typed)
		if !ok {
			return // the input does not parse
		}
		fset := token.NewFileSet()
		g, err := parser.ParseFile(fset, "out.go", out, parser.ParseComments)
		if err != nil {
			t.Fatalf("the result does not parse: %v\ninput:\n%s\noutput:\n%s", err, src, out)
		}
		if _, err := format.Source(out); err != nil {
			t.Fatalf("the result does not format: %v\n%s", err, out)
		}
		if !typeOK {
			return
		}
		if _, _, err := check(fset, newImporter(t, fset), g); err != nil {
			t.Fatalf("the input type-checks, the result does not: %v\ninput:\n%s\noutput:\n%s", err, src, out)
		}
	})
}

// TestSweepSourceSeeds keeps the harness honest: the basic fixture
// type-checks, is rewritten, and its result type-checks too.
func TestSweepSourceSeeds(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(testdata, "src", "basic", "basic.go"))
	if err != nil {
		t.Fatal(err)
	}
	out, typeOK, ok := sweepSource(t, src, true)
	if !ok || !typeOK || !strings.Contains(string(out), "facade.Mutex") {
		t.Fatalf("ok=%v typeOK=%v\n%s", ok, typeOK, out)
	}
	fset := token.NewFileSet()
	g, err := parser.ParseFile(fset, "out.go", out, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := check(fset, newImporter(t, fset), g); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
}
