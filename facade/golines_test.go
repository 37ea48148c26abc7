package facade_test

import (
	"bufio"
	"bytes"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// moduleDir is the facade module's root: the tests of package facade run
// there.
func moduleDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err != nil {
		t.Fatalf("no go.mod in %s: %v", dir, err)
	}
	return dir
}

// goCmd runs the go command found in PATH in dir and returns its combined
// output and error.
func goCmd(t *testing.T, dir string, args ...string) (string, error) {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is not in PATH: %v", err)
	}
	cmd := exec.Command(gobin, args...)
	cmd.Dir = dir
	// GOTOOLCHAIN=local: judge the module with this toolchain only.
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOTOOLCHAIN=local")
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// TestGoMod asserts that the facade module keeps the lowest go line its API
// allows and requires only the deadlock backend's modules (whose go lines
// are lower), so that requiring it never raises a user's go line and adds
// to their go.sum only those (see the package doc).
func TestGoMod(t *testing.T) {
	dir := moduleDir(t)
	data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	var goLines []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 0 || strings.HasPrefix(f[0], "//") {
			continue
		}
		switch f[0] {
		case "module":
			if len(f) != 2 || f[1] != facadePath {
				t.Errorf("go.mod: %q, want module %s", sc.Text(), facadePath)
			}
		case "go":
			goLines = append(goLines, strings.Join(f[1:], " "))
		case "require":
			// Only the deadlock backend's (build tag deadlock), whose
			// go.mod files have no go line above 1.18.
			if len(f) < 3 || !deadlockDeps[f[1]] {
				t.Errorf("go.mod: unexpected requirement %q (only go-deadlock and its goid)", sc.Text())
			}
		default:
			t.Errorf("go.mod: unexpected directive %q (the facade replaces and pins nothing)", sc.Text())
		}
	}
	if len(goLines) != 1 || goLines[0] != "1.18" {
		t.Errorf("go.mod go lines = %q, want exactly [1.18]", goLines)
	}
	sum, err := os.ReadFile(filepath.Join(dir, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(sum)), "\n") {
		if f := strings.Fields(line); len(f) == 0 || !deadlockDeps[f[0]] {
			t.Errorf("go.sum: unexpected line %q", line)
		}
	}
}

// deadlockDeps are the only modules the facade may require.
var deadlockDeps = map[string]bool{"github.com/sasha-s/go-deadlock": true, "github.com/petermattis/goid": true}

// TestVetAtGoLine runs go vet on the module: its stdversion analyzer reports
// any std API used by a file whose Go version (the go line, or a
// //go:build go1.N constraint) is older than the API.
func TestVetAtGoLine(t *testing.T) {
	if out, err := goCmd(t, moduleDir(t), "vet", "./..."); err != nil {
		t.Fatalf("go vet ./...: %v\n%s", err, out)
	}
}

// userModule writes a module that requires the facade (replaced by this
// directory) and holds the given files, and returns its directory.
func userModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	gomod := fmt.Sprintf("module example.com/user\n\ngo 1.18\n\nrequire %s v0.0.0\n\nreplace %s => %s\n",
		facadePath, facadePath, moduleDir(t))
	files["go.mod"] = gomod
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestVetCopyLocks asserts that go vet's copylocks check reports a facade
// type passed by value or copied exactly when it reports the sync type the
// facade type replaces.
func TestVetCopyLocks(t *testing.T) {
	// release is the Go release that added the std type.
	types := []struct{ name, std, fac, release string }{
		{"Mutex", "sync.Mutex", "facade.Mutex", "go1.1"},
		{"RWMutex", "sync.RWMutex", "facade.RWMutex", "go1.1"},
		{"Once", "sync.Once", "facade.Once", "go1.1"},
		{"WaitGroup", "sync.WaitGroup", "facade.WaitGroup", "go1.1"},
		{"Map", "sync.Map", "facade.Map", "go1.9"},
		{"Pool", "sync.Pool", "facade.Pool", "go1.3"},
		{"Cond", "sync.Cond", "facade.Cond", "go1.1"},
		{"Value", "atomic.Value", "fatomic.Value", "go1.4"},
		{"Bool", "atomic.Bool", "fatomic.Bool", "go1.19"},
		{"Int32", "atomic.Int32", "fatomic.Int32", "go1.19"},
		{"Int64", "atomic.Int64", "fatomic.Int64", "go1.19"},
		{"Uint32", "atomic.Uint32", "fatomic.Uint32", "go1.19"},
		{"Uint64", "atomic.Uint64", "fatomic.Uint64", "go1.19"},
		{"Uintptr", "atomic.Uintptr", "fatomic.Uintptr", "go1.19"},
		{"Pointer", "atomic.Pointer[int]", "fatomic.Pointer[int]", "go1.19"},
	}
	// One file per type, each passing a std and a facade value by value and
	// copying one by assignment.
	files := map[string]string{}
	for _, ty := range types {
		if !hasRelease(ty.release) {
			continue
		}
		stdPkg, facPkg := `"sync"`, `"github.com/syncsweep/syncsweep/facade"`
		if strings.HasPrefix(ty.std, "atomic.") {
			stdPkg, facPkg = `"sync/atomic"`, `fatomic "github.com/syncsweep/syncsweep/facade/atomic"`
		}
		var src strings.Builder
		fmt.Fprintf(&src, "//go:build %s\n\npackage user\n\nimport (\n\t%s\n\t%s\n)\n", ty.release, stdPkg, facPkg)
		for _, impl := range []struct{ prefix, typ string }{{"std", ty.std}, {"fac", ty.fac}} {
			fmt.Fprintf(&src, "\nfunc %[1]sByValue(x %[2]s) {}\n", impl.prefix, impl.typ)
			fmt.Fprintf(&src, "\nfunc %[1]sAssign(p *%[2]s) { x := *p; _ = &x }\n", impl.prefix, impl.typ)
		}
		files[strings.ToLower(ty.name)+".go"] = strings.Replace(src.String(), "package user", "package user"+strings.ToLower(ty.name), 1)
	}
	// Each file is its own package (in its own directory) so that the
	// function names can repeat.
	dir := userModule(t, map[string]string{})
	for name, src := range files {
		sub := filepath.Join(dir, strings.TrimSuffix(name, ".go"))
		if err := os.Mkdir(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(sub, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// On every backend: the deadlock backend's locks hold go-deadlock's.
	if out, err := goCmd(t, dir, "mod", "tidy"); err != nil {
		t.Fatalf("go mod tidy: %v\n%s", err, out)
	}
	for _, tag := range backendTags {
		vetCopyLocks(t, dir, tag, types, files)
	}
}

func vetCopyLocks(t *testing.T, dir, tag string, types []struct{ name, std, fac, release string }, files map[string]string) {
	out, err := goCmd(t, dir, "vet", "-tags="+tag, "-copylocks", "./...")
	if err == nil {
		t.Fatalf("-tags %q: go vet -copylocks reported nothing:\n%s", tag, out)
	}
	var unflagged []string
	for _, ty := range types {
		name := strings.ToLower(ty.name) + ".go"
		if files[name] == "" {
			continue
		}
		for _, c := range []struct{ fn, what string }{
			{"ByValue", "passes lock by value"},
			{"Assign", "copies lock"},
		} {
			// Diagnostics look like "mutex/mutex.go:12:20: facByValue
			// passes lock by value: ..." and "mutex/mutex.go:14:...:
			// assignment copies lock value to x: ...": match them by line.
			s := reportedAt(out, name, files[name], "std"+c.fn, c.what)
			f := reportedAt(out, name, files[name], "fac"+c.fn, c.what)
			if s != f {
				t.Errorf("-tags %q: %s: vet %q reported for %s: %v, for %s: %v", tag, c.fn, c.what, ty.std, s, ty.fac, f)
			}
			if !f {
				unflagged = append(unflagged, ty.fac+" "+c.fn)
			}
		}
	}
	// vet does not flag copies of sync/atomic.Value (it has no noCopy
	// field), so it flags none of the facade's either; all else is flagged.
	if got, want := strings.Join(unflagged, ", "), "fatomic.Value ByValue, fatomic.Value Assign"; got != want {
		t.Errorf("-tags %q: copies vet did not flag: %s; want %s\n%s", tag, got, want, out)
	}
}

// reportedAt reports whether out holds a vet diagnostic containing what in
// file, on the line of src that declares function fn.
func reportedAt(out, file, src, fn, what string) bool {
	line := 0
	for i, l := range strings.Split(src, "\n") {
		if strings.HasPrefix(l, "func "+fn+"(") {
			line = i + 1
		}
	}
	if line == 0 {
		return false
	}
	re := regexp.MustCompile(fmt.Sprintf(`%s:%d:\d+: .*%s`, regexp.QuoteMeta(file), line, regexp.QuoteMeta(what)))
	return re.MatchString(out)
}

// notInlined lists the exported wrappers that Go 1.26's inliner does not
// inline, with the reason. Everything else must be "can inline".
var notInlined = map[string]string{
	// Two calls (the inner Get and New) cost 2*57 > 80; sync.Pool.Get itself
	// is not inlinable either, so this adds one call to a call.
	"(*Pool).Get": "two non-inlinable calls",
	// The inner methods cost 73; forwarding two arguments and two results
	// costs 8 more: 81 > 80.
	"(*Map).LoadOrStore": "cost 81",
	"(*Map).Swap":        "cost 81",
}

// inlineReport returns how inlining findings are reported: as errors on the
// toolchain this project builds with (go1.26) and later, as logs on older
// ones, whose inliners cost the same code differently.
func inlineReport(t *testing.T) func(format string, args ...interface{}) {
	if hasRelease("go1.26") {
		return t.Errorf
	}
	return func(format string, args ...interface{}) {
		t.Logf("not enforced before go1.26: "+format, args...)
	}
}

// TestInlining asserts that every exported function and method of both
// packages is inlinable, so the default backend costs nothing.
func TestInlining(t *testing.T) {
	dir := moduleDir(t)
	report := inlineReport(t)
	for _, pkg := range []string{".", "./atomic"} {
		pkg := pkg
		t.Run(pkg, func(t *testing.T) {
			out, err := goCmd(t, dir, "build", "-gcflags=-m", pkg)
			if err != nil {
				t.Fatalf("go build -gcflags=-m %s: %v\n%s", pkg, err, out)
			}
			inlinable := map[string]bool{}
			re := regexp.MustCompile(`(?m)^[^/\s][^:]*\.go:\d+:\d+: can inline (\S+)`)
			for _, m := range re.FindAllStringSubmatch(out, -1) {
				inlinable[m[1]] = true
			}
			for _, name := range exportedFuncs(t, filepath.Join(dir, pkg)) {
				why, allowed := notInlined[name]
				switch {
				case !inlinable[name] && !allowed:
					report("%s is not inlinable; see go build -gcflags=-m=2 %s", name, pkg)
				case !inlinable[name]:
					t.Logf("%s is not inlinable (known: %s)", name, why)
				case allowed:
					t.Logf("%s is inlinable now; drop it from notInlined", name)
				}
			}
		})
	}
}

// exportedFuncs lists the exported non-generic functions and methods (on
// exported types) declared in the files of dir that this toolchain builds,
// named as the compiler's -m output names them: F, (*T).M.
func exportedFuncs(t *testing.T, dir string) []string {
	t.Helper()
	bp, err := build.ImportDir(dir, 0)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	fset := token.NewFileSet()
	for _, name := range bp.GoFiles {
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || !fd.Name.IsExported() || fd.Type.TypeParams != nil {
				continue
			}
			if fd.Recv == nil {
				names = append(names, fd.Name.Name)
				continue
			}
			rt := fd.Recv.List[0].Type
			star := ""
			if s, ok := rt.(*ast.StarExpr); ok {
				star, rt = "*", s.X
			}
			id, ok := rt.(*ast.Ident) // generic receivers are *ast.IndexExpr
			if !ok || !id.IsExported() {
				continue
			}
			names = append(names, fmt.Sprintf("(%s%s).%s", star, id.Name, fd.Name.Name))
		}
	}
	sort.Strings(names)
	if len(names) < 10 {
		t.Fatalf("only %d exported functions found in %s", len(names), dir)
	}
	return names
}

// TestInliningGeneric checks the generic API at an instantiation: the
// compiler reports inlining only where a generic function is instantiated.
func TestInliningGeneric(t *testing.T) {
	dir := userModule(t, map[string]string{
		"user.go": "package user\n",
		"pointer.go": `//go:build go1.19

package user

import fatomic "github.com/syncsweep/syncsweep/facade/atomic"

var p fatomic.Pointer[int]

func F(x *int) *int {
	p.Store(x)
	p.Swap(x)
	p.CompareAndSwap(x, x)
	return p.Load()
}
`,
		"once.go": `//go:build go1.21

package user

import "github.com/syncsweep/syncsweep/facade"

func G() func() int         { return facade.OnceValue(func() int { return 1 }) }
func H() func() (int, error) { return facade.OnceValues(func() (int, error) { return 1, nil }) }
`})
	out, err := goCmd(t, dir, "build", "-gcflags=-m", ".")
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	report := inlineReport(t)
	var calls []string
	if hasRelease("go1.19") {
		calls = append(calls,
			"pointer.go: atomic.(*Pointer[go.shape.int]).Store",
			"pointer.go: atomic.(*Pointer[go.shape.int]).Swap",
			"pointer.go: atomic.(*Pointer[go.shape.int]).CompareAndSwap",
			"pointer.go: atomic.(*Pointer[go.shape.int]).Load")
	}
	if hasRelease("go1.21") {
		calls = append(calls,
			"once.go: facade.OnceValue[go.shape.int]",
			"once.go: facade.OnceValues[go.shape.int,")
	}
	for _, c := range calls {
		file, call, _ := strings.Cut(c, ": ")
		re := regexp.MustCompile(`(?m)^\./` + regexp.QuoteMeta(file) + `:\d+:\d+: inlining call to ` + regexp.QuoteMeta(call))
		if !re.MatchString(out) {
			report("%s: no inlining call to %s:\n%s", file, call, out)
		}
	}
}

// hasRelease reports whether this toolchain satisfies //go:build tag v.
func hasRelease(v string) bool {
	for _, tag := range build.Default.ReleaseTags {
		if tag == v {
			return true
		}
	}
	return false
}
