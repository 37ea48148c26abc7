package main_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/syncsweep/syncsweep/internal/readme"
)

// These tests build the syncsweep binary and run it as a user would, on a
// copy of the bundled example workspace and on a throwaway module.

var repoRoot = func() string {
	dir, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		panic(err)
	}
	return dir
}()

func buildTool(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "syncsweep")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

type ran struct {
	code           int
	stdout, stderr string
}

func runIn(t *testing.T, dir string, env []string, name string, args ...string) ran {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return ran{code, out.String(), errb.String()}
}

func mustRun(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	r := runIn(t, dir, env, name, args...)
	if r.code != 0 {
		t.Fatalf("%s %s: exit %d\n%s%s", name, strings.Join(args, " "), r.code, r.stdout, r.stderr)
	}
	return r.stdout
}

// copyExamples copies examples/ to a temporary directory and points its
// replace directive at this checkout's facade.
func copyExamples(t *testing.T) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "examples")
	if err := os.CopyFS(dst, os.DirFS(filepath.Join(repoRoot, "examples"))); err != nil {
		t.Fatal(err)
	}
	mustRun(t, dst, nil, "go", "mod", "edit", "-replace=github.com/syncsweep/syncsweep/facade="+filepath.Join(repoRoot, "facade"))
	return dst
}

// writeTree writes files (slash-separated path -> content) under root.
func writeTree(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, src := range files {
		path := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// treeHash fingerprints every file under dir.
func treeHash(t *testing.T, dir string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s %x\n", path, sha256.Sum256(data))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// TestExampleWorkspace is the README's main job, checked end to end.
func TestExampleWorkspace(t *testing.T) {
	bin := buildTool(t)
	dir := copyExamples(t)
	pristine := treeHash(t, dir)

	report := runIn(t, dir, nil, bin, "./...")
	if report.code != 3 || !strings.Contains(report.stdout, "cache/cache.go:11:9: sync.RWMutex bypasses the lock facade") ||
		!strings.Contains(report.stdout, "platform/platform_windows.go:6:13: sync.Once bypasses") {
		t.Fatalf("report: exit %d\n%s%s", report.code, report.stdout, report.stderr)
	}

	diff := runIn(t, dir, nil, bin, "-diff", "./...")
	if diff.code != 1 || !strings.Contains(diff.stdout, "+\tmu     facade.RWMutex // guards items") {
		t.Fatalf("-diff: exit %d\n%s%s", diff.code, diff.stdout, diff.stderr)
	}
	if treeHash(t, dir) != pristine {
		t.Fatal("-diff changed the workspace")
	}

	fix := runIn(t, dir, nil, bin, "-fix", "./...")
	// Six files swept, and four lock-class tables (one per package with
	// locks) for the deadlock backend. The facade needs no go-deadlock: it
	// leaves with the last import of it.
	if fix.code != 0 || !strings.Contains(fix.stderr, "rewrote 10 file(s)") ||
		!strings.Contains(fix.stderr, "nothing imports github.com/sasha-s/go-deadlock any more; go mod tidy will drop it from go.mod") {
		t.Fatalf("-fix: exit %d\n%s%s", fix.code, fix.stdout, fix.stderr)
	}
	// The swept workspace builds, vets and passes its tests, on this OS
	// and for the Windows file the build here never compiles.
	mustRun(t, dir, nil, "go", "build", "./...")
	mustRun(t, dir, nil, "go", "vet", "./...")
	mustRun(t, dir, nil, "go", "test", "./...")
	mustRun(t, dir, []string{"GOOS=windows"}, "go", "vet", "./...")
	if out := mustRun(t, dir, nil, "gofmt", "-l", "."); out != "" {
		t.Errorf("gofmt -l after -fix:\n%s", out)
	}
	for _, f := range []string{"cache/cache.go", "worker/worker.go", "platform/platform_windows.go", "registry/registry.go"} {
		data, _ := os.ReadFile(filepath.Join(dir, f))
		if bytes.Contains(data, []byte(`"sync"`)) || bytes.Contains(data, []byte(`"sync/atomic"`)) || bytes.Contains(data, []byte(`go-deadlock"`)) {
			t.Errorf("%s still imports sync or go-deadlock:\n%s", f, data)
		}
	}
	registry, _ := os.ReadFile(filepath.Join(dir, "registry/registry.go"))
	if !bytes.Contains(registry, []byte("facade.UpdateDetectorOptions(func(o *facade.DetectorOptions) {\n\t\to.Timeout = 2 * time.Minute")) {
		t.Errorf("go-deadlock's options did not become the facade's:\n%s", registry)
	}
	cache, _ := os.ReadFile(filepath.Join(dir, "cache/cache.go"))
	if !bytes.Contains(cache, []byte("misses int64 // updated with atomic.AddInt64")) {
		t.Errorf("a comment moved or changed:\n%s", cache)
	}

	swept := treeHash(t, dir)
	again := runIn(t, dir, nil, bin, "-fix", "./...")
	if again.code != 0 || treeHash(t, dir) != swept {
		t.Fatalf("second -fix: exit %d, changed=%v\n%s%s", again.code, treeHash(t, dir) != swept, again.stdout, again.stderr)
	}
	// The tables name each lock's declaration, and the deadlock backend
	// builds, vets and runs the tests with them.
	table, _ := os.ReadFile(filepath.Join(dir, "cache", "syncsweep_lockclass.go"))
	if !bytes.Contains(table, []byte(`"example.com/legacy/cache.(*Cache).Get": {{Receiver: "c.mu", Class: "example.com/legacy/cache.Cache.mu"}}`)) {
		t.Errorf("cache's lock-class table:\n%s", table)
	}
	mustRun(t, dir, nil, "go", "vet", "-tags", "deadlock", "./...")
	mustRun(t, dir, nil, "go", "test", "-tags", "deadlock", "./...")
	if clean := runIn(t, dir, nil, bin, "./..."); clean.code != 0 || clean.stdout != "" {
		t.Fatalf("report after -fix: exit %d\n%s%s", clean.code, clean.stdout, clean.stderr)
	}
}

// TestGoVetAndGoFix runs the binary as a vet tool and as a fix tool.
func TestGoVetAndGoFix(t *testing.T) {
	bin := buildTool(t)
	dir := copyExamples(t)
	pristine := treeHash(t, dir)

	vet := runIn(t, dir, nil, "go", "vet", "-vettool="+bin, "./...")
	if vet.code == 0 || !strings.Contains(vet.stderr, "cache.go:11:9: sync.RWMutex bypasses the lock facade") {
		t.Fatalf("go vet -vettool: exit %d\n%s%s", vet.code, vet.stdout, vet.stderr)
	}

	diff := runIn(t, dir, nil, "go", "fix", "-fixtool="+bin, "-diff", "./...")
	if !strings.Contains(diff.stdout, "+\tmu     facade.RWMutex // guards items") {
		t.Fatalf("go fix -diff: exit %d\n%s%s", diff.code, diff.stdout, diff.stderr)
	}
	if treeHash(t, dir) != pristine {
		t.Fatal("go fix -diff changed the workspace")
	}

	fix := runIn(t, dir, nil, "go", "fix", "-fixtool="+bin, "./...")
	if fix.code != 0 {
		t.Fatalf("go fix: exit %d\n%s%s", fix.code, fix.stdout, fix.stderr)
	}
	mustRun(t, dir, nil, "go", "build", "./...")
	mustRun(t, dir, []string{"GOOS=windows"}, "go", "vet", "./...")
	for _, f := range []string{"cache/cache.go", "worker/worker.go", "platform/platform.go", "platform/platform_windows.go"} {
		if data, _ := os.ReadFile(filepath.Join(dir, f)); bytes.Contains(data, []byte(`"sync"`)) {
			t.Errorf("go fix left %s importing sync:\n%s", f, data)
		}
	}
	if vet := runIn(t, dir, nil, "go", "vet", "-vettool="+bin, "./..."); vet.code != 0 {
		t.Fatalf("go vet -vettool after go fix: exit %d\n%s%s", vet.code, vet.stdout, vet.stderr)
	}
}

// TestAdoptionKeepsGoLine is shared/DESIGN.md section 3 as a test: a
// module with an old go line adopts the facade and nothing else changes.
func TestAdoptionKeepsGoLine(t *testing.T) {
	bin := buildTool(t)
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module example.com/old\n\ngo 1.21\n",
		"old.go": "package old\n\nimport \"sync\"\n\n// Counter counts under a lock.\ntype Counter struct {\n\tmu sync.Mutex\n\tn  int\n}\n\n// Inc adds one.\nfunc (c *Counter) Inc() {\n\tc.mu.Lock()\n\tc.n++\n\tc.mu.Unlock()\n}\n",
	}
	writeTree(t, dir, files)
	fix := runIn(t, dir, nil, bin, "-fix", "./...")
	wantHint := "go get github.com/syncsweep/syncsweep/facade@"
	if fix.code != 0 || !strings.Contains(fix.stderr, "module example.com/old does not require github.com/syncsweep/syncsweep/facade") ||
		!strings.Contains(fix.stderr, wantHint) {
		t.Fatalf("-fix: exit %d, want the go get hint\n%s%s", fix.code, fix.stdout, fix.stderr)
	}
	// What the hint's go get does, pointed at this checkout instead of
	// the module proxy.
	mustRun(t, dir, nil, "go", "mod", "edit",
		"-require=github.com/syncsweep/syncsweep/facade@v0.0.0",
		"-replace=github.com/syncsweep/syncsweep/facade="+filepath.Join(repoRoot, "facade"))
	mustRun(t, dir, nil, "go", "mod", "tidy")
	gomod, _ := os.ReadFile(filepath.Join(dir, "go.mod"))
	if !bytes.Contains(gomod, []byte("\ngo 1.21\n")) {
		t.Errorf("go line changed:\n%s", gomod)
	}
	sum, _ := os.ReadFile(filepath.Join(dir, "go.sum"))
	for _, banned := range []string{"golang.org/x/tools", "github.com/dave/dst", "golangci", "golang.org/x/mod"} {
		if bytes.Contains(sum, []byte(banned)) || bytes.Contains(gomod, []byte(banned)) {
			t.Errorf("adopting the facade brought in %s:\ngo.mod:\n%s\ngo.sum:\n%s", banned, gomod, sum)
		}
	}
	mustRun(t, dir, nil, "go", "build", "./...")
	mustRun(t, dir, nil, "go", "vet", "./...")
	if again := runIn(t, dir, nil, bin, "./..."); again.code != 0 {
		t.Errorf("report after adoption: exit %d\n%s%s", again.code, again.stdout, again.stderr)
	}
}

// TestFirstSweepKeepsWhatCannotMove is issue 12's case, swept as a first
// sweep (the module does not require the facade): a lock handed to
// generated code that wants *sync.Mutex, on linux and in a Windows file,
// stays sync.Mutex and is named; the other locks move; a lock handed to
// another module stays too. After the printed go get, go build passes for
// linux and for windows, and a second -fix changes nothing.
func TestFirstSweepKeepsWhatCannotMove(t *testing.T) {
	bin := buildTool(t)
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"ext/go.mod": "module example.com/ext\n\ngo 1.21\n",
		"ext/ext.go": "package ext\n\nimport \"sync\"\n\n// Use wants the std lock itself.\nfunc Use(mu *sync.Mutex) { mu.Lock(); mu.Unlock() }\n",
		"app/go.mod": "module example.com/app\n\ngo 1.21\n\nrequire example.com/ext v0.0.0\n\nreplace example.com/ext => ../ext\n",
		"app/gen/gen.go": `// Code generated by protoc-gen-lock. DO NOT EDIT.

package gen

import "sync"

// Use locks and unlocks mu.
func Use(mu *sync.Mutex) { mu.Lock(); mu.Unlock() }
`,
		"app/app.go": `package app

import (
	"sync"

	"example.com/app/gen"
	"example.com/ext"
)

var shared sync.Mutex

var free sync.Mutex

var other sync.Mutex

func Run() {
	gen.Use(&shared)
	ext.Use(&other)
	free.Lock()
	free.Unlock()
}
`,
		"app/app_windows.go": `package app

import (
	"sync"

	"example.com/app/gen"
)

var winShared sync.Mutex

var winFree sync.RWMutex

func init() {
	gen.Use(&winShared)
	winFree.RLock()
	winFree.RUnlock()
}
`,
	})
	app := filepath.Join(root, "app")
	fix := runIn(t, app, nil, bin, "-fix", "-v", "./...")
	for _, want := range []string{
		"app.go:10:5: shared stays sync.Mutex: &shared is passed to gen.Use at app.go:17, which wants *sync.Mutex; gen.Use is declared in generated file gen.go",
		"app.go:14:5: other stays sync.Mutex: &other is passed to ext.Use at app.go:18, which wants *sync.Mutex; ext.Use is declared in example.com/ext, which the sweep does not rewrite",
		"app_windows.go:9:5: winShared stays sync.Mutex: &winShared is passed to gen.Use at app_windows.go:14",
		"GOOS=windows GOARCH=amd64: 1 file(s) in 1 package(s)",
		"go get github.com/syncsweep/syncsweep/facade@",
	} {
		if !strings.Contains(fix.stderr, want) {
			t.Errorf("-fix does not say %q", want)
		}
	}
	if fix.code != 3 {
		t.Errorf("-fix: exit %d, want 3 (the kept locks are findings without a fix)", fix.code)
	}
	if sample := readmeSample(t, "stays-sync"); !strings.Contains(fix.stderr, sample[0]+" (no automatic fix)") {
		t.Errorf("the README's sample %q is not what -fix says", sample[0])
	}
	if t.Failed() {
		t.Fatalf("-fix output:\n%s%s", fix.stdout, fix.stderr)
	}
	src, _ := os.ReadFile(filepath.Join(app, "app.go"))
	win, _ := os.ReadFile(filepath.Join(app, "app_windows.go"))
	for _, want := range []string{"var shared sync.Mutex", "var other sync.Mutex", "var free facade.Mutex"} {
		if !bytes.Contains(src, []byte(want)) {
			t.Errorf("app.go has no %q:\n%s", want, src)
		}
	}
	for _, want := range []string{"var winShared sync.Mutex", "var winFree facade.RWMutex"} {
		if !bytes.Contains(win, []byte(want)) {
			t.Errorf("app_windows.go has no %q:\n%s", want, win)
		}
	}
	// What the printed go get does, pointed at this checkout.
	mustRun(t, app, nil, "go", "mod", "edit",
		"-require=github.com/syncsweep/syncsweep/facade@v0.0.0",
		"-replace=github.com/syncsweep/syncsweep/facade="+filepath.Join(repoRoot, "facade"))
	mustRun(t, app, nil, "go", "build", "./...")
	mustRun(t, app, []string{"GOOS=windows"}, "go", "build", "./...")
	mustRun(t, app, []string{"GOOS=windows"}, "go", "vet", "./...")
	swept := treeHash(t, root)
	if again := runIn(t, app, nil, bin, "-fix", "./..."); again.code != 3 || treeHash(t, root) != swept {
		t.Fatalf("second -fix: exit %d, changed=%v\n%s", again.code, treeHash(t, root) != swept, again.stderr)
	}
}

// TestRefusesSweepThatWouldNotCompile: a lock handed to another swept
// package's function whose parameter that package's own sweep keeps on
// sync (it goes on to generated code): each package's reasoning is sound
// on its own, and only the type-check of the result sees them meet. It
// names the line, and nothing is written.
func TestRefusesSweepThatWouldNotCompile(t *testing.T) {
	bin := buildTool(t)
	root := t.TempDir()
	files := map[string]string{
		"go.mod":     "module example.com/app\n\ngo 1.21\n",
		"gen/gen.go": "// Code generated by hand. DO NOT EDIT.\n\npackage gen\n\nimport \"sync\"\n\n// Use wants the std lock itself.\nfunc Use(mu *sync.Mutex) { mu.Lock(); mu.Unlock() }\n",
		"b/b.go":     "package b\n\nimport (\n\t\"sync\"\n\n\t\"example.com/app/gen\"\n)\n\n// Lock hands mu to generated code.\nfunc Lock(mu *sync.Mutex) { gen.Use(mu) }\n",
		"app.go":     "package app\n\nimport (\n\t\"sync\"\n\n\t\"example.com/app/b\"\n)\n\nvar mu sync.Mutex\n\n// Run hands the lock to b.\nfunc Run() { b.Lock(&mu) }\n",
		"other.go":   "package app\n\nimport \"sync\"\n\nvar other sync.RWMutex\n",
	}
	writeTree(t, root, files)
	before := treeHash(t, root)
	fix := runIn(t, root, nil, bin, "-fix", "./...")
	if fix.code != 1 || !strings.Contains(fix.stderr, "nothing written") ||
		!strings.Contains(fix.stderr, "app.go:12:21: cannot use &mu (value of type *facade.Mutex) as *\"sync\".Mutex value in argument to b.Lock") {
		t.Fatalf("-fix: exit %d\n%s%s", fix.code, fix.stdout, fix.stderr)
	}
	if treeHash(t, root) != before {
		t.Fatal("files were written although the result would not compile")
	}
	// -verify=false is the user's explicit choice to write anyway.
	if forced := runIn(t, root, nil, bin, "-fix", "-verify=false", "./..."); forced.code != 3 {
		t.Fatalf("-fix -verify=false: exit %d\n%s", forced.code, forced.stderr)
	}
	mustRun(t, root, nil, "go", "mod", "edit",
		"-require=github.com/syncsweep/syncsweep/facade@v0.0.0",
		"-replace=github.com/syncsweep/syncsweep/facade="+filepath.Join(repoRoot, "facade"))
	if build := runIn(t, root, nil, "go", "build", "./..."); build.code == 0 {
		t.Fatal("the forced sweep compiles, so the refusal above was wrong")
	}
}

// TestGuardAfterSweep is the paired analyzer's job: after a sweep, a lock
// that comes back through a renamed import is reported by the CLI and by
// go vet at the same position with the same message; a directive with a
// reason keeps a use and -stats lists it; the policy reaches go vet
// through -config.
func TestGuardAfterSweep(t *testing.T) {
	bin := buildTool(t)
	dir := copyExamples(t)
	mustRun(t, dir, nil, bin, "-fix", "./...")
	writeTree(t, dir, map[string]string{
		"cache/regress.go": `package cache

import gosync "sync"

var regress gosync.Mutex

var kept gosync.WaitGroup //syncsweep:allow waits on a C callback

func use() { regress.Lock(); kept.Wait() }
`,
		"allowcache.json": `{"allow": ["example.com/legacy/cache"]}`,
		"badkey.json":     `{"alow": ["example.com/legacy/cache"]}`,
	})
	const want = "cache/regress.go:5:13: sync.Mutex bypasses the lock facade (github.com/syncsweep/syncsweep/facade)"

	cli := runIn(t, dir, nil, bin, "./...")
	if cli.code != 3 || strings.TrimSpace(cli.stdout) != want {
		t.Errorf("syncsweep: exit %d, want 3 and exactly %q\n%s%s", cli.code, want, cli.stdout, cli.stderr)
	}
	vet := runIn(t, dir, nil, "go", "vet", "-vettool="+bin, "./...")
	if vet.code != 1 || strings.TrimSpace(vet.stderr) != want {
		t.Errorf("go vet -vettool: exit %d, want 1 and exactly %q\n%s%s", vet.code, want, vet.stdout, vet.stderr)
	}

	stats := runIn(t, dir, nil, bin, "-stats", "./...")
	for _, s := range []string{
		"example.com/legacy/cache",
		"cache/regress.go:7:27: keeps 1: waits on a C callback",
	} {
		if stats.code != 0 || !strings.Contains(stats.stdout, s) {
			t.Errorf("-stats: exit %d, want %q in\n%s%s", stats.code, s, stats.stdout, stats.stderr)
		}
	}

	// Counted once per package, although its test variant holds the
	// same files: one use left, one kept.
	var st struct {
		Packages []struct {
			Package              string
			Direct, Kept, Facade int
		}
	}
	js := runIn(t, dir, nil, bin, "-stats", "-json", "./...")
	if err := json.Unmarshal([]byte(js.stdout), &st); err != nil {
		t.Fatalf("-stats -json: %v\n%s%s", err, js.stdout, js.stderr)
	}
	rows := 0
	for _, p := range st.Packages {
		if p.Package != "example.com/legacy/cache" {
			continue
		}
		rows++
		if p.Direct != 1 || p.Kept != 1 || p.Facade == 0 {
			t.Errorf("-stats -json: cache %+v, want 1 direct, 1 kept", p)
		}
	}
	if rows != 1 {
		t.Errorf("-stats -json: %d rows for example.com/legacy/cache, want 1\n%s", rows, js.stdout)
	}

	// The policy, given to go vet as a file (vet prefixes analyzer flags
	// with the analyzer's name): the package is allowed.
	cfg := filepath.Join(dir, "allowcache.json")
	if vet := runIn(t, dir, nil, "go", "vet", "-vettool="+bin, "-syncsweep.config="+cfg, "./..."); vet.code != 0 {
		t.Errorf("go vet -config (allow-listed): exit %d\n%s%s", vet.code, vet.stdout, vet.stderr)
	}
	if cli := runIn(t, dir, nil, bin, "-config=allowcache.json", "./..."); cli.code != 0 {
		t.Errorf("syncsweep -config (allow-listed): exit %d\n%s%s", cli.code, cli.stdout, cli.stderr)
	}
	// A bad key is an error naming it, under both.
	bad := filepath.Join(dir, "badkey.json")
	for _, r := range []ran{
		runIn(t, dir, nil, bin, "-config="+bad, "./..."),
		runIn(t, dir, nil, "go", "vet", "-vettool="+bin, "-syncsweep.config="+bad, "./..."),
	} {
		if r.code != 1 || !strings.Contains(r.stderr, `unknown key "alow"`) {
			t.Errorf("bad config: exit %d\n%s%s", r.code, r.stdout, r.stderr)
		}
	}

	// go fix applies the same fix; the result builds and is clean.
	if fix := runIn(t, dir, nil, "go", "fix", "-fixtool="+bin, "./..."); fix.code != 0 {
		t.Fatalf("go fix: exit %d\n%s%s", fix.code, fix.stdout, fix.stderr)
	}
	mustRun(t, dir, nil, "go", "build", "./...")
	if cli := runIn(t, dir, nil, bin, "./..."); cli.code != 0 {
		t.Errorf("after go fix: exit %d\n%s%s", cli.code, cli.stdout, cli.stderr)
	}
	src, _ := os.ReadFile(filepath.Join(dir, "cache/regress.go"))
	if !bytes.Contains(src, []byte("var regress facade.Mutex")) || !bytes.Contains(src, []byte("var kept gosync.WaitGroup //syncsweep:allow")) {
		t.Errorf("go fix result:\n%s", src)
	}
}

// TestDirectiveKeepsWhatItReaches: a lock that a directive keeps on
// sync, handed to a helper whose parameter would otherwise move: the
// helper's parameter stays too, named with the directive as the reason,
// and the result builds.
func TestDirectiveKeepsWhatItReaches(t *testing.T) {
	bin := buildTool(t)
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"go.mod": "module example.com/mixed\n\ngo 1.21\n\nrequire github.com/syncsweep/syncsweep/facade v0.0.0\n\n" +
			"replace github.com/syncsweep/syncsweep/facade => " + filepath.Join(repoRoot, "facade") + "\n",
		"mixed.go": `package mixed

import "sync"

// T keeps its lock on sync, on purpose.
type T struct {
	mu sync.Mutex //syncsweep:allow handed to C code
}

func lock(m *sync.Mutex) { m.Lock() }

// Use locks t's lock through lock.
func Use(t *T) { lock(&t.mu) }

var free sync.Mutex
`,
	})
	fix := runIn(t, root, nil, bin, "-fix", "./...")
	if fix.code != 3 || !strings.Contains(fix.stderr, "mixed.go:10:11: lock's parameter m stays *sync.Mutex: &t.mu is passed to lock at mixed.go:13; T.mu is kept by //syncsweep:allow at mixed.go:7") {
		t.Fatalf("-fix: exit %d\n%s%s", fix.code, fix.stdout, fix.stderr)
	}
	if sample := readmeSample(t, "stays-sync"); !strings.Contains(fix.stderr, sample[1]+" (no automatic fix)") {
		t.Errorf("the README's sample %q is not what -fix says", sample[1])
	}
	src, _ := os.ReadFile(filepath.Join(root, "mixed.go"))
	if !bytes.Contains(src, []byte("func lock(m *sync.Mutex)")) || !bytes.Contains(src, []byte("var free facade.Mutex")) {
		t.Errorf("-fix result:\n%s", src)
	}
	mustRun(t, root, nil, "go", "build", "./...")
}

// TestThirdPartyModulesAfterSweep: a module that used go-deadlock and a
// weight-1 semaphore is swept; syncsweep says what go mod tidy will do
// with the modules nothing imports any more, and with -tidy does it.
// go-deadlock stays as an indirect requirement: the facade's deadlock
// backend needs it.
// (x/sync v0.6.0: its go line, 1.18, leaves the module's own 1.21 as it is.)
func TestThirdPartyModulesAfterSweep(t *testing.T) {
	bin := buildTool(t)
	files := map[string]string{
		"go.mod": "module example.com/locks\n\ngo 1.21\n\nrequire (\n\tgithub.com/sasha-s/go-deadlock v0.3.9\n\tgithub.com/syncsweep/syncsweep/facade v0.0.0\n\tgolang.org/x/sync v0.6.0\n)\n\n" +
			"replace github.com/syncsweep/syncsweep/facade => " + filepath.Join(repoRoot, "facade") + "\n",
		"locks.go": `package locks

import (
	"context"

	"github.com/sasha-s/go-deadlock"
	"golang.org/x/sync/semaphore"
)

var mu deadlock.Mutex

// Run takes both locks.
func Run() int {
	sem := semaphore.NewWeighted(1)
	if err := sem.Acquire(context.Background(), 1); err != nil {
		return -1
	}
	defer sem.Release(1)
	mu.Lock()
	defer mu.Unlock()
	return 1
}
`,
	}
	for _, mode := range []string{"hint", "tidy", "vendor"} {
		tidy := mode != "hint"
		dir := t.TempDir()
		writeTree(t, dir, files)
		// tidy fills go.sum, and drops the facade nothing imports yet:
		// require it again, as go get would.
		mustRun(t, dir, nil, "go", "mod", "tidy")
		mustRun(t, dir, nil, "go", "mod", "edit", "-require=github.com/syncsweep/syncsweep/facade@v0.0.0")
		if mode == "vendor" {
			mustRun(t, dir, nil, "go", "mod", "vendor")
		}
		args := []string{"-fix", "./..."}
		if tidy {
			args = append([]string{"-tidy"}, args...)
		}
		fix := runIn(t, dir, nil, bin, args...)
		if fix.code != 0 {
			t.Fatalf("syncsweep %v: exit %d\n%s%s", args, fix.code, fix.stdout, fix.stderr)
		}
		gomod, _ := os.ReadFile(filepath.Join(dir, "go.mod"))
		if !tidy {
			for _, want := range []string{
				"nothing imports github.com/sasha-s/go-deadlock, golang.org/x/sync any more; go mod tidy will drop it",
			} {
				if !strings.Contains(fix.stderr, want) {
					t.Errorf("-fix: stderr lacks %q:\n%s", want, fix.stderr)
				}
			}
			if !bytes.Contains(gomod, []byte("golang.org/x/sync v0.6.0")) {
				t.Errorf("-fix without -tidy changed go.mod:\n%s", gomod)
			}
		} else {
			if !strings.Contains(fix.stderr, "syncsweep: ran go mod tidy") {
				t.Errorf("-fix -tidy: stderr lacks the tidy line:\n%s", fix.stderr)
			}
			if bytes.Contains(gomod, []byte("golang.org/x/sync")) || bytes.Contains(gomod, []byte("github.com/sasha-s/go-deadlock")) {
				t.Errorf("-fix -tidy: go.mod is not what go mod tidy makes:\n%s", gomod)
			}
			if !bytes.Contains(gomod, []byte("\ngo 1.21\n")) {
				t.Errorf("-fix -tidy changed the go line:\n%s", gomod)
			}
		}
		if mode == "vendor" {
			// The vendored module gets go mod vendor after go mod tidy:
			// x/sync goes from vendor/, the facade comes in.
			modules, _ := os.ReadFile(filepath.Join(dir, "vendor", "modules.txt"))
			if !strings.Contains(fix.stderr, "syncsweep: ran go mod vendor") || bytes.Contains(modules, []byte("golang.org/x/sync")) ||
				!bytes.Contains(modules, []byte("github.com/syncsweep/syncsweep/facade")) {
				t.Errorf("-fix -tidy of a vendored module: vendor/modules.txt\n%s\nstderr:\n%s", modules, fix.stderr)
			}
			if _, err := os.Stat(filepath.Join(dir, "vendor", "github.com", "syncsweep", "syncsweep", "facade", "mutex.go")); err != nil {
				t.Errorf("the facade is not vendored: %v", err)
			}
		}
		mustRun(t, dir, nil, "go", "build", "./...")
		mustRun(t, dir, nil, "go", "vet", "./...")
		if again := runIn(t, dir, nil, bin, "-fix", "./..."); again.code != 0 || strings.Contains(again.stderr, "rewrote") {
			t.Errorf("second -fix: exit %d\n%s", again.code, again.stderr)
		}
	}
}

// TestExitStatuses produces every exit status the README's table lists,
// for syncsweep itself and under go vet and go fix.
func TestExitStatuses(t *testing.T) {
	bin := buildTool(t)
	facade := "replace github.com/syncsweep/syncsweep/facade => " + filepath.Join(repoRoot, "facade") + "\n"
	mod := func(files map[string]string) string {
		dir := t.TempDir()
		files["go.mod"] = "module example.com/x\n\ngo 1.21\n\nrequire github.com/syncsweep/syncsweep/facade v0.0.0\n\n" + facade
		writeTree(t, dir, files)
		return dir
	}
	lock := map[string]string{"x.go": "package x\n\nimport \"sync\"\n\nvar mu sync.Mutex\n"}
	swept := map[string]string{"x.go": "package x\n\nimport \"github.com/syncsweep/syncsweep/facade\"\n\nvar mu facade.Mutex\n"}
	dot := map[string]string{"x.go": "package x\n\nimport . \"sync\"\n\nvar mu Mutex\n"}
	broken := map[string]string{"x.go": "package x\n\nimport \"sync\"\n\nvar mu sync.Mutex = \n"}
	readOnly := func() string {
		dir := mod(map[string]string{"x.go": lock["x.go"]})
		if err := os.Chmod(filepath.Join(dir, "x.go"), 0o444); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	badPolicy := func() string {
		dir := mod(map[string]string{"x.go": lock["x.go"], "p.json": `{"alow": []}`})
		return dir
	}
	tests := []struct {
		name string
		dir  func() string
		cmd  []string // bin is "syncsweep"
		want int
	}{
		{"nothing found", func() string { return mod(swept) }, []string{"syncsweep", "./..."}, 0},
		{"-fix fixed everything", func() string { return mod(map[string]string{"x.go": lock["x.go"]}) }, []string{"syncsweep", "-fix", "./..."}, 0},
		{"-stats printed", func() string { return mod(map[string]string{"x.go": lock["x.go"]}) }, []string{"syncsweep", "-stats", "./..."}, 0},
		{"findings reported", func() string { return mod(map[string]string{"x.go": lock["x.go"]}) }, []string{"syncsweep", "./..."}, 3},
		{"findings left after -fix", func() string { return mod(dot) }, []string{"syncsweep", "-fix", "./..."}, 3},
		{"a package did not load", func() string { return mod(broken) }, []string{"syncsweep", "./..."}, 1},
		{"a file could not be written", readOnly, []string{"syncsweep", "-fix", "./..."}, 1},
		{"a bad policy", badPolicy, []string{"syncsweep", "-config=p.json", "./..."}, 1},
		{"-diff printed a diff", func() string { return mod(map[string]string{"x.go": lock["x.go"]}) }, []string{"syncsweep", "-diff", "./..."}, 1},
		{"bad flag", func() string { return mod(swept) }, []string{"syncsweep", "-bogus", "./..."}, 2},
		{"no packages named", func() string { return mod(swept) }, []string{"syncsweep"}, 2},
		{"-fix with -diff", func() string { return mod(swept) }, []string{"syncsweep", "-fix", "-diff", "./..."}, 2},
		{"go vet: nothing found", func() string { return mod(swept) }, []string{"go", "vet", "-vettool=" + bin, "./..."}, 0},
		{"go vet: findings", func() string { return mod(map[string]string{"x.go": lock["x.go"]}) }, []string{"go", "vet", "-vettool=" + bin, "./..."}, 1},
		{"go vet: bad flag", func() string { return mod(swept) }, []string{"go", "vet", "-vettool=" + bin, "-syncsweep.bogus", "./..."}, 2},
		{"go fix: everything fixed", func() string { return mod(map[string]string{"x.go": lock["x.go"]}) }, []string{"go", "fix", "-fixtool=" + bin, "./..."}, 0},
		{"go fix: bad flag", func() string { return mod(swept) }, []string{"go", "fix", "-fixtool=" + bin, "-syncsweep.bogus", "./..."}, 2},
	}
	for _, tt := range tests {
		name, args := tt.cmd[0], tt.cmd[1:]
		if name == "syncsweep" {
			name = bin
		}
		if r := runIn(t, tt.dir(), nil, name, args...); r.code != tt.want {
			t.Errorf("%s: %s exits %d, want %d\n%s%s", tt.name, strings.Join(tt.cmd, " "), r.code, tt.want, r.stdout, r.stderr)
		}
	}
}

// readmeSample returns the lines of one of the README's samples of the
// tool's output (internal/readme).
func readmeSample(t *testing.T, name string) []string {
	t.Helper()
	lines, err := readme.Sample(filepath.Join(repoRoot, "README.md"), name)
	if err != nil {
		t.Fatal(err)
	}
	return lines
}

// TestStatsSample runs the steps the README's -stats sample names on a
// copy of the example workspace (-fix of cache and worker, one directive
// in platform/platform.go) and compares the output with the sample.
func TestStatsSample(t *testing.T) {
	bin := buildTool(t)
	dir := copyExamples(t)
	mustRun(t, dir, nil, bin, "-fix", "./cache/...", "./worker/...")
	name := filepath.Join(dir, "platform", "platform.go")
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	kept := bytes.Replace(src, []byte("\tmu   gosync.Mutex\n"), []byte("\tmu   gosync.Mutex //syncsweep:allow the C side of this package locks it too\n"), 1)
	if bytes.Equal(kept, src) {
		t.Fatalf("platform.go has no lock to keep:\n%s", src)
	}
	if err := os.WriteFile(name, kept, 0o644); err != nil {
		t.Fatal(err)
	}
	got := strings.TrimRight(mustRun(t, dir, nil, bin, "-stats", "./..."), "\n")
	if want := strings.Join(readmeSample(t, "stats"), "\n"); got != want {
		t.Errorf("-stats prints\n%s\nthe README shows\n%s", got, want)
	}
}

// TestExploreSample runs the facade's lost wake-up program under the
// explore backend, as its own test does in a child process, and compares
// the report with the README's sample (addresses, runtime goroutine ids,
// code offsets and the checkout's path replaced); then runs the replay
// line it ends with and checks the schedule fails the same way.
func TestExploreSample(t *testing.T) {
	dir := filepath.Join(repoRoot, "facade", "stress")
	run := "^TestPrograms$/^LostWakeup$/^buggy$"
	env := []string{"SYNCSWEEP_TEST_CHILD=1", "SYNCSWEEP_EXPLORE=", "SYNCSWEEP_EXPLORE_SEED=", "SYNCSWEEP_EXPLORE_SCHEDULES="}
	r := runIn(t, dir, env, "go", "test", "-count=1", "-tags", "explore", "-run", run, ".")
	got := exploreReport(r.stdout)
	want := readmeSample(t, "explore-deadlock")
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("the README's explore sample is out of date; the report is now:\n%s", strings.Join(got, "\n"))
	}
	replay := strings.TrimPrefix(got[len(got)-1], "SYNCSWEEP_EXPLORE_REPLAY=")
	r = runIn(t, dir, append(env, "SYNCSWEEP_EXPLORE_REPLAY="+replay), "go", "test", "-count=1", "-tags", "explore", "-run", run, ".")
	again := exploreReport(r.stdout)
	if r.code == 0 || len(again) == 0 || again[0] != "explore: deadlock in the replayed schedule (SYNCSWEEP_EXPLORE_REPLAY)" ||
		strings.Join(again[1:], "\n") != strings.Join(got[1:], "\n") {
		t.Fatalf("the replay did not fail the same way:\n%s", r.stdout)
	}
}

var exploreUnstable = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`0x[0-9a-f]+`), "0x…"},
	{regexp.MustCompile(`runtime goroutine \d+`), "runtime goroutine …"},
	{regexp.MustCompile(` \+0x….*$`), ""},
}

// exploreReport returns the report in go test's output, from its first
// line to its replay line, unindented, with what differs between runs and
// checkouts replaced.
func exploreReport(out string) []string {
	var lines []string
	in := false
	for _, l := range strings.Split(out, "\n") {
		if i := strings.Index(l, "explore: "); !in && i >= 0 {
			in = true
			l = l[i:]
		} else if in {
			l = strings.TrimPrefix(strings.TrimLeft(l, " "), "")
		}
		if !in {
			continue
		}
		l = strings.ReplaceAll(l, repoRoot+string(filepath.Separator), "")
		for _, u := range exploreUnstable {
			l = u.re.ReplaceAllString(l, u.with)
		}
		lines = append(lines, l)
		if strings.HasPrefix(l, "SYNCSWEEP_EXPLORE_REPLAY=") {
			return lines
		}
	}
	return nil
}
