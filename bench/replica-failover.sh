#!/usr/bin/env bash
# Browser failover between two replicas behind nginx (bench/replica-failover.spec.ts), against a control plane
# of its own and a fresh production build run as the image runs it. FAILOVER_KILLS (20) and FAILOVER_STOPS (5)
# set the counts; other arguments go to `playwright test`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/ensure-node.sh
bash scripts/ensure-system-tools.sh
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
npx playwright test --config bench/playwright.config.ts replica-failover "$@"
