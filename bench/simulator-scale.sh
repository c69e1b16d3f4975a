#!/usr/bin/env bash
# Runs simulator-scale.ts against a fresh control plane of its own. Arguments go to the TypeScript benchmark
# (--endpoints 5000 --window 60 --concurrency 1).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export FLEETDECK_HARNESS_DIR
FLEETDECK_HARNESS_DIR="$(mktemp -d)"
trap 'bash harness/harness down >/dev/null; rm -rf "$FLEETDECK_HARNESS_DIR"' EXIT
eval "$(bash harness/harness up 2>/dev/null)"
node_modules/.bin/tsx bench/simulator-scale.ts "$@"
