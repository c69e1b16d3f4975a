#!/usr/bin/env bash
# Runs one benchmark (bench/<script>.ts) against a fresh control plane of its own and a fresh production build.
# Usage: bash bench/fresh-build.sh <script>.ts [its arguments]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
script="$1"
shift
export FLEETDECK_HARNESS_DIR NEXT_TELEMETRY_DISABLED=1
FLEETDECK_HARNESS_DIR="$(mktemp -d)"
trap 'bash harness/harness down >/dev/null; rm -rf "$FLEETDECK_HARNESS_DIR"' EXIT
eval "$(bash harness/harness up 2>/dev/null)"
# Always build: a stale .next would measure yesterday's code.
node_modules/.bin/next build >/dev/null
node_modules/.bin/tsx "bench/$script" "$@"
