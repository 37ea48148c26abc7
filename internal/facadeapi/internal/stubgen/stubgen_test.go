package stubgen

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// writeModule writes files (slash-separated name: source) into a new
// directory and returns it.
func writeModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestGenerate runs the generator on a small facade-shaped module whose root
// package imports its atomic package, so that the order must change, and
// whose files exercise the default build's selection. c_go121.go uses min,
// a Go 1.21 builtin, in a go 1.18 module: the stub type-checks only if its
// //go:build line is kept and read.
func TestGenerate(t *testing.T) {
	// A backquote cannot go in a raw string, so this file is quoted; it is
	// already its own stub.
	const tagSrc = "package atomic\n\ntype T struct {\n\tX int `json:\"x\"`\n}\n"
	dir := writeModule(t, map[string]string{
		"go.mod":        "module example.com/fac\n\ngo 1.18\n",
		"a.go":          "package fac\n\nimport \"example.com/fac/atomic\"\n\nvar V atomic.Int\n\nfunc P() *atomic.Int { return &V }\n",
		"b_deadlock.go": "//go:build deadlock\n\npackage fac\n\nfunc Deadlock() {}\n",
		"c_go121.go":    "//go:build go1.21\n\npackage fac\n\nvar N = min(1, 2)\n",
		"d_test.go":     "package fac\n\nfunc Test() {}\n",
		"e_explore.go":  "//go:build explore\n\npackage fac\n\nfunc Explore() {}\n",
		"atomic/int.go": "package atomic\n\nimport \"sync/atomic\"\n\ntype Int struct{ v atomic.Int64 }\n",
		"atomic/tag.go": tagSrc,
	})
	src, err := Generate(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := string(src)
	if !strings.HasPrefix(got, header) {
		t.Errorf("api.go does not start with %q", header)
	}
	wants := []string{
		`"a.go"`, `"c_go121.go"`, "//go:build go1.21", `panic("facadeapi stub")`, "min(1, 2)",
		`"int.go"`, `Src: ` + strconv.Quote(tagSrc),
	}
	for _, want := range wants {
		if !strings.Contains(got, want) {
			t.Errorf("api.go lacks %s:\n%s", want, got)
		}
	}
	for _, unwanted := range []string{"b_deadlock.go", "d_test.go", "e_explore.go", "return &V"} {
		if strings.Contains(got, unwanted) {
			t.Errorf("api.go holds %s:\n%s", unwanted, got)
		}
	}
	if a, f := strings.Index(got, `"example.com/fac/atomic",`), strings.Index(got, `"example.com/fac",`); a < 0 || f < 0 || a > f {
		t.Errorf("example.com/fac/atomic (at %d) must come before example.com/fac (at %d), which imports it:\n%s", a, f, got)
	}
}

// TestGenerateRejectsBrokenStub: a stub that does not type-check is an
// error, not an api.go. A dot import survives stubbing (its use cannot be
// told without types), and is then unused.
func TestGenerateRejectsBrokenStub(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"go.mod":           "module example.com/fac\n\ngo 1.18\n",
		"a.go":             "package fac\n\nimport . \"strings\"\n\nfunc F() string { return ToUpper(\"x\") }\n",
		"atomic/atomic.go": "package atomic\n",
	})
	_, err := Generate(dir)
	if err == nil || !strings.Contains(err.Error(), "does not type-check") {
		t.Fatalf("Generate = %v, want a type-check error", err)
	}
}

func TestDepOrder(t *testing.T) {
	mk := func(path string, imports ...string) *pkg {
		p := &pkg{path: path, imports: map[string]bool{}}
		for _, i := range imports {
			p.imports[i] = true
		}
		return p
	}
	tests := []struct {
		name    string
		pkgs    []*pkg
		want    string
		wantErr bool
	}{
		{"independent keep their order", []*pkg{mk("a", "sync"), mk("b", "unsafe")}, "a b", false},
		{"importer moves after imported", []*pkg{mk("a", "b"), mk("b")}, "b a", false},
		{"chain", []*pkg{mk("a", "b"), mk("b", "c"), mk("c")}, "c b a", false},
		{"cycle", []*pkg{mk("a", "b"), mk("b", "a")}, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := depOrder(tt.pkgs)
			if (err != nil) != tt.wantErr {
				t.Fatalf("depOrder error = %v, want error: %v", err, tt.wantErr)
			}
			var paths []string
			for _, p := range got {
				paths = append(paths, p.path)
			}
			if s := strings.Join(paths, " "); s != tt.want {
				t.Errorf("depOrder = %q, want %q", s, tt.want)
			}
		})
	}
}
