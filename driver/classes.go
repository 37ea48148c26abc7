package driver

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/syncsweep/syncsweep/catalog"
	"github.com/syncsweep/syncsweep/classtable"
)

// planTables returns the writes that bring each swept package's table of
// lock classes (package classtable) up to date: a new file, a changed one,
// or, for a package with no facade lock left, the removal of its old one.
// Only syncsweep's own facade has the deadlock detector that reads them.
func (r *run) planTables(results []pkgResult) []fileResult {
	if r.Rules != nil && r.Rules.Facade != catalog.DefaultFacade {
		return nil
	}
	type place struct {
		dir   string
		xtest bool
	}
	best := map[place]pkgResult{}
	for _, pr := range results {
		if pr.dir == "" || pr.module == nil || !pr.module.Main || pr.res.AllowedPackage || r.blockedDir(pr.dir) {
			continue
		}
		k := place{pr.dir, strings.HasSuffix(pr.path, "_test")}
		if old, ok := best[k]; !ok || pr.test && !old.test {
			best[k] = pr // the test variant's table has the test functions too
		}
	}
	edited := map[string]bool{} // directories the sweep writes to
	for _, f := range r.planned {
		edited[filepath.Dir(f.name)] = true
	}
	keys := make([]place, 0, len(best))
	for k := range best {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].dir != keys[j].dir {
			return keys[i].dir < keys[j].dir
		}
		return !keys[i].xtest
	})
	var out []fileResult
	for _, k := range keys {
		pr := best[k]
		name := filepath.Join(k.dir, classtable.FileName)
		if k.xtest {
			name = filepath.Join(k.dir, classtable.TestFileName)
		}
		// Only a package on the facade after the sweep gets a table: the
		// table imports the facade, which a module that does not use it
		// yet must not come to require through go mod tidy.
		var want []byte
		if pr.res.Facade > 0 || edited[k.dir] {
			want = classtable.Render(pr.name, catalog.DefaultFacade, pr.res.Classes)
		}
		old, err := os.ReadFile(name)
		switch {
		case os.IsNotExist(err):
			if want == nil {
				continue
			}
			old = nil
		case err != nil:
			r.errorf("%s: %v", r.rel(name), err)
			continue
		case !classtable.IsTable(old):
			r.errorf("%s: not syncsweep's table of lock classes, yet named as one: rename it, and run again", r.rel(name))
			continue
		}
		if bytes.Equal(old, want) {
			continue
		}
		out = append(out, fileResult{name: name, old: old, new: want, mode: 0o644, module: pr.module})
	}
	return out
}

// blockedDir reports whether a package in dir failed to load: none of its
// files is written, a table included.
func (r *run) blockedDir(dir string) bool {
	for f := range r.blocked {
		if filepath.Dir(f) == dir {
			return true
		}
	}
	return false
}
