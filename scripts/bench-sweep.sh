#!/usr/bin/env bash
# What a sweep costs next to go vet, on a real module: wall time and peak
# memory (the largest process's maximum RSS, as /usr/bin/time reports it)
# of `syncsweep ./...`, `syncsweep -fix ./...` and `go vet ./...`, warm,
# on the same tree, RUNS times each, medians and ratios.
#
#   bash scripts/bench-sweep.sh DIR [RUNS]
#
# DIR is a module's root (it is copied; nothing in it is written). go vet
# caches clean results, so a warm `go vet ./...` does no analysis at all:
# the "go vet (forced)" row passes a fresh -printf.funcs value each run,
# which makes vet analyze every package again while the build cache stays
# warm. That row is the type-checking floor the ratios are taken against.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd -P)
src=${1:?usage: bench-sweep.sh DIR [RUNS]}
runs=${2:-5}
work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT

go build -o "$work/syncsweep" "$root/cmd/syncsweep"
cp -R "$src" "$work/tree"
chmod -R u+w "$work/tree"
cd "$work/tree"
rm -rf .git
git init -q && git add -A && git -c user.email=b@b -c user.name=bench commit -qm base
lines=$(git ls-files '*.go' | xargs cat | wc -l)
pkgs=$(go list ./... 2>/dev/null | wc -l)
echo "tree: $src ($lines lines of Go, $pkgs packages), $runs runs each, warm"

# Warm the build and list caches.
go vet ./... >/dev/null 2>&1 || true
"$work/syncsweep" ./... >/dev/null 2>&1 || true

# measure NAME CMD...: one run; appends "seconds kilobytes" to NAME's file.
measure() {
	local name=$1
	shift
	/usr/bin/time -f '%e %M' -o "$work/t" "$@" >/dev/null 2>&1 || true
	# time adds a "Command exited with non-zero status" line first.
	tail -n 1 "$work/t" >>"$work/$name"
}
reset() { git checkout -q . && git clean -qfd; }

for i in $(seq "$runs"); do
	measure vet go vet ./...
	measure vetforced go vet "-printf.funcs=benchsweep$RANDOM$i" ./...
	measure report "$work/syncsweep" ./...
	reset
	measure fix "$work/syncsweep" -fix ./...
	reset
done

median() { sort -n | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
vt=$(cut -d' ' -f1 "$work/vetforced" | median)
vm=$(cut -d' ' -f2 "$work/vetforced" | median)
printf '%-28s %10s %10s %10s %10s\n' command "wall (s)" "peak (MB)" "x time" "x memory"
for name in vet vetforced report fix; do
	t=$(cut -d' ' -f1 "$work/$name" | median)
	m=$(cut -d' ' -f2 "$work/$name" | median)
	case $name in
	vet) label="go vet ./... (cached)" ;;
	vetforced) label="go vet ./... (forced)" ;;
	report) label="syncsweep ./..." ;;
	fix) label="syncsweep -fix ./..." ;;
	esac
	awk -v l="$label" -v t="$t" -v m="$m" -v vt="$vt" -v vm="$vm" \
		'BEGIN{printf "%-28s %10.2f %10.0f %10.2f %10.2f\n", l, t, m/1024, t/vt, m/vm}'
done
