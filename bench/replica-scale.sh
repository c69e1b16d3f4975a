#!/usr/bin/env bash
# One replica's cold start to ready and its memory at fleet scale (bench/replica-scale.ts), against a control
# plane of its own and a fresh production build run as the image runs it. Arguments go to replica-scale.ts
# (--endpoints 5000 --starts 3).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/ensure-node.sh
export FLEETDECK_HARNESS_DIR NEXT_TELEMETRY_DISABLED=1 FLEETDECK_IMAGE_ROOT=""
FLEETDECK_HARNESS_DIR="$(mktemp -d)"
cleanup() {
  # The app's copy is read-only, also to its owner.
  if [ -n "$FLEETDECK_IMAGE_ROOT" ]; then chmod -R u+w "$FLEETDECK_IMAGE_ROOT" && rm -rf "$FLEETDECK_IMAGE_ROOT"; fi
  bash harness/harness down > /dev/null
  rm -rf "$FLEETDECK_HARNESS_DIR"
}
trap cleanup EXIT
eval "$(bash harness/harness up 2> /dev/null)"
# Always build: a stale .next would measure yesterday's code.
npm run --silent build > /dev/null
FLEETDECK_IMAGE_ROOT="$(bash scripts/stage-image-root.sh)"
node_modules/.bin/tsx bench/replica-scale.ts "$@"
