package main_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/syncsweep/syncsweep/classtable"
	"github.com/syncsweep/syncsweep/driver"
)

// bigWorkspace writes a module of many packages that all use sync, and
// returns its root and its .go files, sorted (the order -fix writes in).
func bigWorkspace(t *testing.T, pkgs, files int) (string, []string) {
	t.Helper()
	root := t.TempDir()
	tree := map[string]string{
		"go.mod": "module example.com/big\n\ngo 1.21\n\nrequire github.com/syncsweep/syncsweep/facade v0.0.0\n\n" +
			"replace github.com/syncsweep/syncsweep/facade => " + filepath.Join(repoRoot, "facade") + "\n",
	}
	for p := range pkgs {
		for f := range files {
			tree[fmt.Sprintf("p%03d/f%d.go", p, f)] = fmt.Sprintf(`package p%03d

import (
	"sync"
	"sync/atomic"
)

// T%d guards n.
type T%d struct {
	mu sync.Mutex
	rw sync.RWMutex
	n  atomic.Int64
}

// Inc adds one under the lock.
func (t *T%d) Inc() { t.mu.Lock(); t.n.Add(1); t.mu.Unlock() }
`, p, f, f, f)
		}
	}
	writeTree(t, root, tree)
	var names []string
	for name := range tree {
		if strings.HasSuffix(name, ".go") {
			names = append(names, filepath.Join(root, filepath.FromSlash(name)))
		}
	}
	// -fix also writes each package's lock-class table, a new file, in
	// the same order of names as the rest.
	for p := range pkgs {
		names = append(names, filepath.Join(root, fmt.Sprintf("p%03d", p), classtable.FileName))
	}
	sort.Strings(names)
	return root, names
}

func readAll(t *testing.T, names []string) map[string][]byte {
	t.Helper()
	m := make(map[string][]byte, len(names))
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		m[n] = data // nil for a file -fix adds
	}
	return m
}

// buildHookedTool builds the tool with its test hooks (testhooks.go),
// which stop the writes at a step the environment names.
func buildHookedTool(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "syncsweep")
	cmd := exec.Command("go", "build", "-tags", "syncsweep_testhooks", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// A fixRun is a -fix started by startFixAt.
type fixRun struct {
	cmd    *exec.Cmd
	stderr *bytes.Buffer
	done   chan error // the process's exit, once
}

// wait returns the process's exit status.
func (f *fixRun) wait() int {
	err := <-f.done
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	return 0
}

// startFixAt starts `syncsweep -fix ./...` in dir with the hook set to
// act (stop, INT or TERM) the n-th time a write reaches step, and returns
// once it has. A process that ends before fails the test at once.
func startFixAt(t *testing.T, bin, dir, step string, n int, act string) *fixRun {
	t.Helper()
	ready := filepath.Join(t.TempDir(), "ready")
	cmd := exec.Command(bin, "-fix", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), fmt.Sprintf("SYNCSWEEP_TEST_AT=%s:%d", step, n), "SYNCSWEEP_TEST_DO="+act, "SYNCSWEEP_TEST_READY="+ready)
	f := &fixRun{cmd: cmd, stderr: new(bytes.Buffer), done: make(chan error, 1)}
	cmd.Stderr = f.stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	deadline := time.After(2 * time.Minute)
	for {
		if _, err := os.Stat(ready); err == nil {
			go func() { f.done <- <-exited }()
			return f
		}
		select {
		case err := <-exited:
			t.Fatalf("-fix ended (%v) before a write reached %s %d times\n%s", err, step, n, f.stderr)
		case <-deadline:
			cmd.Process.Kill()
			t.Fatalf("no write reached %s %d times\n%s", step, n, f.stderr)
		case <-time.After(time.Millisecond):
		}
	}
}

// TestKillDuringFix kills -fix (SIGKILL, no chance to clean up) at each
// step of a write (the temporary file made, half written, synced, renamed
// over the file), in the first, a middle and the last file: every file is
// then its old or its new version, byte for byte, and exactly the files
// before the killed one (and it, once renamed) are new. A write that were
// not a rename would leave a half-written file at StepHalf.
func TestKillDuringFix(t *testing.T) {
	bin := buildHookedTool(t)
	// The result every file must have if it was written.
	refRoot, refNames := bigWorkspace(t, 8, 3)
	mustRun(t, refRoot, nil, bin, "-fix", "./...")
	want := make(map[string][]byte)
	for _, n := range refNames {
		data, _ := os.ReadFile(n)
		rel, _ := filepath.Rel(refRoot, n)
		want[rel] = data
	}
	total := len(refNames)
	for _, step := range []string{driver.StepTemp, driver.StepHalf, driver.StepSynced, driver.StepRenamed} {
		for _, n := range []int{1, total / 2, total} {
			root, names := bigWorkspace(t, 8, 3)
			old := readAll(t, names)
			run := startFixAt(t, bin, root, step, n, "stop")
			run.cmd.Process.Kill()
			run.wait()
			stderr := run.stderr
			written := 0
			for _, name := range names {
				data, _ := os.ReadFile(name)
				rel, _ := filepath.Rel(root, name)
				switch {
				case bytes.Equal(data, want[rel]):
					written++
				case bytes.Equal(data, old[name]):
				default:
					t.Fatalf("killed at %s of file %d: %s is neither the old nor the new version:\n%s\nstderr:\n%s", step, n, rel, data, stderr)
				}
			}
			wantWritten := n - 1
			if step == driver.StepRenamed {
				wantWritten = n
			}
			if written != wantWritten {
				t.Errorf("killed at %s of file %d: %d files new, want %d", step, n, written, wantWritten)
			}
			// A temporary file the kill leaves starts with a dot, which
			// the go command ignores; the module builds.
			mustRun(t, root, nil, "go", "build", "./...")
		}
	}
}

// TestInterruptDuringFix sends SIGINT, and SIGTERM, while a middle file
// is written: that file is finished, the rest are left, and the user is
// told which were written (exit 1). A second -fix completes the job.
func TestInterruptDuringFix(t *testing.T) {
	bin := buildHookedTool(t)
	for _, sig := range []string{"INT", "TERM"} {
		root, names := bigWorkspace(t, 8, 3)
		old := readAll(t, names)
		n := len(names) / 2
		run := startFixAt(t, bin, root, driver.StepHalf, n, sig)
		code := run.wait()
		stderr := run.stderr
		changed := 0
		for _, name := range names {
			if data, _ := os.ReadFile(name); !bytes.Equal(data, old[name]) {
				changed++
			}
		}
		name := map[string]string{"INT": "interrupt", "TERM": "terminated"}[sig]
		out := stderr.String()
		if code != 1 || changed != n || !strings.Contains(out, fmt.Sprintf("%s: stopped after writing %d of %d files; not written:", name, n, len(names))) ||
			!strings.Contains(out, fmt.Sprintf("rewrote %d file(s)", n)) || !strings.Contains(out, filepath.Base(names[n-1])) {
			t.Fatalf("SIG%s during file %d: exit %d, %d files changed; stderr:\n%s", sig, n, code, changed, out)
		}
		mustRun(t, root, nil, bin, "-fix", "./...")
		mustRun(t, root, nil, "go", "build", "./...")
		if r := runIn(t, root, nil, bin, "./..."); r.code != 0 {
			t.Fatalf("after the second -fix: exit %d\n%s%s", r.code, r.stdout, r.stderr)
		}
	}
}
