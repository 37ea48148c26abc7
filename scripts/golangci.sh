#!/usr/bin/env bash
# Build golangci-lint with the syncsweep module plugin (golangci/) the way
# `golangci-lint custom` does, and check the plugin end to end on a copy of
# examples/: findings, `run --fix`, the fixed copy builds and vets, a clean
# rerun, and a bad setting rejected.
#
# `golangci-lint custom` git-clones github.com/golangci/golangci-lint; this
# takes the same source from the Go module proxy instead, so it works where
# only the proxy is reachable (CI). The rest mirrors its builder
# (pkg/commands/internal/builder.go, imports.go in the golangci-lint module).
#
#   GCL_VERSION  golangci-lint version to build (default v2.15.0)
#   GCL_WORK     work directory, kept and reused so reruns are fast
#                (default: a temp dir removed at exit). Not inside the repo.
#
# Nothing is written into the repository: everything happens in the work dir.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd -P)
version=${GCL_VERSION:-v2.15.0}
gcl_module=github.com/golangci/golangci-lint/v2
plugin_module=github.com/syncsweep/syncsweep # the module replaced to $root
plugin_import=$plugin_module/golangci        # the package calling register.Plugin

step() { printf '\n== %s\n' "$*"; }
die() { printf '\nFAIL: %s\n' "$*" >&2; exit 1; }

if [ -n "${GCL_WORK:-}" ]; then
	work=$(realpath -m "$GCL_WORK") # checked before anything is created
	case "$work/" in "$root"/*) die "GCL_WORK=$GCL_WORK is inside the repository; use a directory outside $root" ;; esac
	mkdir -p "$work"
else
	work=$(mktemp -d "${TMPDIR:-/tmp}/syncsweep-gcl.XXXXXX")
	trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
fi
echo "work dir: $work"

# The repository must come out as it went in. Remember the content of what
# the go commands and the fixer could reach by mistake (the module files the
# replace points at, the examples and the facade they are copied from) and
# compare at the end. Contents, not git status: commits or edits made by
# someone else meanwhile elsewhere are not ours to judge.
watched=(go.mod go.sum examples facade)
repo_state() {
	(cd "$root" && find "${watched[@]}" -type f -exec sha256sum {} + | LC_ALL=C sort)
}
before=$(repo_state)

# ---------------------------------------------------------------- build ---

step "1. golangci-lint $version source from the module proxy"
# Run `go mod download` in a throwaway module so that no go.mod/go.sum of
# ours (or of a module around GCL_WORK) can be touched.
mkdir -p "$work/dl"
printf 'module gcldownload\n' >"$work/dl/go.mod"
dl_json=$(cd "$work/dl" && GOWORK=off go mod download -json "$gcl_module@$version") ||
	die "go mod download $gcl_module@$version failed: $dl_json"
moddir=$(printf '%s\n' "$dl_json" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",*$/\1/p')
[ -n "$moddir" ] && [ -f "$moddir/go.mod" ] || die "no source directory in: $dl_json"
echo "module cache: $moddir"

# The module cache is read-only: build in a writable copy, as custom builds
# in its clone. Reused when GCL_WORK is kept (the marker says it is whole).
src=$work/golangci-lint@$version
if [ ! -f "$src/.copied" ]; then
	rm -rf "$src"
	cp -R "$moddir" "$src"
	chmod -R u+w "$src"
	touch "$src/.copied"
	echo "copied to $src"
else
	echo "reusing $src"
fi
[ -f "$src/cmd/golangci-lint/plugins.go" ] ||
	die "$src/cmd/golangci-lint/plugins.go not found: golangci-lint $version has no module plugin support"

step "2. plugin import, replace, tidy (as golangci-lint custom does)"
# imports.go: cmd/golangci-lint/plugins.go becomes a blank import of every
# plugin, gofmt'ed; the plugin's init registers it.
cat >"$src/cmd/golangci-lint/plugins.go" <<EOF

package main

import (
	_ "$plugin_import"
)
EOF
gofmt -w "$src/cmd/golangci-lint/plugins.go"
cat "$src/cmd/golangci-lint/plugins.go"
# A plugin given by `path:` gets only a replace directive (addReplaceDirective);
# `go get module@version` is for plugins given by `version:`. go mod tidy
# then adds the require for the import above.
# Like the builder, keep the go commands' chatter (a line per module
# extracted) and show it only when they fail.
gocmd() {
	echo "run: $*"
	(cd "$src" && "$@") >"$work/out/gocmd.txt" 2>&1 || {
		cat "$work/out/gocmd.txt"
		die "$* failed in $src"
	}
}
mkdir -p "$work/out"
gocmd go mod edit -replace "$plugin_module=$root"
gocmd go mod tidy
grep -n "syncsweep" "$src/go.mod"

step "3. go build custom-gcl"
# createVersion: <version>-custom-gcl-<hash>, the hash being sha256 of the
# plugin directory's dirhash (h1) and base64url-encoded, then stripped of
# everything but letters, digits, '.' and '/'. Its hashDir skips every
# subdirectory of a directory holding a go.mod (it tests the root's go.mod,
# not the subdirectory's), so only the root's own files count; same here.
dirhash_h1() {
	(
		cd "$1"
		find . -mindepth 1 -maxdepth 1 -type f -printf '%P\n' | LC_ALL=C sort |
			while IFS= read -r f; do
				printf '%s  %s\n' "$(sha256sum <"$f" | cut -d' ' -f1)" "$f"
			done
	) | sha256sum | cut -d' ' -f1 | xxd -r -p | base64 | sed 's/^/h1:/'
}
h1=$(dirhash_h1 "$root")
hash=$(printf '%s' "$h1" | sha256sum | cut -d' ' -f1 | xxd -r -p | base64 -w0 | tr '+/' '-_' | tr -cd 'A-Za-z0-9./')
gcl_version=$(printf '%s' "$version" | tr -cd 'A-Za-z0-9./')-custom-gcl-$hash
build_date=$(date -u '+%Y-%m-%d %H:%M:%S.%N +0000 UTC')
echo "$root: $h1"
echo "version: $gcl_version"
bin=$work/bin/custom-gcl
mkdir -p "$work/bin"
# goBuild: the same flags, the binary named custom-gcl (the default name).
gocmd go build -ldflags "-s -w -X 'main.version=$gcl_version' -X 'main.date=$build_date'" \
	-o custom-gcl ./cmd/golangci-lint
cp "$src/custom-gcl" "$bin"
"$bin" version

# ------------------------------------------------------------------ run ---

# A fresh copy of examples/ each time, with facade/ beside it so that its
# `replace ... => ../facade` resolves in the copy as it does in the repo.
run=$work/run
chmod -R u+w "$run" 2>/dev/null || true
rm -rf "$run"
mkdir -p "$run"
cp -R "$root/examples" "$run/examples"
cp -R "$root/facade" "$run/facade"
ex=$run/examples

# Only the plugin; every issue shown (the limits apply after the fixer
# anyway, they only shorten the report).
cat >"$ex/.golangci.yml" <<'EOF'
version: "2"
linters:
  default: none
  enable:
    - syncsweep
  settings:
    custom:
      syncsweep:
        type: module
        description: direct uses of sync and sync/atomic bypass the lock facade
        settings: {}
issues:
  max-issues-per-linter: 0
  max-same-issues: 0
  uniq-by-line: false
EOF
# Its own analysis cache, dropped every run: the cache salt is the binary's
# version, whose hash (above) misses the plugin's code, so a rebuilt plugin
# could be served the old one's results.
export GOLANGCI_LINT_CACHE=$run/gcl-cache

# gcl NAME ARGS...: run custom-gcl in the copy, output to out/NAME.txt; sets rc.
gcl() {
	local name=$1
	shift
	rc=0
	(cd "$ex" && "$bin" "$@") >"$work/out/$name.txt" 2>&1 || rc=$?
	sed 's/^/  | /' "$work/out/$name.txt"
	echo "  exit $rc (output saved in $work/out/$name.txt)"
}

step "4a. custom-gcl run ./... (findings expected)"
gcl run run ./...
[ "$rc" -eq 1 ] || die "custom-gcl run: exit $rc, want 1 (issues found)"
grep -q 'bypasses the lock facade' "$work/out/run.txt" ||
	die "custom-gcl run: no 'bypasses the lock facade' finding"
echo "findings: $(grep -c 'bypasses the lock facade' "$work/out/run.txt")"

step "4b. custom-gcl run --fix ./..., then go build and go vet"
# golangci-lint drops a //nolint'ed finding before its fixer runs, while the
# file's other fixes still carry the edit that deletes the "sync" import.
# The sweep honours //nolint:syncsweep itself, so that import stays: one
# such line in a file with other findings proves the result still builds.
printf '\n// legacyMu stays on sync.\nvar legacyMu sync.Mutex //nolint:syncsweep // shared with an old plugin ABI\n' >>"$ex/cache/cache.go"
gcl fix run --fix ./...
[ "$rc" -eq 0 ] || die "custom-gcl run --fix: exit $rc, want 0 (every finding fixed)"
# On conflicting edits the fixer drops all of a linter's edits to the file,
# warns, and still exits 0 (pkg/result/processors/fixer.go): look for it.
# (Exclusion rules in .golangci.yml and --new-from-rev drop findings that the
# analyzer cannot see being dropped: with --fix, the file's other fixes may
# then delete an import a dropped line needs. The README says so.)
if grep -Eq 'are skipped for the file|Failed to fix issues' "$work/out/fix.txt"; then
	die "custom-gcl run --fix skipped fixes (see above)"
fi
diff -ru -x .golangci.yml -x gcl-cache "$root/examples" "$ex" >"$work/out/fix.diff" || true
echo "changed files (+added -removed lines; full diff in $work/out/fix.diff):"
awk '/^\+\+\+ /{f=$2; sub(".*/examples/", "", f); files[f]=1}
	/^\+[^+]/||/^\+$/{a[f]++} /^-[^-]/||/^-$/{d[f]++}
	END{for (f in files) printf "  %-28s +%d -%d\n", f, a[f], d[f]}' "$work/out/fix.diff" | LC_ALL=C sort
[ -s "$work/out/fix.diff" ] || die "run --fix changed nothing"
# Build and vet on this platform and on windows, which compiles
# platform_windows.go (the linter never loads it on this platform).
for goos in "$(go env GOOS)" windows; do
	echo "GOOS=$goos go build ./... && go vet ./..."
	(cd "$ex" && GOOS=$goos go build ./... && GOOS=$goos go vet ./...) ||
		die "the fixed copy does not build or vet with GOOS=$goos (diff: $work/out/fix.diff)"
done
echo "go test ./..."
(cd "$ex" && go test -count=1 ./...) || die "the fixed copy's tests fail"
# A duplicated facade import is a compile error in the compiled files; check
# every file anyway, also those no build above compiled.
for f in $(cd "$ex" && find . -name '*.go'); do
	n=$(grep -c '"github.com/syncsweep/syncsweep/facade"' "$ex/$f" || true)
	[ "$n" -le 1 ] || die "$f imports the facade $n times"
done

grep -q 'var legacyMu sync.Mutex //nolint:syncsweep' "$ex/cache/cache.go" ||
	die "the //nolint:syncsweep line was rewritten"

step "4c. custom-gcl run ./... again (clean expected)"
gcl rerun run ./...
[ "$rc" -eq 0 ] || die "custom-gcl run after --fix: exit $rc, want 0"

step "4e. the twins of go vet's and staticcheck's sync checks report swept code"
# Issue 15's mistakes, on the facade's types (as the sweep leaves them).
mkdir -p "$ex/misuse"
cat >"$ex/misuse/misuse.go" <<'EOF2'
package misuse

import (
	"github.com/syncsweep/syncsweep/facade"
	"github.com/syncsweep/syncsweep/facade/atomic"
)

var hits int64

func work() {}

// Run makes each mistake once.
func Run() {
	var wg facade.WaitGroup
	go func() {
		wg.Add(1)
		defer wg.Done()
		work()
	}()
	wg.Wait()
	hits = atomic.AddInt64(&hits, 1)
	var mu facade.Mutex
	mu.Lock()
	defer mu.Lock()
}
EOF2
gcl twins run ./misuse/...
[ "$rc" -eq 1 ] || die "custom-gcl run on the misuse package: exit $rc, want 1"
for want in "WaitGroup.Add called from inside new goroutine" "should call wg.Add(1) before starting the goroutine to avoid a race" \
	"direct assignment to atomic value" "deferring Lock right after having locked already; did you mean to defer Unlock?"; do
	grep -qF "$want" "$work/out/twins.txt" || die "custom-gcl run: no '$want' finding"
done
rm -rf "$ex/misuse"

step "4d. an unknown setting is rejected"
# The same config with a misspelt key; given with -c, outside the copy.
sed 's/settings: {}/settings: {facde: x}/' "$ex/.golangci.yml" >"$run/bad.golangci.yml"
grep -q 'facde' "$run/bad.golangci.yml" || die "could not write the bad config"
gcl badsettings run -c "$run/bad.golangci.yml" ./...
[ "$rc" -ne 0 ] || die "custom-gcl accepted the unknown setting 'facde'"
[ "$rc" -ne 1 ] || die "custom-gcl reported issues instead of rejecting the unknown setting 'facde'"
grep -q 'facde' "$work/out/badsettings.txt" || die "the error does not name the unknown key 'facde'"

# ---------------------------------------------------------------- check ---

step "repository untouched"
after=$(repo_state)
if [ "$before" != "$after" ]; then
	diff <(printf '%s\n' "$before") <(printf '%s\n' "$after") || true
	die "the script changed files in $root"
fi
if git -C "$root" rev-parse --git-dir >/dev/null 2>&1; then
	git -C "$root" status --short
fi
echo "OK"
