#!/usr/bin/env bash
# Facade vs std benchmarks, compared by benchstat (facade vs sync column
# per benchmark). The test binaries run COUNT times in turn, one pass of
# every benchmark each, so slow drift of a shared machine hits both
# columns alike. Run on a quiet machine:
#   COUNT=20 BENCHTIME=1s bash scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/../facade"
BENCHSTAT=golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go test -c -o "$work/facade.test" .
go test -c -o "$work/atomic.test" ./atomic
# The deadlock backend against go-deadlock used directly.
go test -c -tags deadlock -o "$work/deadlock.test" .
for i in $(seq "${COUNT:-10}"); do
	for pkg in facade atomic; do
		"$work/$pkg.test" -test.run='^$' -test.bench=. -test.count=1 \
			-test.benchtime="${BENCHTIME:-500ms}" >>"$work/$pkg.txt"
	done
	"$work/deadlock.test" -test.run='^$' -test.bench=Deadlock -test.count=1 \
		-test.benchtime="${BENCHTIME:-500ms}" >>"$work/deadlock.txt"
done
# go run pkg@version builds outside this module: go.mod stays as it is.
for pkg in facade atomic deadlock; do
	go run "$BENCHSTAT" -col /impl "$work/$pkg.txt"
done
