#!/usr/bin/env bash
# The explore backend's cost against its floor, in one run: one goroutine
# hand-off (BenchmarkHandoffFloor), one scheduling step under each
# strategy (BenchmarkExploreStep), one schedule of a GoKer-sized program
# (BenchmarkExploreSchedule). Medians by benchstat. Run on a quiet machine:
#   COUNT=10 bash scripts/bench-explore.sh
set -euo pipefail
cd "$(dirname "$0")/../facade"
BENCHSTAT=golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go test -c -tags explore -o "$work/stress.test" ./stress
"$work/stress.test" -test.run='^$' -test.bench='Handoff|Explore' -test.count="${COUNT:-5}" \
	-test.benchtime="${BENCHTIME:-1s}" >"$work/explore.txt"
# go run pkg@version builds outside this module: go.mod stays as it is.
go run "$BENCHSTAT" "$work/explore.txt"
