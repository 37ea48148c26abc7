package goker_test

import (
	"bytes"
	"context"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"text/tabwriter"
	"time"

	"golang.org/x/tools/go/ast/astutil"
)

// TestGoKer sweeps the GoKer kernels onto the facade and explores each
// one under -tags explore (see the package documentation). A kernel whose
// bug involves only sync primitives must be found and replayed; the others
// are logged.
func TestGoKer(t *testing.T) {
	mod := filepath.Join(t.TempDir(), "goker")
	kernels := writeKernels(t, kernelSource(t), mod)
	writeModule(t, mod, kernels)
	sweep(t, mod)
	bin := buildTestBinary(t, mod)

	outcomes := make([]outcome, len(kernels))
	t.Run("kernel", func(t *testing.T) {
		for i, k := range kernels {
			t.Run(k.name, func(t *testing.T) {
				t.Parallel()
				o := explore(t, bin, mod, k.name)
				outcomes[i] = o
				if k.facadeOnly() && !(o.found && o.replayOK) {
					t.Errorf("%s involves only sync primitives, and %s", k.name, o.failure())
				}
			})
		}
	})
	logSummary(t, kernels, outcomes)
}

var repoRoot = func() string {
	dir, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		panic(err)
	}
	return dir
}()

// kernel is one GoKer kernel in the test module.
type kernel struct {
	name     string // as registered, e.g. Cockroach1055; its test is Test+name
	channels string // the first channel syntax in its file; "" if there is none
	file     string // its file's base name
}

func (k kernel) facadeOnly() bool { return k.channels == "" }

func (k kernel) class() string {
	if k.facadeOnly() {
		return "facade-only"
	}
	return "channels (" + k.channels + ")"
}

// kernelSource is where the Go distribution keeps the kernels.
func kernelSource(t *testing.T) string {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatalf("go env GOROOT: %v", err)
	}
	dir := filepath.Join(strings.TrimSpace(string(out)), "src", "runtime", "testdata", "testgoroutineleakprofile", "goker")
	if _, err := os.Stat(filepath.Join(dir, "main.go")); err != nil {
		t.Fatalf("the GoKer kernels ship with Go 1.26 in %s: %v", dir, err)
	}
	return dir
}

// writeKernels writes each kernel of src to dir, transformed (see
// transform), with main.go and the license as they are, and returns the
// kernels in file order.
func writeKernels(t *testing.T, src, dir string) []kernel {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(src, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var kernels []kernel
	for _, path := range files {
		base := filepath.Base(path)
		if base == "main.go" {
			copyFile(t, path, filepath.Join(dir, base))
			continue
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		name, err := registered(f)
		if err == nil {
			err = transform(fset, f, name)
		}
		if err != nil {
			t.Fatalf("%s: %v", base, err)
		}
		var buf bytes.Buffer
		if err := format.Node(&buf, fset, f); err != nil {
			t.Fatalf("%s: %v", base, err)
		}
		if err := os.WriteFile(filepath.Join(dir, base), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		kernels = append(kernels, kernel{name: name, channels: channelUse(fset, f), file: base})
	}
	copyFile(t, filepath.Join(src, "LICENSE"), filepath.Join(dir, "LICENSE"))
	if len(kernels) < 50 {
		t.Fatalf("found %d kernels in %s, want the 60 or so of GoKer", len(kernels), src)
	}
	return kernels
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// registered returns the name the file's kernel registers under:
// register("Name", Name).
func registered(f *ast.File) (string, error) {
	var names []string
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || !isIdent(call.Fun, "register") || len(call.Args) != 2 {
			return true
		}
		if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
			if name, err := strconv.Unquote(lit.Value); err == nil && isIdent(call.Args[1], name) {
				names = append(names, name)
			}
		}
		return true
	})
	if len(names) != 1 {
		return "", fmt.Errorf("want one register(\"Name\", Name) call, found %v", names)
	}
	return names[0], nil
}

// transform makes the kernel function name run one instance of its
// scenario per call, the same way each time:
//
//   - it removes the goroutine-leak profile: the statement
//     prof := pprof.Lookup(...) and the deferred func that sleeps and
//     writes the profile;
//   - the loop at the top of the function that starts many copies of the
//     scenario runs once, and so does a loop of 1000 or more iterations
//     inside it (Grpc3017 repeats its scenario 10,000 times in a
//     goroutine): they give the real scheduler more chances, and the
//     explorer chooses the interleavings instead;
//   - a kernel that draws from math/rand seeds it first (rand.Seed(1),
//     which go.mod's godebug randseednop=0 honours): the explorer does not
//     control math/rand, and a replay must draw what its schedule drew;
//   - imports nothing uses any more go.
//
// A kernel of another shape is an error: the kernels in GOROOT changed,
// and so must this.
func transform(fset *token.FileSet, f *ast.File, name string) error {
	fn := funcDecl(f, name)
	if fn == nil {
		return fmt.Errorf("no func %s", name)
	}
	var kept []ast.Stmt
	var removed []ast.Node
	prof := ""
	loops := 0
	for _, s := range fn.Body.List {
		switch s := s.(type) {
		case *ast.AssignStmt:
			if prof == "" && isProfileLookup(s) {
				prof = s.Lhs[0].(*ast.Ident).Name
				removed = append(removed, s)
				continue
			}
		case *ast.DeferStmt:
			if prof != "" && isDeferUsing(s, prof) {
				removed = append(removed, s)
				continue
			}
		case *ast.ForStmt:
			if _, ok := loopBound(s); !ok {
				return fmt.Errorf("a loop not of the form for i := 0; i < N; i++ at the top of %s", name)
			}
			runOnce(s)
			loops++
		}
		kept = append(kept, s)
	}
	if len(removed) != 2 || loops > 1 {
		return fmt.Errorf("%s: want a profile lookup, its deferred func and at most one loop; found %d profiling statements and %d loops", name, len(removed), loops)
	}
	ast.Inspect(&ast.BlockStmt{List: kept}, func(n ast.Node) bool {
		if loop, ok := n.(*ast.ForStmt); ok {
			if n, ok := loopBound(loop); ok && n >= 1000 {
				runOnce(loop)
			}
		}
		return true
	})
	if usesImport(f, "math/rand") {
		kept = append([]ast.Stmt{seedRand()}, kept...)
	}
	fn.Body.List = kept
	dropComments(f, removed)
	var unused []string
	for _, imp := range f.Imports {
		if path, _ := strconv.Unquote(imp.Path.Value); !astutil.UsesImport(f, path) {
			unused = append(unused, path)
		}
	}
	for _, path := range unused {
		astutil.DeleteImport(fset, f, path)
	}
	return nil
}

// usesImport reports whether f imports path under its own name and uses it.
func usesImport(f *ast.File, path string) bool {
	for _, imp := range f.Imports {
		if imp.Path.Value == strconv.Quote(path) && imp.Name == nil {
			return astutil.UsesImport(f, path)
		}
	}
	return false
}

// seedRand returns the statement rand.Seed(1).
func seedRand() ast.Stmt {
	seed := &ast.SelectorExpr{X: ast.NewIdent("rand"), Sel: ast.NewIdent("Seed")}
	one := &ast.BasicLit{Kind: token.INT, Value: "1"}
	return &ast.ExprStmt{X: &ast.CallExpr{Fun: seed, Args: []ast.Expr{one}}}
}

func funcDecl(f *ast.File, name string) *ast.FuncDecl {
	for _, d := range f.Decls {
		if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && fn.Name.Name == name {
			return fn
		}
	}
	return nil
}

// isProfileLookup reports whether as is prof := pprof.Lookup(...).
func isProfileLookup(as *ast.AssignStmt) bool {
	if len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return false
	}
	if _, ok := as.Lhs[0].(*ast.Ident); !ok {
		return false
	}
	call, ok := as.Rhs[0].(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	return ok && isIdent(sel.X, "pprof") && sel.Sel.Name == "Lookup"
}

// isDeferUsing reports whether s is defer func() { ... }() with name in
// its body.
func isDeferUsing(d *ast.DeferStmt, name string) bool {
	lit, ok := d.Call.Fun.(*ast.FuncLit)
	if !ok {
		return false
	}
	uses := false
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		uses = uses || isIdent(n, name)
		return !uses
	})
	return uses
}

// loopBound returns N if loop is for i := 0; i < N; i++ (or i <= N) with
// N an integer literal.
func loopBound(loop *ast.ForStmt) (int, bool) {
	init, ok := loop.Init.(*ast.AssignStmt)
	if !ok || init.Tok != token.DEFINE || len(init.Lhs) != 1 || len(init.Rhs) != 1 || !isIntLit(init.Rhs[0], "0") {
		return 0, false
	}
	cond, ok := loop.Cond.(*ast.BinaryExpr)
	if !ok || (cond.Op != token.LSS && cond.Op != token.LEQ) || !isIdent(cond.X, init.Lhs[0].(*ast.Ident).Name) {
		return 0, false
	}
	lit, ok := cond.Y.(*ast.BasicLit)
	if !ok || lit.Kind != token.INT {
		return 0, false
	}
	n, err := strconv.Atoi(lit.Value)
	return n, err == nil
}

// runOnce makes a loop that loopBound accepts for i := 0; i < 1; i++, so
// that the loop variable keeps its meaning in the body.
func runOnce(loop *ast.ForStmt) {
	cond := loop.Cond.(*ast.BinaryExpr)
	cond.Op = token.LSS
	cond.Y = &ast.BasicLit{ValuePos: cond.Y.Pos(), Kind: token.INT, Value: "1"}
}

// dropComments removes the comments inside removed nodes, which would
// otherwise be printed where the nodes were.
func dropComments(f *ast.File, removed []ast.Node) {
	f.Comments = slices.DeleteFunc(f.Comments, func(c *ast.CommentGroup) bool {
		return slices.ContainsFunc(removed, func(n ast.Node) bool {
			return n.Pos() <= c.Pos() && c.End() <= n.End()
		})
	})
}

func isIdent(n ast.Node, name string) bool {
	id, ok := n.(*ast.Ident)
	return ok && id.Name == name
}

func isIntLit(e ast.Expr, value string) bool {
	lit, ok := e.(*ast.BasicLit)
	return ok && lit.Kind == token.INT && lit.Value == value
}

// channelUse returns the first channel syntax in f (a channel type, send,
// receive, select or close) as "what at line N", or "" if f has none.
func channelUse(fset *token.FileSet, f *ast.File) string {
	what, at := "", token.NoPos
	ast.Inspect(f, func(n ast.Node) bool {
		if what != "" {
			return false
		}
		switch n := n.(type) {
		case *ast.ChanType:
			what = "chan type"
		case *ast.SendStmt:
			what = "send"
		case *ast.SelectStmt:
			what = "select"
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				what = "receive"
			}
		case *ast.CallExpr:
			if isIdent(n.Fun, "close") {
				what = "close"
			}
		}
		if what != "" {
			at = n.Pos()
		}
		return true
	})
	if what == "" {
		return ""
	}
	return fmt.Sprintf("%s at line %d", what, fset.Position(at).Line)
}

// writeModule makes dir a module that requires this checkout's facade and
// has one test per kernel: func TestName(t *testing.T) { stress.Run(t, Name) }.
func writeModule(t *testing.T, dir string, kernels []kernel) {
	t.Helper()
	gomod := fmt.Sprintf(`module goker

go 1.26

godebug randseednop=0

require github.com/syncsweep/syncsweep/facade v0.0.0

replace github.com/syncsweep/syncsweep/facade => %s
`, filepath.Join(repoRoot, "facade"))
	var tests strings.Builder
	tests.WriteString("package main\n\nimport (\n\t\"testing\"\n\n\t\"github.com/syncsweep/syncsweep/facade/stress\"\n)\n")
	for _, k := range kernels {
		fmt.Fprintf(&tests, "\nfunc Test%s(t *testing.T) { stress.Run(t, %[1]s) }\n", k.name)
	}
	for name, content := range map[string]string{"go.mod": gomod, "kernels_test.go": tests.String()} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// sweep builds cmd/syncsweep and sweeps dir onto the facade with it; after
// go mod tidy, the tool reports nothing left to sweep.
func sweep(t *testing.T, dir string) {
	t.Helper()
	tool := filepath.Join(t.TempDir(), "syncsweep")
	run(t, repoRoot, "go", "build", "-o", tool, "./cmd/syncsweep")
	run(t, dir, tool, "-fix", "./...")
	run(t, dir, "go", "mod", "tidy")
	if out := run(t, dir, tool, "./..."); out != "" {
		t.Fatalf("syncsweep after -fix still reports:\n%s", out)
	}
}

// buildTestBinary builds dir's tests once, under the explore backend.
func buildTestBinary(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "goker.test")
	run(t, dir, "go", "test", "-c", "-tags", "explore", "-o", bin, ".")
	return bin
}

// run runs name in dir and returns its standard output; it fails the test
// if the command fails.
func run(t *testing.T, dir, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, out, stderr.Bytes())
	}
	return string(out)
}

// outcome is what exploring one kernel found.
type outcome struct {
	found    bool   // a report of a bug (bugKinds) with a replay line
	kind     string // the report's kind, or "" without a report
	schedule string // the failing schedule's number
	replay   string // the replay string
	replayOK bool   // both replays failed with kind and printed the same replay string
	note     string // what went otherwise
}

// bugKinds are the report kinds that find a bug in the program; the
// others say the explorer could not explore it.
var bugKinds = map[string]bool{"deadlock": true, "leak": true, "panic": true, "test failure": true}

func (o outcome) failure() string {
	if !o.found {
		return "the explorer did not find its bug: " + o.note
	}
	return "its replay failed: " + o.note
}

var (
	reportLine = regexp.MustCompile(`explore: ([a-z ]+) in schedule (\d+) \(([^,]+), seed \d+\)`)
	replayLine = regexp.MustCompile(`(?m)^\s*SYNCSWEEP_EXPLORE_REPLAY=(\S+)$`)
)

// explore runs kernel name's test from the test binary, and when it finds
// the bug, replays the schedule twice.
func explore(t *testing.T, bin, dir, name string) outcome {
	out, failed, err := runKernel(bin, dir, name, "")
	if err != nil {
		return outcome{note: err.Error()}
	}
	m := reportLine.FindStringSubmatch(out)
	r := replayLine.FindStringSubmatch(out)
	switch {
	case !failed:
		return outcome{note: "no failure in the budget"}
	case m == nil || r == nil:
		return outcome{note: "a failure without a report and replay line: " + firstLines(out, 5)}
	}
	o := outcome{kind: m[1], schedule: m[2], replay: r[1]}
	if !bugKinds[o.kind] {
		o.note = "not a bug: " + lineAfter(out, m[0])
		return o
	}
	o.found = true
	t.Logf("%s in schedule %s (%s); replaying %s", o.kind, o.schedule, m[3], o.replay)
	want := "explore: " + o.kind + " in the replayed schedule (SYNCSWEEP_EXPLORE_REPLAY)"
	for i := 1; i <= 2; i++ {
		again, failed, err := runKernel(bin, dir, name, o.replay)
		rr := replayLine.FindStringSubmatch(again)
		switch {
		case err != nil:
			o.note = fmt.Sprintf("replay %d: %v", i, err)
		case !failed || !strings.Contains(again, want):
			o.note = fmt.Sprintf("replay %d did not fail with %q: %s", i, want, firstLines(again, 3))
		case rr == nil:
			o.note = fmt.Sprintf("replay %d printed no replay line", i)
		case rr[1] != o.replay:
			o.note = fmt.Sprintf("replay %d printed another replay line: %s", i, rr[0])
		default:
			continue
		}
		return o
	}
	o.replayOK = true
	return o
}

// explorationEnv starts the names of the variables that configure the
// explorer: the kernels are explored with its defaults (but for those
// runKernel sets), whatever the environment says.
const explorationEnv = "SYNCSWEEP_EXPLORE"

// runKernel runs TestName from the test binary in its own process, with
// replay set if it is not empty. The explorer runs with its defaults but
// two: a short stall time, so that a kernel blocked where the explorer
// cannot see is reported quickly, and a step bound ten times the default,
// since some kernels repeat their scenario in long loops (Kubernetes58107
// signals its Conds 100,000 times; Hugo3251 runs 100 goroutines of 200
// rounds each). err is about running it: a timeout, or a binary that did
// not run the test.
func runKernel(bin, dir, name, replay string) (out string, failed bool, err error) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-test.run=^Test"+name+"$", "-test.v", "-test.timeout=5m")
	cmd.Dir = dir
	cmd.Env = slices.DeleteFunc(os.Environ(), func(kv string) bool { return strings.HasPrefix(kv, explorationEnv) })
	cmd.Env = append(cmd.Env, "SYNCSWEEP_EXPLORE_STALL=2s", "SYNCSWEEP_EXPLORE_MAX_STEPS=1000000")
	if replay != "" {
		cmd.Env = append(cmd.Env, "SYNCSWEEP_EXPLORE_REPLAY="+replay)
	}
	b, runErr := cmd.CombinedOutput()
	out = string(b)
	switch {
	case ctx.Err() != nil:
		return out, true, fmt.Errorf("no result in 3 minutes: %s", firstLines(out, 5))
	case !strings.Contains(out, "--- "):
		return out, true, fmt.Errorf("Test%s did not run to a result (%v): %s", name, runErr, firstLines(out, 5))
	}
	if _, ok := runErr.(*exec.ExitError); runErr != nil && !ok {
		return out, true, runErr
	}
	return out, runErr != nil, nil
}

// lineAfter returns the line that follows the first line containing
// marker in s, trimmed.
func lineAfter(s, marker string) string {
	_, rest, _ := strings.Cut(s, marker)
	_, rest, _ = strings.Cut(rest, "\n")
	line, _, _ := strings.Cut(rest, "\n")
	return strings.TrimSpace(line)
}

// firstLines returns the first n lines of s, joined by " | ".
func firstLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = append(lines[:n], "...")
	}
	for i := range lines {
		lines[i] = strings.TrimSpace(lines[i])
	}
	return strings.Join(lines, " | ")
}

// logSummary logs one row per kernel and the counts.
func logSummary(t *testing.T, kernels []kernel, outcomes []outcome) {
	var b strings.Builder
	w := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "kernel\tclass\tfound\tkind\tschedule\treplay\treplay ok\tnote")
	var facadeOnly, facadeFound, withChannels, channelsFound int
	for i, k := range kernels {
		o := outcomes[i]
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", k.name, k.class(), yesNo(o.found), dash(o.kind), dash(o.schedule), dash(o.replay), yesNo(o.replayOK), o.note)
		if k.facadeOnly() {
			facadeOnly++
			if o.found && o.replayOK {
				facadeFound++
			}
		} else {
			withChannels++
			if o.found {
				channelsFound++
			}
		}
	}
	w.Flush()
	t.Logf("GoKer under the explore backend:\n%s", b.String())
	t.Logf("facade-only: %d/%d found and replayed; with channels: %d/%d found", facadeFound, facadeOnly, channelsFound, withChannels)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
