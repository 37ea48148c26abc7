package facadeapi

import (
	"bytes"
	"errors"
	"go/build/constraint"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/syncsweep/syncsweep/internal/facadeapi/internal/stubgen"
	"golang.org/x/mod/modfile"
)

// facadeDir is the facade module, relative to this package's directory,
// where go test runs.
const facadeDir = "../../facade"

const facadePath = "github.com/syncsweep/syncsweep/facade"

func TestUpToDate(t *testing.T) {
	want, err := stubgen.Generate(facadeDir)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("api.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("api.go is stale (first difference at line %d); run `go run ./internal/facadeapi/gen` from the module root",
			firstDiffLine(got, want))
	}
}

// TestFixtureUpToDate: the fixtures' facade under testdata/src is the
// stub, file for file, each with its .golden, and nothing else.
func TestFixtureUpToDate(t *testing.T) {
	want, err := stubgen.Fixture(facadeDir)
	if err != nil {
		t.Fatal(err)
	}
	const src = "../../testdata/src/"
	got := make(map[string][]byte)
	for _, dir := range []string{facadePath, facadePath + "/atomic"} {
		names, _ := filepath.Glob(filepath.Join(src, dir, "*.go*"))
		for _, name := range names {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			got[dir+"/"+filepath.Base(name)] = data
		}
	}
	for name, data := range want {
		if !bytes.Equal(got[name], data) {
			t.Errorf("testdata/src/%s is stale; run `go run ./internal/facadeapi/gen` from the module root", name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("testdata/src/%s is not the stub's; run `go run ./internal/facadeapi/gen` from the module root", name)
		}
	}
}

func firstDiffLine(a, b []byte) int {
	line := 1
	for i := 0; i < len(a) && i < len(b) && a[i] == b[i]; i++ {
		if a[i] == '\n' {
			line++
		}
	}
	return line
}

func TestPathsAndFiles(t *testing.T) {
	want := []string{facadePath, facadePath + "/atomic"}
	if got := Paths(); !slices.Equal(got, want) {
		t.Fatalf("Paths() = %q, want %q", got, want)
	}
	Paths()[0] = "changed"
	if got := Paths(); !slices.Equal(got, want) {
		t.Errorf("changing the result of Paths changed the stub: Paths() = %q", got)
	}
	for _, path := range want {
		files, ok := Files(path)
		if !ok || len(files) == 0 {
			t.Fatalf("Files(%q) = %d files, %v", path, len(files), ok)
		}
		seen := map[string]bool{}
		for _, f := range files {
			if seen[f.Name] || !strings.HasSuffix(f.Name, ".go") || strings.HasSuffix(f.Name, "_test.go") {
				t.Errorf("%s: bad or repeated file name %q", path, f.Name)
			}
			seen[f.Name] = true
			checkGoVersion(t, path+"/"+f.Name, f.Src)
		}
		files[0].Src = "changed"
		if again, _ := Files(path); again[0].Src == "changed" {
			t.Errorf("changing the result of Files(%q) changed the stub", path)
		}
	}
}

// checkGoVersion asserts that parsing as Check does, without comments,
// still records the Go version of the file's //go:build line: the
// go1.N-constrained files use API that the facade's go line predates.
func checkGoVersion(t *testing.T, name, src string) {
	t.Helper()
	want := ""
	if line, _, _ := strings.Cut(src, "\n"); constraint.IsGoBuild(line) {
		expr, err := constraint.Parse(line)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want = constraint.GoVersion(expr)
	}
	f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	if f.GoVersion != want {
		t.Errorf("%s: parsed Go version %q, want %q", name, f.GoVersion, want)
	}
}

// failingImporter imports nothing, to show that Check goes through the
// caller's importer.
type failingImporter struct{}

func (failingImporter) Import(path string) (*types.Package, error) {
	return nil, errors.New("failingImporter imports nothing")
}

func TestCheckErrors(t *testing.T) {
	std := newStubImporter(token.NewFileSet())
	tests := []struct {
		name, path string
		imp        types.Importer
		goVersion  string
		wantErr    string
	}{
		{"std package", "sync", std, "", `no stub of package "sync"; the stub holds ` + facadePath + ", " + facadePath + "/atomic"},
		{"empty path", "", std, "", `no stub of package ""`},
		{"facade package not stubbed", facadePath + "/stress", std, "", `no stub of package "` + facadePath + `/stress"`},
		{"trailing slash", facadePath + "/", std, "", "no stub of package"},
		{"importer used", facadePath, failingImporter{}, "", "failingImporter imports nothing"},
		{"go version honoured", facadePath, std, "go1.17", "requires go1.18"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pkg, err := Check(token.NewFileSet(), tt.path, tt.imp, tt.goVersion)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Check(%q) error = %v, want one containing %q", tt.path, err, tt.wantErr)
			}
			if _, ok := Files(tt.path); !ok && pkg != nil {
				t.Errorf("Check(%q) returned a package for a path the stub does not hold", tt.path)
			}
		})
	}
}

// facadeGoVersion is the facade module's go line, as "go1.N": the version
// its files are written for, and so the one to check the stub at.
func facadeGoVersion(t *testing.T) string {
	t.Helper()
	gomod := filepath.Join(facadeDir, "go.mod")
	data, err := os.ReadFile(gomod)
	if err != nil {
		t.Fatal(err)
	}
	mf, err := modfile.ParseLax(gomod, data, nil)
	if err != nil || mf.Go == nil {
		t.Fatalf("%s: no go line (%v)", gomod, err)
	}
	return "go" + mf.Go.Version
}
