#!/usr/bin/env bash
# The GoKer kernels under the facade's deadlock detector and under
# go-deadlock used directly, ten runs each (CI runs three): prints the
# table of flagged runs per kernel. Usage: scripts/goker-detectors.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
GOKER_DETECTOR_RUNS="${1:-10}" go test -count=1 -run '^TestGoKerDetectors$' -v ./internal/goker | sed -n '/flagged runs per kernel/,/^--- /p'
