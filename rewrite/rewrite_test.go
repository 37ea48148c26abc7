package rewrite_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/syncsweep/syncsweep/policy"
	"github.com/syncsweep/syncsweep/rewrite"
)

var testdata = func() string {
	dir, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		panic(err)
	}
	return dir
}()

// TestFixtures runs the sweep on each fixture package and compares the
// fixed files with their .golden files. Packages that must not change
// have no diagnostics and goldens equal to their input.
func TestFixtures(t *testing.T) {
	tests := []struct {
		pkg string
		pol policy.Policy
	}{
		{pkg: "basic"},
		{pkg: "atomics"},
		{pkg: "renamed"},
		{pkg: "shadow"},
		{pkg: "dotimport"},
		{pkg: "usertype"},
		{pkg: "generated"},
		{pkg: "partial"},
		{pkg: "buildtags"},
		{pkg: "imports"},
		{pkg: "crossbuild"},
		{pkg: "badexcluded"},
		{pkg: "github.com/syncsweep/syncsweep/facade/..."},
		{pkg: "keepsync", pol: policy.Policy{Atomic: "off"}},
	}
	for _, tt := range tests {
		t.Run(tt.pkg, func(t *testing.T) {
			rules, err := tt.pol.Compile()
			if err != nil {
				t.Fatal(err)
			}
			et := &excludedT{T: t, want: excludedWants(t, tt.pkg)}
			analysistest.RunWithSuggestedFixes(et, testdata, rewrite.New(rules), tt.pkg)
			et.finish()
		})
	}
}

// excludedT lets the test state expectations for files that the build
// configuration excludes. analysistest reads `// want` comments only from
// compiled files, so it calls their diagnostics unexpected; excludedT
// matches those against the excluded files' own `// want` comments and
// fails on anything else.
type excludedT struct {
	*testing.T
	want map[string][]*regexp.Regexp // "file:line" -> patterns
}

var unexpected = regexp.MustCompile(`^(.*\.go):(\d+):\d+: unexpected diagnostic: (.*)$`)

func (et *excludedT) Errorf(format string, args ...any) {
	et.Helper()
	msg := fmt.Sprintf(format, args...)
	if m := unexpected.FindStringSubmatch(msg); m != nil {
		key := filepath.Base(m[1]) + ":" + m[2]
		for i, re := range et.want[key] {
			if re.MatchString(m[3]) {
				et.want[key] = append(et.want[key][:i], et.want[key][i+1:]...)
				return
			}
		}
	}
	et.T.Error(msg)
}

func (et *excludedT) finish() {
	et.Helper()
	for key, res := range et.want {
		for _, re := range res {
			et.T.Errorf("%s: no diagnostic matched %q in a build-excluded file", key, re)
		}
	}
}

var wantRE = regexp.MustCompile("// want (.*)$")

// excludedWants reads the `// want` patterns of the fixture's files that
// the default build excludes (other GOOS, or a //go:build line).
func excludedWants(t *testing.T, pkg string) map[string][]*regexp.Regexp {
	want := make(map[string][]*regexp.Regexp)
	files, _ := filepath.Glob(filepath.Join(testdata, "src", pkg, "*.go"))
	for _, name := range files {
		if !excluded(name) {
			continue
		}
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for line := 1; sc.Scan(); line++ {
			m := wantRE.FindStringSubmatch(sc.Text())
			if m == nil {
				continue
			}
			for _, q := range regexp.MustCompile("`[^`]*`|\"[^\"]*\"").FindAllString(m[1], -1) {
				s, err := strconv.Unquote(q)
				if err != nil {
					t.Fatalf("%s:%d: bad want %s", name, line, q)
				}
				want[fmt.Sprintf("%s:%d", filepath.Base(name), line)] = append(want[fmt.Sprintf("%s:%d", filepath.Base(name), line)], regexp.MustCompile(s))
			}
		}
		f.Close()
	}
	return want
}

func excluded(name string) bool {
	base := strings.TrimSuffix(filepath.Base(name), ".go")
	for _, sfx := range []string{"_windows", "_plan9"} {
		if strings.HasSuffix(base, sfx) {
			return true
		}
	}
	src, err := os.ReadFile(name)
	return err == nil && strings.Contains(string(src), "//go:build syncsweep_never")
}
