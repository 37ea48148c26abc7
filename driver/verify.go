package driver

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"
)

// usesBroken reports whether rewritten code uses a lock-typed object of a
// package that turned out broken, which is not rewritten.
func (r *run) usesBroken() bool {
	for path := range r.lockFrom {
		if r.broken[strings.TrimSuffix(path, "_test")] {
			if r.Verbose {
				fmt.Fprintf(r.Stderr, "syncsweep: checking the result: %s is left untouched and its locks are used elsewhere\n", path)
			}
			return true
		}
	}
	return false
}

// unsure reports whether the sweep said that a package's fixes alone may
// not keep the workspace compiling (see rewrite.Result.Unsure).
func (r *run) unsure() bool {
	for _, pr := range r.results {
		if pr.res.Unsure != "" {
			if r.Verbose {
				fmt.Fprintf(r.Stderr, "syncsweep: checking the result: %s\n", pr.res.Unsure)
			}
			return true
		}
	}
	return false
}

// mayBreak reports whether the sweep could stop a package compiling, which
// needs a value of a sync type that stays (declared outside the swept
// packages, in a generated file, which is never rewritten, or reached
// through a dot import) to meet code that is rewritten. It looks for a
// use, in these packages' files, of an object whose type holds a sync or
// sync/atomic type other than the aliases Locker and Cond. Objects of
// other swept packages are noted in r.lockFrom: one of those may turn out
// broken (so not rewritten) in a later batch. When there is no such use,
// verify can be skipped.
func (r *run) mayBreak(good []*packages.Package) bool {
	swept := r.swept
	for _, p := range good {
		generated := make(map[*token.File]bool)
		for _, f := range p.Syntax {
			generated[r.fset.File(f.Pos())] = ast.IsGenerated(f)
			for _, spec := range f.Imports {
				if spec.Name != nil && spec.Name.Name == "." && (spec.Path.Value == `"sync"` || spec.Path.Value == `"sync/atomic"`) {
					return true // its names stay sync's
				}
			}
		}
		for id, obj := range p.TypesInfo.Uses {
			if obj.Pkg() == nil || generated[r.fset.File(id.Pos())] {
				continue
			}
			path := obj.Pkg().Path()
			if path == "sync" || path == "sync/atomic" {
				continue // the sweep rewrites these references themselves
			}
			if _, ok := obj.(*types.PkgName); ok {
				continue
			}
			if holdsLockType(obj.Type(), make(map[types.Type]bool)) {
				if swept[path] && !generated[r.fset.File(obj.Pos())] {
					r.lockFrom[path] = true // rewritten too, unless it is broken
					continue
				}
				if r.Verbose {
					fmt.Fprintf(r.Stderr, "syncsweep: checking the result: %s uses %s\n", r.posn(id.Pos()), obj)
				}
				return true
			}
		}
	}
	return false
}

// holdsLockType reports whether t is, or is built from (pointers, slices,
// maps, channels, signatures, unnamed structs), a sync or sync/atomic type
// that the facade wraps rather than aliases.
func holdsLockType(t types.Type, seen map[types.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		if pkg := t.Obj().Pkg(); pkg != nil && (pkg.Path() == "sync" || pkg.Path() == "sync/atomic") {
			return t.Obj().Name() != "Locker" && t.Obj().Name() != "Cond"
		}
		for i := 0; i < t.TypeArgs().Len(); i++ {
			if holdsLockType(t.TypeArgs().At(i), seen) {
				return true
			}
		}
		return false // a type of someone else's: its fields are its own
	case *types.Pointer:
		return holdsLockType(t.Elem(), seen)
	case *types.Slice:
		return holdsLockType(t.Elem(), seen)
	case *types.Array:
		return holdsLockType(t.Elem(), seen)
	case *types.Chan:
		return holdsLockType(t.Elem(), seen)
	case *types.Map:
		return holdsLockType(t.Key(), seen) || holdsLockType(t.Elem(), seen)
	case *types.Signature:
		return holdsLockType(t.Params(), seen) || holdsLockType(t.Results(), seen)
	case *types.Tuple:
		for i := 0; i < t.Len(); i++ {
			if holdsLockType(t.At(i).Type(), seen) {
				return true
			}
		}
	case *types.Struct:
		for i := 0; i < t.NumFields(); i++ {
			if holdsLockType(t.Field(i).Type(), seen) {
				return true
			}
		}
	}
	return false
}

// verify loads the workspace again with the swept files overlaid and
// reports whether every package that loaded before still type-checks. It
// cannot when the module does not require the facade yet; then it says so
// and lets the write go ahead.
func (r *run) verify(overlay, old map[string][]byte) bool {
	cfg := &packages.Config{
		Mode:       packages.NeedName | packages.NeedFiles | packages.NeedImports | packages.NeedTypes | packages.NeedSyntax,
		Dir:        r.Dir,
		Env:        r.Env,
		BuildFlags: r.BuildFlags,
		Tests:      r.Tests,
		Overlay:    overlay,
	}
	// In the sweep's batches, so that the check's memory is bounded too.
	var pkgs []*packages.Package
	for i, batch := range r.batches {
		if i > 0 {
			debug.FreeOSMemory()
		}
		list, err := packages.Load(cfg, batch...)
		if err != nil {
			fmt.Fprintf(r.Stderr, "syncsweep: could not check that the swept code compiles: %v\n", err)
			return true
		}
		for _, p := range list {
			// Keep what the messages need, not the syntax.
			pkgs = append(pkgs, &packages.Package{ID: p.ID, Errors: p.Errors, IllTyped: p.IllTyped, GoFiles: p.GoFiles, Imports: p.Imports})
		}
	}
	var broken []string
	for _, p := range pkgs {
		if !r.loaded[p.ID] || len(p.Errors) == 0 && !p.IllTyped {
			continue
		}
		msg := overlayName.ReplaceAllStringFunc(r.firstError(p), func(m string) string {
			// The go command compiled a temporary copy of an overlaid
			// file; name the user's file instead.
			sub := overlayName.FindStringSubmatch(m)
			for _, f := range p.GoFiles {
				if filepath.Base(f) != sub[1] {
					continue
				}
				if line, err := strconv.Atoi(sub[2]); err == nil && overlay[f] != nil {
					// Say the line as it is in the file on disk.
					return fmt.Sprintf("%s:%d", r.rel(f), oldLine(string(old[f]), string(overlay[f]), line))
				}
				return r.rel(f)
			}
			return m
		})
		if r.FacadeModule != "" && strings.Contains(msg, r.FacadeModule) {
			fmt.Fprintf(r.Stderr, "syncsweep: could not check that the swept code compiles (%s); check with go build after go get\n", msg)
			return true
		}
		broken = append(broken, fmt.Sprintf("\t%s: %s", p.ID, msg))
	}
	if len(broken) == 0 {
		return true
	}
	sort.Strings(broken)
	r.errorf("nothing written: after the sweep, these packages would not compile:\n%s\n"+
		"Usually a lock is handed to code that wants the sync type itself (outside the workspace,\n"+
		"or kept on sync by a directive); keep that declaration on sync too (//syncsweep:allow <reason>)\n"+
		"or change the code, then run again.",
		strings.Join(broken, "\n"))
	return false
}

// overlayName matches the go command's temporary copy of an overlaid file.
var overlayName = regexp.MustCompile(`\S*gocommand-\d+[/\\]\d+-([^/\\\s:]+\.go)(?::(\d+))?`)

// oldLine maps a 1-based line of new back to the line of old it came from
// (for a changed line, the first line of the change).
func oldLine(old, new string, line int) int {
	ai, bi := 0, 0 // 0-based line cursors in old and new
	for _, op := range myers(splitLines(old), splitLines(new)) {
		if line-1 < op.bi {
			break
		}
		if line-1 < op.bEnd() {
			return op.ai + 1
		}
		ai, bi = op.aEnd(), op.bEnd()
	}
	return ai + (line - 1 - bi) + 1
}
