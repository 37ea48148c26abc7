#!/usr/bin/env bash
# The whole test suite: both modules (the tool at the root, the facade in
# facade/, which is a module of its own), plus gofmt, go vet and
# staticcheck. CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

STATICCHECK=honnef.co/go/tools/cmd/staticcheck@v0.8.2

step() { printf '\n== %s\n' "$*"; }

step "gofmt"
# testdata holds files that are broken on purpose: they are not ours to
# format. Every other file must parse (gofmt's own error fails the step)
# and be formatted.
files=$( (git ls-files '*.go' 2>/dev/null || find . -name '*.go') | grep -v '/testdata/' | grep -v '^testdata/')
if ! unformatted=$(gofmt -l $files); then
	echo "gofmt failed (a file that does not parse?)"
	exit 1
fi
if [ -n "$unformatted" ]; then
	printf 'gofmt would change:\n%s\n' "$unformatted"
	exit 1
fi

for mod in . facade; do
	step "go vet ($mod)"
	(cd "$mod" && go vet ./...)
	step "staticcheck ($mod)"
	# go run pkg@version builds in its own module: neither go.mod changes.
	(cd "$mod" && go run "$STATICCHECK" ./...)
done
for tag in deadlock explore; do
	step "go vet, staticcheck (facade, -tags $tag)"
	(cd facade && go vet -tags "$tag" ./... && go run "$STATICCHECK" -tags "$tag" ./...)
done

step "go test (facade module)"
(cd facade && go test -count=1 ./...)

step "go test (root module)"
go test -count=1 ./...

# The compile check type-checks packages in parallel, sharing their
# types: its tests again under the race detector (about 20 s).
step "go test -race (the driver's compile check)"
go test -race -count=1 -run 'TestCheck|TestUniverse|TestTainted' ./driver

# Every facade backend, with and without -race, and the swept examples
# under each (about 70 s warm).
step "facade backends (scripts/backends.sh)"
bash scripts/backends.sh

# The golangci-lint v2 plugin, end to end: build golangci-lint with it from
# the module proxy (as golangci-lint custom would) and run it on a copy of
# examples/, report then --fix. About 20 s warm, 2 min cold.
step "golangci-lint plugin (scripts/golangci.sh)"
bash scripts/golangci.sh
