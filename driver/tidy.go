package driver

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/mod/modfile"
	"golang.org/x/tools/go/packages"

	"github.com/syncsweep/syncsweep/catalog"
)

// thirdPartyModules returns the requirements of the go.mod at gomod that
// provide a third-party lock package of the catalog (go-deadlock,
// x/sync for its semaphore, ...).
func thirdPartyModules(gomod string) ([]string, error) {
	data, err := os.ReadFile(gomod)
	if err != nil {
		return nil, err
	}
	mf, err := modfile.ParseLax(gomod, data, nil)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, req := range mf.Require {
		for _, src := range catalog.Sources() {
			if src == req.Mod.Path || strings.HasPrefix(src, req.Mod.Path+"/") {
				out = append(out, req.Mod.Path)
				break
			}
		}
	}
	return out, nil
}

// afterWrite finishes a -fix for the modules it wrote to: when nothing in
// a module imports a third-party lock module any more, it says that go
// mod tidy drops it (or runs go mod tidy, with -tidy), and when the
// module vendors its dependencies, that go mod vendor must follow. go.mod
// is never edited by hand: go mod tidy writes it only when it succeeds.
func (r *run) afterWrite(modules []*packages.Module) {
	seen := make(map[string]bool)
	var dirs []string
	for _, m := range modules {
		if m.GoMod == "" || seen[m.GoMod] {
			continue
		}
		seen[m.GoMod] = true
		dirs = append(dirs, filepath.Dir(m.GoMod))
	}
	sort.Strings(dirs)
	for _, dir := range dirs {
		reqs, err := thirdPartyModules(filepath.Join(dir, "go.mod"))
		if err != nil {
			continue
		}
		_, vendorErr := os.Stat(filepath.Join(dir, "vendor", "modules.txt"))
		vendored := vendorErr == nil
		var dropped, indirect []string
		if len(reqs) > 0 {
			diff, err := r.tidyDiff(dir)
			if err != nil {
				if r.Verbose {
					fmt.Fprintf(r.Stderr, "syncsweep: go mod tidy -diff in %s: %v\n", r.rel(dir), err)
				}
			} else {
				dropped, indirect = tidyChanges(diff, reqs)
			}
		}
		where := ""
		if rel := r.rel(dir); rel != "." {
			where = " (in " + rel + ")"
		}
		if !r.Tidy {
			if len(dropped) > 0 {
				fmt.Fprintf(r.Stderr, "syncsweep: nothing imports %s any more; go mod tidy%s will drop it from go.mod (or run syncsweep -fix -tidy)\n",
					strings.Join(dropped, ", "), where)
			}
			if len(indirect) > 0 {
				fmt.Fprintf(r.Stderr, "syncsweep: your code no longer imports %s; go mod tidy%s keeps it as an indirect requirement, which another dependency needs (or run syncsweep -fix -tidy)\n",
					strings.Join(indirect, ", "), where)
			}
			if vendored {
				fmt.Fprintf(r.Stderr, "syncsweep: the module%s vendors its dependencies: once go.mod requires the facade, run go mod vendor to vendor it and drop what the sweep no longer needs\n", where)
			}
			continue
		}
		steps := [][]string{{"go", "mod", "tidy"}}
		if vendored {
			steps = append(steps, []string{"go", "mod", "vendor"})
		}
		for _, args := range steps {
			cmd := exec.Command(args[0], args[1:]...)
			cmd.Dir = dir
			cmd.Env = r.Env
			var out bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &out
			if err := cmd.Run(); err != nil {
				r.errorf("%s%s failed, so go.mod was left as it was: %v\n%s", strings.Join(args, " "), where, err, strings.TrimSpace(out.String()))
				break
			}
			fmt.Fprintf(r.Stderr, "syncsweep: ran %s%s\n", strings.Join(args, " "), where)
		}
	}
}

// tidyDiff returns the diff that go mod tidy would make to the module in
// dir, without making it.
func (r *run) tidyDiff(dir string) (string, error) {
	cmd := exec.Command("go", "mod", "tidy", "-diff")
	cmd.Dir = dir
	cmd.Env = r.Env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if err != nil && stdout.Len() == 0 {
		// Exit 1 with a diff is tidy's "there are changes".
		return "", fmt.Errorf("%v: %s", err, strings.TrimSpace(stderr.String()))
	}
	return stdout.String(), nil
}

// tidyChanges reads, from a go mod tidy -diff of go.mod, which of the
// modules reqs it drops and which it keeps as indirect requirements.
func tidyChanges(diff string, reqs []string) (dropped, indirect []string) {
	removed := make(map[string]bool)
	added := make(map[string]bool) // as an indirect requirement
	kept := make(map[string]bool)  // as a direct one (a new version)
	inMod := false
	for _, line := range strings.Split(diff, "\n") {
		if strings.HasPrefix(line, "--- ") || strings.HasPrefix(line, "+++ ") {
			inMod = strings.HasSuffix(strings.TrimSpace(line), "go.mod")
			continue
		}
		if !inMod {
			continue // go.sum's lines name the modules too
		}
		for _, m := range reqs {
			if !strings.Contains(line, m+" ") {
				continue
			}
			switch {
			case strings.HasPrefix(line, "-"):
				removed[m] = true
			case strings.HasPrefix(line, "+") && strings.Contains(line, "// indirect"):
				added[m] = true
			case strings.HasPrefix(line, "+"):
				kept[m] = true
			}
		}
	}
	for _, m := range reqs {
		switch {
		case kept[m]:
		case removed[m] && added[m]:
			indirect = append(indirect, m)
		case removed[m]:
			dropped = append(dropped, m)
		}
	}
	return dropped, indirect
}
