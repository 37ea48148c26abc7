package driver_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/syncsweep/syncsweep/analyzers/syncsweep"
	"github.com/syncsweep/syncsweep/driver"
	"github.com/syncsweep/syncsweep/internal/readme"
	"github.com/syncsweep/syncsweep/policy"
)

// copyTestdata copies ../testdata into a fresh GOPATH and returns it.
func copyTestdata(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	src, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	return dst
}

func gopathEnv(gopath string) []string {
	return append(os.Environ(), "GOPATH="+gopath, "GO111MODULE=off", "GOFLAGS=")
}

type result struct {
	code           int
	stdout, stderr string
}

// analyzer returns the analyzer the CLI runs, under the policy.
func analyzer(t *testing.T, pol policy.Policy) *analysis.Analyzer {
	t.Helper()
	rules, err := pol.Compile()
	if err != nil {
		t.Fatal(err)
	}
	return syncsweep.New(rules)
}

func sweep(t *testing.T, gopath string, pol policy.Policy, fix, diff bool, patterns ...string) result {
	t.Helper()
	rules, err := pol.Compile()
	if err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	code := driver.Run(driver.Options{
		Analyzer: syncsweep.New(rules),
		Rules:    rules, // as the CLI does: Swept is the patterns' packages
		Patterns: patterns,
		Dir:      gopath,
		Env:      gopathEnv(gopath),
		Tests:    true,
		Fix:      fix,
		Diff:     diff,
		Stdout:   &out,
		Stderr:   &errb,
	})
	return result{code, out.String(), errb.String()}
}

// inhousePolicy moves users of an in-house lock package onto the facade.
var inhousePolicy = policy.Policy{
	Allow: []string{"inhouse/..."},
	Rows: []policy.Row{
		{From: "inhouse/lock", Name: "SpinLock", Facade: "Mutex"},
		{From: "inhouse/lock", Name: "RWMutex"},
	},
}

// errlockPolicy moves an in-house lock whose Lock returns an error that
// never fires, and whose LockWithTimeout always succeeds, onto the facade.
var errlockPolicy = policy.Policy{
	Allow: []string{"inhouse/..."},
	Rows: []policy.Row{
		{From: "inhouse/errlock", Name: "Lock", Facade: "Mutex"},
		{From: "inhouse/errlock", Name: "Lock.Lock", Result: "nil"},
		{From: "inhouse/errlock", Name: "Lock.Unlock", Result: "nil"},
		{From: "inhouse/errlock", Name: "Lock.LockWithTimeout", Facade: "Lock", Result: "true"},
	},
}

// TestFixMatchesGoldens runs -fix over every fixture package, as a user
// would, and compares every .go file (changed or not) with its .golden:
// this covers build-excluded files, generated files, the facade itself
// and the packages that must not change. A second -fix must be a no-op.
func TestFixMatchesGoldens(t *testing.T) {
	gopath := copyTestdata(t)
	runs := []struct {
		pattern string
		pol     policy.Policy
		code    int
	}{
		{pattern: "./src/basic", code: 0},
		{pattern: "./src/atomics", code: 0},
		{pattern: "./src/renamed", code: 0},
		{pattern: "./src/shadow", code: 0},
		{pattern: "./src/dotimport", code: 3}, // reported, no fix
		{pattern: "./src/usertype", code: 0},
		{pattern: "./src/generated", code: 0},
		{pattern: "./src/partial", code: 0},
		{pattern: "./src/buildtags", code: 0},
		{pattern: "./src/imports", code: 0},
		{pattern: "./src/cgo", code: 0},
		{pattern: "./src/crossbuild", code: 0},
		{pattern: "./src/badexcluded", code: 3}, // the unparsable excluded file is a finding
		{pattern: "./src/vend/...", code: 0},
		{pattern: "./src/vend/vendor/lockpkg", code: 0}, // named explicitly: still skipped
		{pattern: "./src/github.com/other/...", code: 0},
		{pattern: "./src/github.com/syncsweep/other", code: 0},
		{pattern: "./src/counter/...", code: 0},
		{pattern: "./src/mysync", code: 0},
		{pattern: "./src/github.com/syncsweep/syncsweep/facade/...", code: 0},
		{pattern: "./src/keepsync", pol: policy.Policy{Atomic: "off"}, code: 0},
		{pattern: "./src/allow", code: 3}, // a directive without a reason, one that keeps nothing
		{pattern: "./src/banonly", pol: policy.Policy{Ban: []string{"sync.Mutex", "sync.RWMutex"}}, code: 3},
		{pattern: "./src/infacade", pol: policy.Policy{Facade: "inhouse/syncutil"}, code: 0},
		{pattern: "./src/aliasuse", pol: policy.Policy{Allow: []string{"allowlisted"}}, code: 3}, // the alias use has no fix
		{pattern: "./src/allowlisted", pol: policy.Policy{Allow: []string{"allowlisted"}}, code: 0},
		{pattern: "./src/userrow", pol: inhousePolicy, code: 0},
		{pattern: "./src/inhouse/...", pol: inhousePolicy, code: 0},
		{pattern: "./src/semaphoremutex", code: 0},
		{pattern: "./src/semaphorekeep", code: 3},                                                 // every semaphore unproven: reported, unchanged
		{pattern: "./src/semaphorestays", code: 3},                                                // counting and cancellable ones stay quietly; the one passed on is reported
		{pattern: "./src/semaphorestrict", pol: policy.Policy{ReportNoEquivalent: true}, code: 3}, // the same, reported
		{pattern: "./src/rbmutex", code: 0},
		{pattern: "./src/rbmutexkeep", code: 3},
		{pattern: "./src/godeadlock", code: 0},
		{pattern: "./src/godeadlockopts", code: 3}, // options and a wrapper with no facade equivalent
		{pattern: "./src/linkdead", code: 0},
		{pattern: "./src/anacrolixsync", code: 3}, // its profiling calls stay
		{pattern: "./src/usererr", pol: errlockPolicy, code: 0},
		{pattern: "./src/adhoctag", code: 0},
		{pattern: "./src/deadlocklate", code: 0},    // options set after locks may be used: they may change at any time
		{pattern: "./src/deadlockzero", code: 0},    // a zero timeout: no wait check, to go-deadlock and to the facade
		{pattern: "./src/deadlockruntime", code: 0}, // lazygit's options, in a method
		{pattern: "./src/deadlockwrap", code: 3},    // embedded wrapper fields named
		{pattern: "./src/pinned", code: 3},          // locks handed to generated code stay, reported
		{pattern: "./src/pinnedexcluded", code: 3},  // the same from a build-excluded file
		{pattern: "./src/pinnedswept", code: 3},     // a counter handed to a package the patterns leave out
		{pattern: "./src/pinnedtype", code: 3},      // a counter put in such a package's struct, by position
		{pattern: "./src/pinunloaded", code: 3},     // a counter handed on from a file only plan9 builds
	}
	for _, r := range runs {
		got := sweep(t, gopath, r.pol, true, false, r.pattern)
		if got.code != r.code {
			t.Errorf("-fix %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", r.pattern, got.code, r.code, got.stdout, got.stderr)
		}
	}
	goldens := 0
	err := filepath.WalkDir(filepath.Join(gopath, "src"), func(path string, d os.DirEntry, err error) error {
		if err == nil && d.IsDir() && strings.HasPrefix(d.Name(), "vet") {
			// The fixtures of go vet's and staticcheck's twins
			// (analyzers/): their goldens hold those analyzers' fixes.
			return filepath.SkipDir
		}
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		want, err := os.ReadFile(path + ".golden")
		if err != nil {
			t.Errorf("fixture %s has no .golden", path)
			return nil
		}
		goldens++
		got, _ := os.ReadFile(path)
		if !bytes.Equal(got, want) {
			t.Errorf("%s after -fix differs from its golden:\n%s", path, got)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if goldens < 20 {
		t.Errorf("only %d goldens compared", goldens)
	}
	// A second -fix of every fixture writes nothing, with the compile
	// check on: the swept fixtures type-check against the facade stub,
	// which has every name the real facade has (internal/facadeapi).
	before := snapshot(t, filepath.Join(gopath, "src"))
	for _, r := range runs {
		rules, err := r.pol.Compile()
		if err != nil {
			t.Fatal(err)
		}
		var out, errb bytes.Buffer
		code := driver.Run(driver.Options{
			Analyzer: syncsweep.New(rules),
			Rules:    rules,
			Patterns: []string{r.pattern},
			Dir:      gopath,
			Env:      gopathEnv(gopath),
			Tests:    true,
			Fix:      true,
			Verify:   true,
			Stdout:   &out,
			Stderr:   &errb,
		})
		if code != r.code || strings.Contains(errb.String(), "rewrote") || strings.Contains(errb.String(), "compile") {
			t.Errorf("second -fix %s: exit %d, want %d and nothing written\n%s", r.pattern, code, r.code, errb.String())
		}
	}
	for name, data := range snapshot(t, filepath.Join(gopath, "src")) {
		if before[name] != data {
			t.Errorf("the second -fix changed %s", name)
		}
	}
}

// TestDiffWritesNothing checks that -diff prints the change, exits 1 and
// leaves the files as they were.
func TestDiffWritesNothing(t *testing.T) {
	gopath := copyTestdata(t)
	file := filepath.Join(gopath, "src", "basic", "basic.go")
	before, _ := os.ReadFile(file)
	got := sweep(t, gopath, policy.Policy{}, false, true, "./src/basic")
	if got.code != driver.ExitError {
		t.Errorf("-diff exit %d, want 1", got.code)
	}
	for _, want := range []string{"--- a/src/basic/basic.go", "+++ b/src/basic/basic.go", "-\tmu    sync.Mutex", "+\tmu    facade.Mutex"} {
		if !strings.Contains(got.stdout, want) {
			t.Errorf("-diff output lacks %q:\n%s", want, got.stdout)
		}
	}
	after, _ := os.ReadFile(file)
	if !bytes.Equal(before, after) {
		t.Error("-diff wrote the file")
	}
	// A clean package: empty diff, exit 0.
	if got := sweep(t, gopath, policy.Policy{}, false, true, "./src/usertype"); got.code != 0 || got.stdout != "" {
		t.Errorf("-diff on a clean package: exit %d, output %q", got.code, got.stdout)
	}
}

// TestReport checks the plain report: file:line:col: message, exit 3.
func TestReport(t *testing.T) {
	gopath := copyTestdata(t)
	got := sweep(t, gopath, policy.Policy{}, false, false, "./src/generated")
	want := "src/generated/hand.go:6:10: sync.Mutex bypasses the lock facade (github.com/syncsweep/syncsweep/facade)\n"
	if got.code != driver.ExitFindings || got.stdout != want {
		t.Errorf("exit %d, stdout %q; want 3, %q", got.code, got.stdout, want)
	}
	if got := sweep(t, gopath, policy.Policy{}, false, false, "./src/usertype"); got.code != 0 || got.stdout != "" {
		t.Errorf("clean package: exit %d, stdout %q", got.code, got.stdout)
	}
}

// TestBadInput checks that a package that does not type-check is named
// with its first error and left byte for byte, that the other packages
// are still swept, and that the exit status says something was left.
func TestBadInput(t *testing.T) {
	gopath := copyTestdata(t)
	bad := filepath.Join(gopath, "src", "broken")
	if err := os.MkdirAll(bad, 0o755); err != nil {
		t.Fatal(err)
	}
	unparsable := filepath.Join(gopath, "src", "unparsable")
	if err := os.MkdirAll(unparsable, 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		filepath.Join(bad, "ok.go"):         "package broken\n\nimport \"sync\"\n\nvar Mu sync.Mutex\n",
		filepath.Join(bad, "bad.go"):        "package broken\n\nvar X int = \"not an int\"\n",
		filepath.Join(unparsable, "ok.go"):  "package unparsable\n\nimport \"sync\"\n\nvar Mu sync.Mutex\n",
		filepath.Join(unparsable, "bad.go"): "package unparsable\n\nfunc (\n",
	}
	for name, src := range files {
		if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got := sweep(t, gopath, policy.Policy{}, true, false, "./src/broken", "./src/unparsable", "./src/generated")
	if got.code != driver.ExitError {
		t.Errorf("exit %d, want 1", got.code)
	}
	for _, want := range []string{"package broken left untouched: src/broken/bad.go:3:13: cannot use", "package unparsable left untouched: src/unparsable/bad.go:4:1: syntax error"} {
		if !strings.Contains(got.stderr, want) {
			t.Errorf("stderr lacks %q (the package and its first error):\n%s", want, got.stderr)
		}
	}
	for name, src := range files {
		data, _ := os.ReadFile(name)
		if string(data) != src {
			t.Errorf("%s was written:\n%s", name, data)
		}
	}
	hand, _ := os.ReadFile(filepath.Join(gopath, "src", "generated", "hand.go"))
	if !strings.Contains(string(hand), "facade.Mutex") {
		t.Errorf("the good package was not swept:\n%s", hand)
	}
}

// TestModeKept checks that a rewritten file keeps its permissions.
func TestModeKept(t *testing.T) {
	gopath := copyTestdata(t)
	file := filepath.Join(gopath, "src", "generated", "hand.go")
	if err := os.Chmod(file, 0o600); err != nil {
		t.Fatal(err)
	}
	if got := sweep(t, gopath, policy.Policy{}, true, false, "./src/generated"); got.code != 0 {
		t.Fatalf("exit %d\n%s", got.code, got.stderr)
	}
	fi, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(file)
	if fi.Mode().Perm() != 0o600 || !strings.Contains(string(data), "facade.Mutex") {
		t.Errorf("mode %v after -fix, content:\n%s", fi.Mode().Perm(), data)
	}
}

// TestReadOnlyFile checks that a file that cannot be written is named,
// kept as it was, and fails the run.
func TestReadOnlyFile(t *testing.T) {
	gopath := copyTestdata(t)
	file := filepath.Join(gopath, "src", "generated", "hand.go")
	before, _ := os.ReadFile(file)
	if err := os.Chmod(file, 0o444); err != nil {
		t.Fatal(err)
	}
	got := sweep(t, gopath, policy.Policy{}, true, false, "./src/generated")
	if got.code != driver.ExitError || !strings.Contains(got.stderr, "hand.go: not rewritten: file is read-only") {
		t.Errorf("exit %d, stderr:\n%s", got.code, got.stderr)
	}
	after, _ := os.ReadFile(file)
	if !bytes.Equal(before, after) {
		t.Error("read-only file changed")
	}
	entries, _ := os.ReadDir(filepath.Dir(file))
	for _, e := range entries {
		if strings.Contains(e.Name(), ".syncsweep-") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

// TestJSON checks the machine-readable report: package, analyzer,
// position, message and the fix's title.
func TestJSON(t *testing.T) {
	gopath := copyTestdata(t)
	var out, errb bytes.Buffer
	code := driver.Run(driver.Options{
		Analyzer: analyzer(t, policy.Policy{}),
		Patterns: []string{"./src/generated"},
		Dir:      gopath,
		Env:      gopathEnv(gopath),
		JSON:     true,
		Stdout:   &out,
		Stderr:   &errb,
	})
	// go vet -json's shape: package ID -> analyzer -> diagnostics, each
	// with its suggested fixes as byte-offset edits.
	var tree map[string]map[string][]struct {
		Posn, End, Message string
		SuggestedFixes     []struct {
			Message string
			Edits   []struct {
				Filename   string
				Start, End int
				New        string
			}
		} `json:"suggested_fixes"`
	}
	if err := json.Unmarshal(out.Bytes(), &tree); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out.String())
	}
	diags := tree["generated"]["syncsweep"]
	if code != driver.ExitFindings || len(diags) != 1 ||
		!strings.HasSuffix(diags[0].Posn, "src/generated/hand.go:6:10") ||
		!strings.HasSuffix(diags[0].End, "src/generated/hand.go:6:20") ||
		!strings.Contains(diags[0].Message, "sync.Mutex bypasses the lock facade") ||
		len(diags[0].SuggestedFixes) != 1 ||
		diags[0].SuggestedFixes[0].Message != "Use facade.Mutex from github.com/syncsweep/syncsweep/facade" {
		t.Fatalf("exit %d, JSON:\n%s", code, out.String())
	}
	// Applying the edits by offset gives the golden file.
	edits := diags[0].SuggestedFixes[0].Edits
	src, err := os.ReadFile(edits[0].Filename)
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].Start > edits[j].Start })
	for _, e := range edits {
		src = append(src[:e.Start:e.Start], append([]byte(e.New), src[e.End:]...)...)
	}
	if want, _ := os.ReadFile(edits[0].Filename + ".golden"); !bytes.Equal(src, want) {
		t.Errorf("the JSON edits give:\n%s\nwant:\n%s", src, want)
	}
}

// TestStats checks the migration dashboard: counts per package, the
// allow-listed package, and every directive with its reason.
func TestStats(t *testing.T) {
	gopath := copyTestdata(t)
	var out, errb bytes.Buffer
	code := driver.Run(driver.Options{
		Analyzer: analyzer(t, policy.Policy{Allow: []string{"allowlisted"}}),
		Patterns: []string{"./src/allow", "./src/allowlisted", "./src/renamed"},
		Dir:      gopath,
		Env:      gopathEnv(gopath),
		Stats:    true,
		JSON:     true,
		Stdout:   &out,
		Stderr:   &errb,
	})
	var st driver.Stats
	if err := json.Unmarshal(out.Bytes(), &st); err != nil || code != driver.ExitClean {
		t.Fatalf("exit %d, err %v\n%s%s", code, err, out.String(), errb.String())
	}
	want := []driver.PackageStats{
		{Package: "allow", Direct: 6, Kept: 12, Allows: 12},
		{Package: "allowlisted", AllowListed: true},
		{Package: "renamed", Direct: 4},
	}
	if len(st.Packages) != len(want) {
		t.Fatalf("packages %+v", st.Packages)
	}
	for i := range want {
		if st.Packages[i] != want[i] {
			t.Errorf("row %d = %+v, want %+v", i, st.Packages[i], want[i])
		}
	}
	if len(st.Allows) != 12 || st.Allows[0].Reason != "handed to C code that needs sync's layout" || st.Allows[0].Kept != 1 {
		t.Errorf("allows %+v", st.Allows)
	}
	// Sorted by position: nolint.go's line 8 comes before its line 10.
	if a := st.Allows[6]; !strings.HasSuffix(a.Posn, "nolint.go:8:15") || !a.Nolint || a.Reason != "shared with cgo" {
		t.Errorf("allows[6] = %+v", a)
	}
	if st.Total.Direct != 10 || st.Total.Kept != 12 || st.Swept != 0 {
		t.Errorf("total %+v, swept %.1f", st.Total, st.Swept)
	}
}

// TestStaysAreInformation: a counting semaphore and a cancellable acquire,
// which the facade has no equivalent for, are no findings: the report is
// clean (exit 0), -fix says once what stays and why without counting it,
// -stats gives them a column and a list; with the policy's
// reportNoEquivalent they are findings again.
func TestStaysAreInformation(t *testing.T) {
	gopath := copyTestdata(t)
	src := filepath.Join(gopath, "src", "counting", "counting.go")
	if err := os.MkdirAll(filepath.Dir(src), 0o755); err != nil {
		t.Fatal(err)
	}
	code := `package counting

import (
	"context"

	"golang.org/x/sync/semaphore"
)

var conns = semaphore.NewWeighted(8)

var timed = semaphore.NewWeighted(1)

func serve(ctx context.Context) error {
	if err := conns.Acquire(context.Background(), 1); err != nil {
		return err
	}
	defer conns.Release(1)
	if err := timed.Acquire(ctx, 1); err != nil {
		return err
	}
	timed.Release(1)
	return nil
}
`
	if err := os.WriteFile(src, []byte(code), 0o644); err != nil {
		t.Fatal(err)
	}
	const conns = "src/counting/counting.go:9:5: conns stays golang.org/x/sync/semaphore.Weighted, a counting semaphore, which the facade has no equivalent for: semaphore.NewWeighted(8) at counting.go:9: weight 8 is not the constant 1, so it is no mutex"
	if r := sweep(t, gopath, policy.Policy{}, false, false, "./src/counting"); r.code != driver.ExitClean || r.stdout != "" {
		t.Errorf("report: exit %d, want 0 and nothing\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := sweep(t, gopath, policy.Policy{ReportNoEquivalent: true}, false, false, "./src/counting"); r.code != driver.ExitFindings ||
		!strings.Contains(r.stdout, "conns cannot move to facade.Mutex") || !strings.Contains(r.stdout, "timed cannot move to facade.Mutex") {
		t.Errorf("report with reportNoEquivalent: exit %d, want 3 and both\n%s%s", r.code, r.stdout, r.stderr)
	}
	fix := sweep(t, gopath, policy.Policy{}, true, false, "./src/counting")
	if fix.code != driver.ExitClean || strings.Count(fix.stderr, "conns stays") != 1 || !strings.Contains(fix.stderr, "\t"+conns+"\n") ||
		!strings.Contains(fix.stderr, "timed stays golang.org/x/sync/semaphore.Weighted, a lock whose acquire can be cancelled") {
		t.Errorf("-fix: exit %d, want 0 and what stays, once\n%s", fix.code, fix.stderr)
	}
	if data, _ := os.ReadFile(src); string(data) != code {
		t.Errorf("-fix changed what stays:\n%s", data)
	}
	sample, err := readme.Sample(filepath.Join("..", "README.md"), "stays-semaphore")
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Join(sample, "\n") + "\n"; !strings.HasSuffix(fix.stderr, want) {
		t.Errorf("-fix says\n%s\nthe README shows\n%s", fix.stderr, want)
	}
	var out, errb bytes.Buffer
	rc := driver.Run(driver.Options{
		Analyzer: analyzer(t, policy.Policy{}),
		Patterns: []string{"./src/counting"},
		Dir:      gopath,
		Env:      gopathEnv(gopath),
		Stats:    true,
		Stdout:   &out,
		Stderr:   &errb,
	})
	for _, want := range []string{
		"package   direct  facade  kept  stays  swept\ncounting  0       0       0     2      100.0%\n",
		"2 stay on their own lock package (stays: no facade equivalent):\n" + conns + "\n",
	} {
		if rc != driver.ExitClean || !strings.Contains(out.String(), want) {
			t.Errorf("-stats: exit %d, want %q in\n%s%s", rc, want, out.String(), errb.String())
		}
	}
}

// TestBadInputKinds puts one package of each kind of bad input beside a
// good one: each is named with its first error and left untouched, a
// summary line counts them, and the good package is still swept.
func TestBadInputKinds(t *testing.T) {
	const lock = "package %s\n\nimport \"sync\"\n\nvar Mu sync.Mutex\n"
	tests := []struct {
		name      string
		files     map[string]string // name -> source ("%s" is the package name)
		env       []string
		tags      string
		wantError string
	}{
		{name: "parseerror", files: map[string]string{"bad.go": "package %s\n\nfunc (\n"}, wantError: "syntax error"},
		{name: "typeerror", files: map[string]string{"bad.go": "package %s\n\nvar X int = \"s\"\n"}, wantError: "cannot use"},
		{
			name:      "missinggen",
			files:     map[string]string{"gen.go": "package %s\n\n//go:generate stringer -type=Kind\n\ntype Kind int\n\nvar _ = Kind(0).String()\n"},
			wantError: "Kind(0).String undefined",
		},
		{
			name:      "nocc",
			files:     map[string]string{"c.go": "package %s\n\n// int two(void) { return 2; }\nimport \"C\"\n\nvar Two = C.two()\n"},
			env:       []string{"CGO_ENABLED=1", "CC=/nonexistent/cc"},
			wantError: "nonexistent",
		},
		{
			name: "tagclash",
			files: map[string]string{
				"a.go": "//go:build foo\n\npackage %s\n\nvar X = 1\n",
				"b.go": "//go:build foo\n\npackage %s\n\nvar X = 2\n",
			},
			tags:      "foo",
			wantError: "X redeclared",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gopath := copyTestdata(t)
			dir := filepath.Join(gopath, "src", tt.name)
			files := map[string]string{"lock.go": fmt.Sprintf(lock, tt.name)}
			for name, src := range tt.files {
				files[name] = strings.ReplaceAll(src, "%s", tt.name)
			}
			for name, src := range files {
				if err := os.MkdirAll(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var flags []string
			if tt.tags != "" {
				flags = []string{"-tags=" + tt.tags}
			}
			var out, errb bytes.Buffer
			code := driver.Run(driver.Options{
				Analyzer:   analyzer(t, policy.Policy{}),
				Patterns:   []string{"./src/" + tt.name, "./src/generated"},
				Dir:        gopath,
				Env:        append(gopathEnv(gopath), tt.env...),
				BuildFlags: flags,
				Fix:        true,
				Stdout:     &out,
				Stderr:     &errb,
			})
			stderr := errb.String()
			if code != driver.ExitError || !strings.Contains(stderr, "package "+tt.name+" left untouched: ") || !strings.Contains(stderr, tt.wantError) {
				t.Errorf("exit %d; stderr lacks the package and %q:\n%s", code, tt.wantError, stderr)
			}
			if !strings.Contains(stderr, "syncsweep: 1 of 2 packages left untouched") {
				t.Errorf("no summary line:\n%s", stderr)
			}
			for name, src := range files {
				if data, _ := os.ReadFile(filepath.Join(dir, name)); string(data) != src {
					t.Errorf("%s was written:\n%s", name, data)
				}
			}
			if hand, _ := os.ReadFile(filepath.Join(gopath, "src", "generated", "hand.go")); !bytes.Contains(hand, []byte("facade.Mutex")) {
				t.Errorf("the good package was not swept:\n%s", hand)
			}
		})
	}
}

// TestProgress checks the progress display: packages done out of the
// total, and the line cleared before anything else is printed.
func TestProgress(t *testing.T) {
	gopath := copyTestdata(t)
	var out, errb bytes.Buffer
	code := driver.Run(driver.Options{
		Analyzer: analyzer(t, policy.Policy{}),
		Patterns: []string{"./src/generated", "./src/basic"},
		Dir:      gopath,
		Env:      gopathEnv(gopath),
		Progress: true,
		Stdout:   &out,
		Stderr:   &errb,
	})
	stderr := errb.String()
	if code != driver.ExitFindings || !strings.HasPrefix(stderr, "syncsweep: loading packages...\r\033[K") || !strings.HasSuffix(stderr, "\r\033[K") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	// Without it (CI, pipes), stderr stays plain.
	errb.Reset()
	driver.Run(driver.Options{Analyzer: analyzer(t, policy.Policy{}), Patterns: []string{"./src/basic"}, Dir: gopath, Env: gopathEnv(gopath), Stdout: &out, Stderr: &errb})
	if strings.Contains(errb.String(), "\r") {
		t.Errorf("progress without Progress: %q", errb.String())
	}
}

// TestScope: only the packages the patterns name are written. Here a's
// external test imports b, which imports a, so go list recompiles b for
// a's test ("b [a.test]"); b's files must not be written all the same.
// With Tests off, a's test files are left too.
func TestScope(t *testing.T) {
	const lockFile = "package %s\n\nimport \"sync\"\n\nvar Mu sync.Mutex\n"
	files := map[string]string{
		"scopea/a.go":       fmt.Sprintf(lockFile, "scopea"),
		"scopea/in_test.go": "package scopea\n\nimport (\n\t\"sync\"\n\t\"testing\"\n)\n\nfunc TestIn(t *testing.T) { var wg sync.WaitGroup; wg.Wait() }\n",
		"scopea/x_test.go":  "package scopea_test\n\nimport (\n\t\"testing\"\n\n\t\"scopeb\"\n)\n\nfunc TestX(t *testing.T) { scopeb.Use() }\n",
		"scopeb/b.go":       "package scopeb\n\nimport (\n\t\"sync\"\n\n\t\"scopea\"\n)\n\nvar mu sync.Mutex\n\n// Use locks both.\nfunc Use() { mu.Lock(); scopea.Mu.Lock() }\n",
	}
	for _, tests := range []bool{true, false} {
		gopath := copyTestdata(t)
		for name, src := range files {
			path := filepath.Join(gopath, "src", filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		var out, errb bytes.Buffer
		code := driver.Run(driver.Options{
			Analyzer: analyzer(t, policy.Policy{}),
			Patterns: []string{"./src/scopea"},
			Dir:      gopath,
			Env:      gopathEnv(gopath),
			Tests:    tests,
			Fix:      true,
			Stdout:   &out,
			Stderr:   &errb,
		})
		read := func(name string) string {
			data, _ := os.ReadFile(filepath.Join(gopath, "src", filepath.FromSlash(name)))
			return string(data)
		}
		if code != driver.ExitClean || !strings.Contains(read("scopea/a.go"), "facade.Mutex") {
			t.Fatalf("tests=%v: exit %d, a.go:\n%s\n%s", tests, code, read("scopea/a.go"), errb.String())
		}
		if read("scopeb/b.go") != files["scopeb/b.go"] {
			t.Errorf("tests=%v: b.go, outside the patterns, was written:\n%s", tests, read("scopeb/b.go"))
		}
		if swept := strings.Contains(read("scopea/in_test.go"), "facade.WaitGroup"); swept != tests {
			t.Errorf("tests=%v: in_test.go swept=%v:\n%s", tests, swept, read("scopea/in_test.go"))
		}
	}
}

// TestBatches runs the same sweep in one batch and in batches of one file
// (one package at a time, each loaded and dropped in turn): the files
// written, the report, the JSON and the statistics are the same.
func TestBatches(t *testing.T) {
	patterns := []string{"./src/basic", "./src/atomics", "./src/renamed", "./src/shadow", "./src/generated", "./src/imports", "./src/crossbuild", "./src/allow"}
	type outcome struct {
		report, json, stats string
		files               map[string]string
	}
	run := func(batch int) outcome {
		gopath := copyTestdata(t)
		var o outcome
		for _, mode := range []string{"report", "json", "stats", "fix"} {
			var out, errb bytes.Buffer
			driver.Run(driver.Options{
				Analyzer:   analyzer(t, policy.Policy{}),
				Patterns:   patterns,
				Dir:        gopath,
				Env:        gopathEnv(gopath),
				Tests:      true,
				JSON:       mode == "json",
				Stats:      mode == "stats",
				Fix:        mode == "fix",
				BatchFiles: batch,
				Stdout:     &out,
				Stderr:     &errb,
			})
			switch mode {
			case "report":
				o.report = out.String()
			case "json":
				o.json = strings.ReplaceAll(out.String(), gopath, "GOPATH")
			case "stats":
				o.stats = out.String()
			}
		}
		o.files = make(map[string]string)
		for _, p := range patterns {
			names, _ := filepath.Glob(filepath.Join(gopath, p, "*.go"))
			for _, n := range names {
				data, _ := os.ReadFile(n)
				rel, _ := filepath.Rel(gopath, n)
				o.files[rel] = string(data)
			}
		}
		return o
	}
	whole, batched := run(100000), run(1)
	if whole.report == "" || !strings.Contains(whole.json, `"renamed"`) || !strings.Contains(whole.json, `"basic"`) {
		t.Fatalf("unexpected baseline:\n%s\n%s", whole.report, whole.json)
	}
	if whole.report != batched.report {
		t.Errorf("report differs:\n%s\nbatched:\n%s", whole.report, batched.report)
	}
	if whole.json != batched.json {
		t.Errorf("JSON differs:\n%s\nbatched:\n%s", whole.json, batched.json)
	}
	if whole.stats != batched.stats {
		t.Errorf("stats differ:\n%s\nbatched:\n%s", whole.stats, batched.stats)
	}
	for name, data := range whole.files {
		if batched.files[name] != data {
			t.Errorf("%s differs after the batched -fix:\n%s", name, batched.files[name])
		}
	}
}

// TestChangedOnDisk: a file edited after it was loaded (here, between the
// analysis and the writes) is refused by name, and keeps the user's edit;
// the other files are still written.
func TestChangedOnDisk(t *testing.T) {
	gopath := copyTestdata(t)
	edited := filepath.Join(gopath, "src", "basic", "basic.go")
	var out, errb bytes.Buffer
	code := driver.Run(driver.Options{
		Analyzer: analyzer(t, policy.Policy{}),
		Patterns: []string{"./src/basic", "./src/generated"},
		Dir:      gopath,
		Env:      gopathEnv(gopath),
		Fix:      true,
		AfterAnalysis: func() {
			f, err := os.OpenFile(edited, os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			f.WriteString("\n// the user's edit\n")
			f.Close()
		},
		Stdout: &out,
		Stderr: &errb,
	})
	if code != driver.ExitError || !strings.Contains(errb.String(), "src/basic/basic.go: not rewritten: it changed on disk since it was loaded") {
		t.Errorf("exit %d\n%s", code, errb.String())
	}
	if data, _ := os.ReadFile(edited); !bytes.HasSuffix(data, []byte("// the user's edit\n")) || bytes.Contains(data, []byte("facade.")) {
		t.Errorf("the edited file was written:\n%s", data)
	}
	if hand, _ := os.ReadFile(filepath.Join(gopath, "src", "generated", "hand.go")); !bytes.Contains(hand, []byte("facade.Mutex")) {
		t.Errorf("the other package was not swept:\n%s", hand)
	}
}
