// Package fixturetest runs analysistest over syncsweep's fixtures, which
// include files that the build configuration excludes (other GOOS, build
// tags): the sweep reports in those too, and analysistest alone would call
// such reports unexpected.
package fixturetest

import (
	"bufio"
	"fmt"
	"go/build"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// Run is analysistest.RunWithSuggestedFixes over testdata/src/pkg, with the
// `// want` comments of build-excluded files honoured too.
func Run(t *testing.T, testdata string, a *analysis.Analyzer, pkg string) {
	t.Helper()
	et := &excludedT{T: t, want: excludedWants(t, testdata, pkg)}
	analysistest.RunWithSuggestedFixes(et, testdata, a, pkg)
	et.finish()
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
func excludedWants(t *testing.T, testdata, pkg string) map[string][]*regexp.Regexp {
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
	// The default build context decides, as for the packages the test
	// loads: GOOS and GOARCH file suffixes and //go:build lines.
	match, err := build.Default.MatchFile(filepath.Dir(name), filepath.Base(name))
	return err == nil && !match
}
