package driver

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWriteFailsWhole: a write that fails at any step (the disk full
// after half the bytes, a sync that fails) leaves the old file whole and
// no temporary file behind.
func TestWriteFailsWhole(t *testing.T) {
	old, data := []byte("package p // old\n"), []byte("package p // the new version, longer than the old\n")
	for _, step := range []string{StepTemp, StepHalf, StepSynced} {
		dir := t.TempDir()
		name := filepath.Join(dir, "p.go")
		if err := os.WriteFile(name, old, 0o644); err != nil {
			t.Fatal(err)
		}
		full := errors.New("no space left on device")
		err := writeAtomic(name, old, data, 0o644, func(s, n string) error {
			if s == step && n == name {
				return full
			}
			return nil
		})
		if !errors.Is(err, full) {
			t.Errorf("%s: err = %v, want the disk's", step, err)
		}
		if got, _ := os.ReadFile(name); string(got) != string(old) {
			t.Errorf("%s: the file is %q, want the old one whole", step, got)
		}
		if left, _ := filepath.Glob(filepath.Join(dir, ".*")); len(left) > 0 {
			t.Errorf("%s: left %v", step, left)
		}
	}
}

// TestWriteRefusesLateChange: a file that changes on disk after syncsweep
// read it, up to the moment before the rename (here: while its new text
// was being written), is refused and keeps the user's edit.
func TestWriteRefusesLateChange(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "p.go")
	old, edited := []byte("package p\n"), []byte("package p // the user's edit\n")
	if err := os.WriteFile(name, old, 0o644); err != nil {
		t.Fatal(err)
	}
	err := writeAtomic(name, old, []byte("package p // swept\n"), 0o644, func(step, n string) error {
		if step == StepSynced {
			return os.WriteFile(n, edited, 0o644) // an editor saves it
		}
		return nil
	})
	if err == nil || !strings.Contains(err.Error(), "changed on disk while syncsweep ran") {
		t.Errorf("err = %v", err)
	}
	if got, _ := os.ReadFile(name); string(got) != string(edited) {
		t.Errorf("the file is %q, want the user's edit", got)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*")); len(left) > 0 {
		t.Errorf("left %v", left)
	}
	if err := writeAtomic(name, edited, old, 0o444, nil); err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("a read-only file: err = %v", err)
	}
}
