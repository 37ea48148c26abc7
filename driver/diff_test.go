package driver

import (
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestMyersReconstructs checks on random inputs that applying the edit
// script to a yields b, and that it is no longer than a simple bound.
func TestMyersReconstructs(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	words := []string{"a\n", "b\n", "c\n", "d\n"}
	gen := func() []string {
		n := r.Intn(12)
		out := make([]string, n)
		for i := range out {
			out[i] = words[r.Intn(len(words))]
		}
		return out
	}
	for i := 0; i < 2000; i++ {
		a, b := gen(), gen()
		var got []string
		pos := 0
		changed := 0
		for _, o := range myers(a, b) {
			got = append(got, a[pos:o.ai]...)
			got = append(got, b[o.bi:o.bEnd()]...)
			pos = o.aEnd()
			changed += o.na + o.nb
		}
		got = append(got, a[pos:]...)
		if strings.Join(got, "") != strings.Join(b, "") {
			t.Fatalf("a=%q b=%q: script gives %q", a, b, got)
		}
		if changed > len(a)+len(b) {
			t.Fatalf("a=%q b=%q: %d changed lines", a, b, changed)
		}
	}
}

// TestUnifiedApplies checks that patch(1) turns old into new with our
// diff, when patch is installed.
func TestUnifiedApplies(t *testing.T) {
	patch, err := exec.LookPath("patch")
	if err != nil {
		t.Log("no patch(1) on this machine; checking the format by hand")
	}
	old := "package p\n\nimport \"sync\"\n\nvar a sync.Mutex\nvar b int\nvar c int\nvar d int\nvar e int\nvar f int\nvar g int\nvar h sync.Mutex\n"
	new := strings.ReplaceAll(old, "sync", "facade")
	d := unified("a/p.go", "b/p.go", old, new)
	if !strings.Contains(d, "@@ -1,12 +1,12 @@\n package p\n \n-import \"sync\"\n+import \"facade\"\n") {
		t.Errorf("unexpected hunk:\n%s", d)
	}
	if patch == "" {
		return
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "p.go"), []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(patch, "-p1")
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(d)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("patch: %v\n%s\ndiff:\n%s", err, out, d)
	}
	got, _ := os.ReadFile(filepath.Join(dir, "p.go"))
	if string(got) != new {
		t.Errorf("patched file:\n%s\nwant:\n%s", got, new)
	}
	if unified("a", "b", old, old) != "" {
		t.Error("equal inputs gave a diff")
	}
}

func TestOldLine(t *testing.T) {
	old := "a\nb\nc\nd\ne\n"
	new := "a\nX\nY\nc\ne\nf\n"
	tests := []struct{ line, want int }{
		{1, 1}, // unchanged
		{2, 2}, // X replaces b
		{3, 2}, // Y, same change
		{4, 3}, // c
		{5, 5}, // e, after d was deleted
		{6, 6}, // f, added at the end
	}
	for _, tt := range tests {
		if got := oldLine(old, new, tt.line); got != tt.want {
			t.Errorf("oldLine(%d) = %d, want %d", tt.line, got, tt.want)
		}
	}
}
