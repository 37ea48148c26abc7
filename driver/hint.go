package driver

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"golang.org/x/mod/modfile"
	"golang.org/x/tools/go/packages"
)

// hintRequirement tells the user the one command that makes the rewritten
// code build, for each module that does not yet require the facade.
func (r *run) hintRequirement(modules []*packages.Module) {
	if r.FacadeModule == "" {
		return
	}
	seen := make(map[string]bool)
	for _, m := range modules {
		if m.GoMod == "" || seen[m.GoMod] || m.Path == r.FacadeModule ||
			strings.HasPrefix(r.FacadeModule, m.Path+"/") {
			continue
		}
		seen[m.GoMod] = true
		data, err := os.ReadFile(m.GoMod)
		if err != nil {
			continue
		}
		mf, err := modfile.ParseLax(m.GoMod, data, nil)
		if err != nil {
			continue
		}
		required := false
		for _, req := range mf.Require {
			if req.Mod.Path == r.FacadeModule {
				required = true
			}
		}
		if required {
			continue
		}
		cd := ""
		if dir := r.rel(filepath.Dir(m.GoMod)); dir != "." {
			cd = "cd " + dir + " && "
		}
		fmt.Fprintf(r.Stderr, "syncsweep: module %s does not require %s yet; to finish, run:\n\t%sgo get %s@%s\n",
			m.Path, r.FacadeModule, cd, r.FacadeModule, toolVersion())
	}
}

// toolVersion is the version to fetch the facade at: the tool's own
// release when it was installed as one, else latest.
func toolVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "latest"
}
