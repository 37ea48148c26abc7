package driver_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/syncsweep/syncsweep/classtable"
	"github.com/syncsweep/syncsweep/driver"
)

// TestTables: -fix writes a package's lock-class table next to it, a
// second -fix leaves it as it is, and a package that stays off the facade
// (its only use has no fix) gets none: the table would make go mod tidy
// require the facade.
func TestTables(t *testing.T) {
	root := writeModule(t, map[string]string{
		"go.mod":     gomod,
		"a/a.go":     "package a\n\nimport \"sync\"\n\n// C has a lock.\ntype C struct{ mu sync.Mutex }\n\n// Get locks it.\nfunc (c *C) Get() { c.mu.Lock(); c.mu.Unlock() }\n",
		"dot/dot.go": "package dot\n\nimport . \"sync\"\n\nvar mu Mutex\n\n// Run locks mu.\nfunc Run() { mu.Lock(); mu.Unlock() }\n",
	})
	r := fixModule(t, root, false, 0)
	if r.code != driver.ExitFindings {
		t.Fatalf("-fix: exit %d (want %d: the dot import is left)\n%s", r.code, driver.ExitFindings, r.stderr)
	}
	table, err := os.ReadFile(filepath.Join(root, "a", classtable.FileName))
	if err != nil || !strings.Contains(string(table), `"example.com/m/a.(*C).Get": {{Receiver: "c.mu", Class: "example.com/m/a.C.mu"}}`) {
		t.Fatalf("a's table: %v\n%s", err, table)
	}
	if _, err := os.Stat(filepath.Join(root, "dot", classtable.FileName)); !os.IsNotExist(err) {
		t.Errorf("dot, which stays on sync, got a table (%v)", err)
	}
	before := snapshot(t, root)
	fixModule(t, root, false, 0)
	if !equalFiles(snapshot(t, root), before) {
		t.Error("a second -fix changed files")
	}
}
