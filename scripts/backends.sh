#!/usr/bin/env bash
# Every facade backend in CI: the facade's own suite under each backend's
# build tag, with and without -race, then the example workspace swept onto
# the facade and tested the same way. A tag nobody runs rots (CockroachDB
# had to revive theirs); this keeps each one honest.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd -P)
tags=("" deadlock explore) # "" is the default backend (sync)

step() { printf '\n== %s\n' "$*"; }

for tag in "${tags[@]}"; do
	for race in "" -race; do
		step "facade: go test ${race} -tags '${tag}'"
		(cd "$root/facade" && go test -count=1 $race -tags "$tag" ./...)
	done
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/syncsweep" "$root/cmd/syncsweep"
cp -R "$root/examples" "$work/examples"
cd "$work/examples"
go mod edit -replace "github.com/syncsweep/syncsweep/facade=$root/facade"
step "examples: syncsweep -fix ./..."
"$work/syncsweep" -fix ./...
go mod tidy
for tag in "${tags[@]}"; do
	for race in "" -race; do
		step "swept examples: go test ${race} -tags '${tag}'"
		go test -count=1 $race -tags "$tag" ./...
	done
done
