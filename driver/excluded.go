package driver

import (
	"fmt"
	"go/build"
	"go/build/constraint"
	"go/types"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"golang.org/x/tools/go/packages"
)

// A buildConfig is a GOOS, GOARCH and tag set the check loads packages
// under, for files that the run's own build excludes.
type buildConfig struct {
	goos, goarch string
	tags         string // comma-separated, added to the run's -tags
}

func (b buildConfig) String() string {
	s := "GOOS=" + b.goos + " GOARCH=" + b.goarch
	if b.tags != "" {
		s += " -tags=" + b.tags
	}
	return s
}

// ports are the GOOS/GOARCH pairs tried for a build-excluded file, first
// ports first: the check picks the first that includes the file.
var ports = [][2]string{
	{"linux", "amd64"}, {"windows", "amd64"}, {"darwin", "arm64"}, {"darwin", "amd64"},
	{"linux", "arm64"}, {"linux", "386"}, {"linux", "arm"}, {"windows", "arm64"}, {"windows", "386"},
	{"freebsd", "amd64"}, {"openbsd", "amd64"}, {"netbsd", "amd64"}, {"dragonfly", "amd64"},
	{"solaris", "amd64"}, {"illumos", "amd64"}, {"aix", "ppc64"}, {"plan9", "amd64"},
	{"js", "wasm"}, {"wasip1", "wasm"}, {"android", "arm64"}, {"ios", "arm64"},
	{"linux", "riscv64"}, {"linux", "ppc64le"}, {"linux", "ppc64"}, {"linux", "s390x"},
	{"linux", "loong64"}, {"linux", "mips64le"}, {"linux", "mips64"}, {"linux", "mipsle"}, {"linux", "mips"},
	{"freebsd", "arm64"}, {"openbsd", "arm64"}, {"netbsd", "arm64"}, {"plan9", "386"},
}

// checkExcluded type-checks the rewritten files that the run's build
// excludes (x_windows.go, //go:build tags), each under a configuration that
// includes it, and names the ones no configuration could check.
func (c *compileCheck) checkExcluded() {
	r := c.r
	compiled := make(map[string]bool)
	for _, m := range c.main.meta {
		for _, f := range m.files {
			compiled[f] = true
		}
	}
	groups := make(map[buildConfig][]string)
	var order []buildConfig
	var names []string
	for name := range r.newSrc {
		if !compiled[name] {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		cfg, ok := c.configFor(name)
		if !ok {
			why := "no GOOS, GOARCH and tags that syncsweep tries include it"
			if v := newerRelease(name); v != "" {
				why = fmt.Sprintf("its //go:build line needs %s, newer than this toolchain (%s)", v, runtime.Version())
			}
			c.unchecked = append(c.unchecked, fmt.Sprintf("\t%s: %s", r.rel(name), why))
			continue
		}
		if _, ok := groups[cfg]; !ok {
			order = append(order, cfg)
		}
		groups[cfg] = append(groups[cfg], name)
	}
	for _, cfg := range order {
		c.checkConfig(cfg, groups[cfg])
	}
}

// configFor finds a configuration whose build includes the file: the
// run's own GOOS and GOARCH where they can, the file's otherwise, with the
// fewest of the tags its //go:build line mentions.
func (c *compileCheck) configFor(name string) (buildConfig, bool) {
	dir, base := filepath.Split(name)
	tagSets := [][]string{nil}
	if mentioned := mentionedTags(name); len(mentioned) > 0 {
		for _, t := range mentioned {
			tagSets = append(tagSets, []string{t})
		}
		if len(mentioned) > 1 {
			tagSets = append(tagSets, mentioned)
		}
	}
	host := [2]string{c.env("GOOS", build.Default.GOOS), c.env("GOARCH", build.Default.GOARCH)}
	candidates := append([][2]string{host}, ports...)
	runTags := c.runTags()
	for _, tags := range tagSets {
		for _, port := range candidates {
			ctxt := build.Default
			ctxt.GOOS, ctxt.GOARCH = port[0], port[1]
			ctxt.CgoEnabled = false
			ctxt.BuildTags = append(append([]string(nil), runTags...), tags...)
			if ok, err := ctxt.MatchFile(dir, base); err == nil && ok {
				return buildConfig{port[0], port[1], strings.Join(tags, ",")}, true
			}
		}
	}
	return buildConfig{}, false
}

// mentionedTags returns the tags of a file's //go:build line that are not
// a GOOS, GOARCH, release or toolchain tag.
func mentionedTags(name string) []string {
	src, err := os.ReadFile(name)
	if err != nil {
		return nil
	}
	var out []string
	seen := make(map[string]bool)
	for _, line := range strings.Split(string(src), "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "package ") {
			break
		}
		if !constraint.IsGoBuild(line) {
			continue
		}
		expr, err := constraint.Parse(line)
		if err != nil {
			return nil
		}
		expr.Eval(func(tag string) bool {
			if !seen[tag] && !platformTag(tag) {
				seen[tag] = true
				out = append(out, tag)
			}
			return true
		})
	}
	sort.Strings(out)
	return out
}

// newerRelease returns a release tag (go1.N) that a file's //go:build
// line names and this toolchain does not have, or "".
func newerRelease(name string) string {
	have := make(map[string]bool)
	for _, t := range build.Default.ReleaseTags {
		have[t] = true
	}
	src, err := os.ReadFile(name)
	if err != nil {
		return ""
	}
	for _, line := range strings.Split(string(src), "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "package ") {
			break
		}
		expr, err := constraint.Parse(line)
		if err != nil || !constraint.IsGoBuild(line) {
			continue
		}
		newer := ""
		expr.Eval(func(tag string) bool {
			if strings.HasPrefix(tag, "go1.") && !have[tag] && newer == "" {
				newer = tag
			}
			return true
		})
		return newer
	}
	return ""
}

func platformTag(tag string) bool {
	if strings.HasPrefix(tag, "go1.") || tag == "gc" || tag == "gccgo" || tag == "cgo" || tag == "unix" {
		return true
	}
	for _, p := range ports {
		if tag == p[0] || tag == p[1] {
			return true
		}
	}
	return false
}

// env returns a variable of the run's environment, or def.
func (c *compileCheck) env(key, def string) string {
	env := c.r.Env
	if env == nil {
		env = os.Environ()
	}
	v := def
	for _, kv := range env {
		if strings.HasPrefix(kv, key+"=") {
			v = kv[len(key)+1:]
		}
	}
	return v
}

// runTags returns the tags of the run's -tags flag.
func (c *compileCheck) runTags() []string {
	var tags []string
	for _, f := range c.r.BuildFlags {
		if t, ok := strings.CutPrefix(f, "-tags="); ok {
			tags = append(tags, strings.Split(t, ",")...)
		}
	}
	return tags
}

// checkConfig loads the packages of the files under cfg (metadata and
// export data only) and type-checks those holding them.
func (c *compileCheck) checkConfig(cfg buildConfig, files []string) {
	r := c.r
	start := time.Now()
	env := c.r.Env
	if env == nil {
		env = os.Environ()
	}
	env = append(append([]string(nil), env...), "GOOS="+cfg.goos, "GOARCH="+cfg.goarch, "CGO_ENABLED=0")
	var flags []string
	tags := c.runTags()
	if cfg.tags != "" {
		tags = append(tags, strings.Split(cfg.tags, ",")...)
	}
	for _, f := range r.BuildFlags {
		if !strings.HasPrefix(f, "-tags=") {
			flags = append(flags, f)
		}
	}
	if len(tags) > 0 {
		flags = append(flags, "-tags="+strings.Join(tags, ","))
	}
	dirs := make(map[string]bool)
	tests := false
	for _, f := range files {
		dirs[filepath.Dir(f)] = true
		tests = tests || strings.HasSuffix(f, "_test.go")
	}
	patterns := make([]string, 0, len(dirs))
	for d := range dirs {
		patterns = append(patterns, d)
	}
	sort.Strings(patterns)
	notChecked := func(f, why string) {
		c.unchecked = append(c.unchecked, fmt.Sprintf("\t%s: not checked under %s: %s", r.rel(f), cfg, why))
	}
	list, err := packages.Load(&packages.Config{
		Mode:       packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports | packages.NeedDeps | packages.NeedExportFile | packages.NeedModule | packages.NeedForTest,
		Dir:        r.Dir,
		Env:        env,
		BuildFlags: flags,
		Tests:      tests,
	}, patterns...)
	if err != nil {
		for _, f := range files {
			notChecked(f, err.Error())
		}
		return
	}
	cs := newCheckState(r, cfg.String(), env, flags)
	cs.sizes = types.SizesFor("gc", cfg.goarch)
	cs.record(list)
	u := cs.universe(nil)
	want := make(map[string]bool)
	for _, f := range files {
		want[f] = true
	}
	covered := make(map[string]bool)
	var ids []string
	for _, p := range list {
		if strings.HasSuffix(p.ID, ".test") {
			continue
		}
		holds := false
		for _, f := range cs.meta[p.ID].files {
			holds = holds || want[f]
		}
		if !holds {
			continue
		}
		if len(p.Errors) > 0 {
			for _, f := range cs.meta[p.ID].files {
				if want[f] && !covered[f] {
					notChecked(f, "its package does not load: "+r.formatError(p.Errors[0]))
					covered[f] = true
				}
			}
			continue
		}
		for _, f := range cs.meta[p.ID].files {
			covered[f] = covered[f] || want[f]
		}
		u.report[p.ID] = true
		ids = append(ids, p.ID)
	}
	for _, id := range ids {
		u.recheck[id] = true
	}
	c.forceAll(u, cs.order(ids))
	for _, f := range files {
		if !covered[f] {
			notChecked(f, "no package there includes it")
		}
	}
	c.absorb(cs)
	c.configs = append(c.configs, fmt.Sprintf("%s: %d file(s) in %d package(s), %v", cfg, len(files), len(ids), time.Since(start).Round(time.Millisecond)))
}
