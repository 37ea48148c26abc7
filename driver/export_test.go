package driver

import (
	"os"
	"path/filepath"
	"testing"
)

// WriteModule writes files (slash-separated path -> content) under a new
// directory and returns it: the module a test sweeps.
func WriteModule(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, src := range files {
		path := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}
