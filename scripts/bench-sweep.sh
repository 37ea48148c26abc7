#!/usr/bin/env bash
# What a sweep costs next to the type-checking floor, on a real module:
# wall time and peak memory (the largest process's maximum RSS, as
# /usr/bin/time reports it) of `syncsweep ./...` and `syncsweep -fix ./...`
# (its compile check included), next to the floor measured in the same run:
# a go/analysis singlechecker whose analyzer does nothing (scripts/floor),
# which costs one load and type-check of the tree. go vet is shown too.
# Warm, on the same tree, RUNS times each, medians and ratios to the floor.
#
#   bash scripts/bench-sweep.sh DIR [RUNS]
#
# DIR is a module's root (it is copied; nothing in it is written). The copy
# requires the facade through a replace to this checkout, as after the
# `go get` that -fix prints, so that go mod tidy -diff stays off the
# network. A command that fails (syncsweep exit 1, a failed floor or vet
# run) stops the benchmark: a failed run's time means nothing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd -P)
src=${1:?usage: bench-sweep.sh DIR [RUNS]}
runs=${2:-5}
work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT

go build -o "$work/syncsweep" "$root/cmd/syncsweep"
go build -o "$work/floor" "$root/scripts/floor"
cp -R "$src" "$work/tree"
chmod -R u+w "$work/tree"
cd "$work/tree"
rm -rf .git
go mod edit -require=github.com/syncsweep/syncsweep/facade@v0.0.0 -replace=github.com/syncsweep/syncsweep/facade="$root/facade"
git init -q && git add -A && git -c user.email=b@b -c user.name=bench commit -qm base
lines=$(git ls-files '*.go' | xargs cat | wc -l)
pkgs=$(go list ./... 2>/dev/null | wc -l)
echo "tree: $src ($lines lines of Go, $pkgs packages), $runs runs each, warm"

# Warm the build and list caches.
go vet ./... >/dev/null 2>&1 || true
"$work/floor" ./... >/dev/null 2>&1 || true
"$work/syncsweep" ./... >/dev/null 2>&1 || true

# measure NAME OKCODES CMD...: one run; appends "seconds kilobytes" to
# NAME's file. OKCODES lists the exit statuses that mean the command did
# its job (syncsweep exits 3 when it reports findings).
measure() {
	local name=$1 ok=$2 code=0
	shift 2
	/usr/bin/time -f '%x %e %M' -o "$work/t" "$@" >"$work/out" 2>&1 || code=$?
	# time adds a "Command exited with non-zero status" line first.
	read -r status secs kb < <(tail -n 1 "$work/t")
	if [[ " $ok " != *" $status "* ]]; then
		echo "bench-sweep: $name failed (exit $status, want one of: $ok):" >&2
		tail -n 20 "$work/out" >&2
		exit 1
	fi
	echo "$secs $kb" >>"$work/m.$name"
}
reset() { git checkout -q . && git clean -qfd; }

for i in $(seq "$runs"); do
	measure floor "0 3" "$work/floor" ./...
	# go vet caches clean results; a fresh -printf.funcs makes it
	# analyze every package again while the build cache stays warm.
	measure vetforced "0 1" go vet "-printf.funcs=benchsweep$RANDOM$i" ./...
	measure report "0 3" "$work/syncsweep" ./...
	reset
	measure fix "0 3" "$work/syncsweep" -fix ./...
	reset
done

median() { sort -n | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ft=$(cut -d' ' -f1 "$work/m.floor" | median)
fm=$(cut -d' ' -f2 "$work/m.floor" | median)
printf '%-34s %10s %10s %10s %10s\n' command "wall (s)" "peak (MB)" "x time" "x memory"
for name in floor report fix vetforced; do
	t=$(cut -d' ' -f1 "$work/m.$name" | median)
	m=$(cut -d' ' -f2 "$work/m.$name" | median)
	case $name in
	floor) label="floor (no-op singlechecker)" ;;
	report) label="syncsweep ./..." ;;
	fix) label="syncsweep -fix ./... (checked)" ;;
	vetforced) label="go vet ./... (forced)" ;;
	esac
	awk -v l="$label" -v t="$t" -v m="$m" -v ft="$ft" -v fm="$fm" \
		'BEGIN{printf "%-34s %10.2f %10.0f %10.2f %10.2f\n", l, t, m/1024, t/ft, m/fm}'
done
