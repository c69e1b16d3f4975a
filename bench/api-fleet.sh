#!/usr/bin/env bash
# Runs api-fleet.ts against a fresh control plane of its own and a production build. Arguments go to it
# (--endpoints 5000 --streams 100 --cycles 10000).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export FLEETDECK_HARNESS_DIR NEXT_TELEMETRY_DISABLED=1
FLEETDECK_HARNESS_DIR="$(mktemp -d)"
trap 'bash harness/harness down >/dev/null; rm -rf "$FLEETDECK_HARNESS_DIR"' EXIT
eval "$(bash harness/harness up 2>/dev/null)"
# Always build: a stale .next would measure yesterday's code.
node_modules/.bin/next build >/dev/null
node_modules/.bin/tsx bench/api-fleet.ts "$@"
