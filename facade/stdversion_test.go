package facade_test

import (
	"bufio"
	"fmt"
	"go/ast"
	"go/build"
	"go/build/constraint"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// go vet's stdversion analyzer stays silent in modules whose go line is
// older than go1.21, so it cannot guard this go1.18 module. TestStdVersions
// does its job with the standard library only: it reads the API history in
// $GOROOT/api/go1.*.txt and type-checks every file of the module (tests
// included), and reports each use of a std symbol newer than the file's Go
// version: the module's go line, raised by a //go:build go1.N constraint.

// moduleGoMinor is the minor version of the go line (checked by TestGoMod).
const moduleGoMinor = 18

// apiVersions maps "pkg.Name", "pkg.Type.Method" and "pkg.Type.Field" to the
// Go 1 minor version that added it.
func apiVersions(t *testing.T) map[string]int {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(runtime.GOROOT(), "api", "go1*.txt"))
	if err != nil || len(files) < 20 {
		// Toolchains installed from the golang.org/toolchain module (by
		// GOTOOLCHAIN switching) ship without api/; the release archives
		// have it. Fail rather than pass unchecked.
		t.Fatalf("API history not found in %s/api (%v); run with a Go installed from a release archive", runtime.GOROOT(), err)
	}
	var (
		lineRE  = regexp.MustCompile(`^pkg ([^ ,]+)(?: \([^)]*\))?, (.*)$`)
		funcRE  = regexp.MustCompile(`^func (\w+)`)
		methRE  = regexp.MustCompile(`^method \(\*?(\w+)(?:\[[^\]]*\])?\) (\w+)`)
		memRE   = regexp.MustCompile(`^type (\w+)(?:\[[^\]]*\])? (?:struct|interface), (?:embedded )?\*?(?:\w+\.)?(\w+)`)
		typeRE  = regexp.MustCompile(`^type (\w+)`)
		valueRE = regexp.MustCompile(`^(?:const|var) (\w+)`)
	)
	vers := map[string]int{}
	for _, file := range files {
		minor := 0 // go1.txt
		if m := regexp.MustCompile(`go1\.(\d+)\.txt$`).FindStringSubmatch(file); m != nil {
			minor, _ = strconv.Atoi(m[1])
		}
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			m := lineRE.FindStringSubmatch(sc.Text())
			if m == nil {
				continue
			}
			pkg, rest := m[1], m[2]
			var key string
			if s := methRE.FindStringSubmatch(rest); s != nil {
				key = pkg + "." + s[1] + "." + s[2]
			} else if s := memRE.FindStringSubmatch(rest); s != nil {
				key = pkg + "." + s[1] + "." + s[2]
			} else if s := funcRE.FindStringSubmatch(rest); s != nil {
				key = pkg + "." + s[1]
			} else if s := typeRE.FindStringSubmatch(rest); s != nil {
				key = pkg + "." + s[1]
			} else if s := valueRE.FindStringSubmatch(rest); s != nil {
				key = pkg + "." + s[1]
			} else {
				continue
			}
			if v, ok := vers[key]; !ok || minor < v {
				vers[key] = minor
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	return vers
}

// fileMinor returns the Go minor version in force in f: the module's, or
// the go1.N that its //go:build line requires, if higher.
func fileMinor(f *ast.File) int {
	minor := moduleGoMinor
	for _, cg := range f.Comments {
		if cg.Pos() > f.Package {
			break
		}
		for _, c := range cg.List {
			if !constraint.IsGoBuild(c.Text) {
				continue
			}
			expr, err := constraint.Parse(c.Text)
			if err != nil {
				continue
			}
			if v := requiredMinor(expr); v > minor {
				minor = v
			}
		}
	}
	return minor
}

// requiredMinor returns the highest go1.N that expr requires (0 if none).
func requiredMinor(expr constraint.Expr) int {
	switch e := expr.(type) {
	case *constraint.TagExpr:
		if strings.HasPrefix(e.Tag, "go1.") {
			n, err := strconv.Atoi(strings.TrimPrefix(e.Tag, "go1."))
			if err == nil {
				return n
			}
		}
	case *constraint.AndExpr:
		x, y := requiredMinor(e.X), requiredMinor(e.Y)
		if y > x {
			return y
		}
		return x
	case *constraint.OrExpr: // both sides must hold the API
		x, y := requiredMinor(e.X), requiredMinor(e.Y)
		if y < x {
			return y
		}
		return x
	}
	return 0
}

// tooNew lists, as "file:line: sym requires go1.N (file is go1.M)", each use
// in files of a symbol newer than the file's Go version: a std symbol newer
// per the API history, or a facade symbol declared in a file that requires
// a newer Go (so it does not exist on older toolchains).
func tooNew(fset *token.FileSet, files []*ast.File, info *types.Info, vers map[string]int) []string {
	var out []string
	declMinor := map[string]int{} // facade file name -> its minor version
	check := func(f *ast.File, pos token.Pos, obj types.Object, key string) {
		v, ok := vers[key]
		if path := obj.Pkg().Path(); path == facadePath || strings.HasPrefix(path, facadePath+"/") {
			name := fset.Position(obj.Pos()).Filename
			if _, seen := declMinor[name]; !seen {
				if df, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.PackageClauseOnly|parser.ParseComments); err == nil {
					declMinor[name] = fileMinor(df)
				}
			}
			v, ok = declMinor[name]
		}
		if ok && v > fileMinor(f) {
			p := fset.Position(pos)
			out = append(out, fmt.Sprintf("%s:%d: %s requires go1.%d (file is go1.%d)",
				filepath.Base(p.Filename), p.Line, key, v, fileMinor(f)))
		}
	}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SelectorExpr:
				if sel, ok := info.Selections[n]; ok {
					recv := sel.Recv()
					if p, ok := recv.Underlying().(*types.Pointer); ok {
						recv = p.Elem()
					}
					if p, ok := recv.(*types.Pointer); ok {
						recv = p.Elem()
					}
					named, ok := recv.(*types.Named)
					if ok && named.Obj().Pkg() != nil && sel.Obj().Pkg() != nil {
						check(f, n.Sel.Pos(), sel.Obj(), named.Obj().Pkg().Path()+"."+named.Obj().Name()+"."+n.Sel.Name)
					}
				} else if obj := info.Uses[n.Sel]; obj != nil && obj.Pkg() != nil && obj.Parent() == obj.Pkg().Scope() {
					check(f, n.Sel.Pos(), obj, obj.Pkg().Path()+"."+obj.Name())
				}
			}
			return true
		})
	}
	return out
}

func TestStdVersions(t *testing.T) {
	vers := apiVersions(t)
	if vers["sync.WaitGroup.Go"] != 25 || vers["sync/atomic.Int64"] != 19 || vers["sync.Mutex.Lock"] != 0 {
		t.Fatalf("API history misread: WaitGroup.Go=%d atomic.Int64=%d Mutex.Lock=%d",
			vers["sync.WaitGroup.Go"], vers["sync/atomic.Int64"], vers["sync.Mutex.Lock"])
	}
	dir := moduleDir(t)
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "source", nil)
	checked := 0
	for _, sub := range []string{".", "atomic"} {
		bp, err := build.ImportDir(filepath.Join(dir, sub), 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, pkgFiles := range [][]string{append(append([]string{}, bp.GoFiles...), bp.TestGoFiles...), bp.XTestGoFiles} {
			if len(pkgFiles) == 0 {
				continue
			}
			var files []*ast.File
			for _, name := range pkgFiles {
				f, err := parser.ParseFile(fset, filepath.Join(bp.Dir, name), nil, parser.ParseComments)
				if err != nil {
					t.Fatal(err)
				}
				files = append(files, f)
			}
			info := &types.Info{Uses: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{}}
			conf := types.Config{Importer: imp}
			if _, err := conf.Check(bp.ImportPath, fset, files, info); err != nil {
				t.Fatalf("type-check %s: %v", bp.ImportPath, err)
			}
			for _, d := range tooNew(fset, files, info, vers) {
				t.Error(d)
			}
			checked += len(files)
		}
	}
	if checked < 15 {
		t.Fatalf("only %d files checked", checked)
	}
}

// TestTooNewFindsUses makes sure the checker is not vacuous.
func TestTooNewFindsUses(t *testing.T) {
	vers := apiVersions(t)
	srcs := []string{
		`package p

import (
	"sync"
	"sync/atomic"
)

var x atomic.Int64 // go1.19 in a go1.18 file

func f(m *sync.Map, wg *sync.WaitGroup, mu *sync.Mutex) {
	m.Swap(1, 2) // go1.20
	mu.TryLock() // go1.18: fine
	wg.Done()
}
`,
		`//go:build go1.20

package p

import "sync"

func g(m *sync.Map) {
	m.Swap(1, 2)           // fine at go1.20
	_ = sync.OnceFunc(nil) // go1.21
}
`,
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for i, src := range srcs {
		f, err := parser.ParseFile(fset, fmt.Sprintf("f%d.go", i), src, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{}}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	if _, err := conf.Check("p", fset, files, info); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(tooNew(fset, files, info, vers), "\n")
	want := strings.Join([]string{
		"f0.go:8: sync/atomic.Int64 requires go1.19 (file is go1.18)",
		"f0.go:11: sync.Map.Swap requires go1.20 (file is go1.18)",
		"f1.go:9: sync.OnceFunc requires go1.21 (file is go1.20)",
	}, "\n")
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
