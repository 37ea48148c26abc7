package main_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"
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
	sort.Strings(names)
	return root, names
}

func readAll(t *testing.T, names []string) map[string][]byte {
	t.Helper()
	m := make(map[string][]byte, len(names))
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		m[n] = data
	}
	return m
}

// startFix starts `syncsweep -fix ./...` in dir and returns once the first
// file (in write order) has been replaced, so that the process is in the
// middle of its writes.
func startFix(t *testing.T, bin, dir, first string, old []byte) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(bin, "-fix", "./...")
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		if data, err := os.ReadFile(first); err == nil && !bytes.Equal(data, old) {
			return cmd, &stderr
		}
		time.Sleep(50 * time.Microsecond)
	}
	cmd.Process.Kill()
	t.Fatalf("the first file was never written\n%s", stderr.String())
	return nil, nil
}

// TestKillDuringFix kills -fix (SIGKILL, no chance to clean up) at random
// points during its writes, and checks that every file is then either its
// old or its new version, byte for byte: each write is a rename.
func TestKillDuringFix(t *testing.T) {
	bin := buildTool(t)
	// The result every file must have if it was written.
	refRoot, refNames := bigWorkspace(t, 40, 5)
	mustRun(t, refRoot, nil, bin, "-fix", "./...")
	want := make(map[string][]byte)
	for _, n := range refNames {
		data, _ := os.ReadFile(n)
		rel, _ := filepath.Rel(refRoot, n)
		want[rel] = data
	}
	partial := 0
	for run := range 4 {
		root, names := bigWorkspace(t, 40, 5)
		old := readAll(t, names)
		cmd, stderr := startFix(t, bin, root, names[0], old[names[0]])
		time.Sleep(time.Duration(rand.IntN(150)) * time.Millisecond)
		cmd.Process.Kill()
		cmd.Wait()
		written := 0
		for _, n := range names {
			data, _ := os.ReadFile(n)
			rel, _ := filepath.Rel(root, n)
			switch {
			case bytes.Equal(data, want[rel]):
				written++
			case bytes.Equal(data, old[n]):
			default:
				t.Fatalf("run %d: %s is neither the old nor the new version:\n%s\nstderr:\n%s", run, rel, data, stderr)
			}
		}
		// A temporary file left by the kill starts with a dot, which the
		// go command ignores.
		leftovers, _ := filepath.Glob(filepath.Join(root, "*", ".*.syncsweep-*"))
		if written > 0 && written < len(names) {
			partial++
		}
		t.Logf("run %d: killed after %d of %d files; %d temporary files left", run, written, len(names), len(leftovers))
		mustRun(t, root, nil, "go", "build", "./...")
	}
	if partial == 0 {
		t.Log("no kill landed between two writes this time; every run still left whole files")
	}
}

// TestInterruptDuringFix sends SIGINT during the writes: the file in
// flight is finished, the rest are left, and the user is told which files
// were written. A second -fix completes the job.
func TestInterruptDuringFix(t *testing.T) {
	bin := buildTool(t)
	root, names := bigWorkspace(t, 40, 5)
	old := readAll(t, names)
	cmd, stderr := startFix(t, bin, root, names[0], old[names[0]])
	cmd.Process.Signal(syscall.SIGINT)
	err := cmd.Wait()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	}
	changed := 0
	for _, n := range names {
		if data, _ := os.ReadFile(n); !bytes.Equal(data, old[n]) {
			changed++
		}
	}
	out := stderr.String()
	if changed == len(names) {
		// The writes ended before the signal was seen: a normal finish.
		if code != 0 {
			t.Fatalf("exit %d\n%s", code, out)
		}
		t.Log("the signal came after the last write")
	} else {
		if code != 1 || !strings.Contains(out, fmt.Sprintf("interrupt: stopped after writing %d of %d files; not written:", changed, len(names))) ||
			!strings.Contains(out, fmt.Sprintf("rewrote %d file(s)", changed)) {
			t.Fatalf("exit %d, %d files changed; stderr:\n%s", code, changed, out)
		}
	}
	mustRun(t, root, nil, bin, "-fix", "./...")
	mustRun(t, root, nil, "go", "build", "./...")
	if r := runIn(t, root, nil, bin, "./..."); r.code != 0 {
		t.Fatalf("after the second -fix: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}
