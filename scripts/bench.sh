#!/usr/bin/env bash
# Facade vs std benchmarks, compared by benchstat (facade/sync ratio per
# benchmark). Run on a quiet machine: COUNT=20 bash scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/../facade"
BENCHSTAT=golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da
out=$(mktemp)
go test -run='^$' -bench=. -count="${COUNT:-10}" ./... | tee "$out" >/dev/null
# go run pkg@version builds outside this module: go.mod stays as it is.
go run "$BENCHSTAT" -col /impl "$out"
