package readme

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestSample(t *testing.T) {
	path := filepath.Join(t.TempDir(), "README.md")
	doc := "text\n\n<!-- sample:a -->\n```\none\n  two\n```\n\n- item:\n\n  <!-- sample:b -->\n  ```\n  three\n  \tfour\n  ```\n<!-- sample:open -->\n```\nfive\n"
	if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		want []string
		ok   bool
	}{
		{"a", []string{"one", "  two"}, true},
		{"b", []string{"three", "\tfour"}, true},
		{"open", nil, false},
		{"missing", nil, false},
	} {
		got, err := Sample(path, tt.name)
		if (err == nil) != tt.ok || !slices.Equal(got, tt.want) {
			t.Errorf("Sample(%s) = %q, %v; want %q (ok %v)", tt.name, got, err, tt.want, tt.ok)
		}
	}
}
