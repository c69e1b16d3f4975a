#!/usr/bin/env bash
# `npm run e2e`: a production build of the dashboard against its own local control plane, driven by
# Playwright in Debian's Chromium. Extra arguments go to `playwright test`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/ensure-node.sh
export NEXT_TELEMETRY_DISABLED=1
cache="${FLEETDECK_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/fleetdeck}"
export FLEETDECK_HARNESS_DIR="${FLEETDECK_HARNESS_DIR:-$cache/harness-e2e}"

eval "$(bash harness/harness up)"
source scripts/cloudwatch-simulator.sh
cloudwatch_simulator_pid=""
cleanup() {
  if [ -n "$cloudwatch_simulator_pid" ]; then kill "$cloudwatch_simulator_pid" 2>/dev/null || true; fi
  # The app's copy is read-only, also to its owner.
  if [ -n "${FLEETDECK_IMAGE_ROOT:-}" ]; then chmod -R u+w "$FLEETDECK_IMAGE_ROOT" && rm -rf "$FLEETDECK_IMAGE_ROOT"; fi
  if [ "${FLEETDECK_KEEP_HARNESS:-}" != 1 ]; then bash harness/harness down; fi
}
trap cleanup EXIT

npm run --silent build
# The suite drives the server as the production image runs it: test/support/image-like-server.ts.
FLEETDECK_IMAGE_ROOT="$(bash scripts/stage-image-root.sh)"
export FLEETDECK_IMAGE_ROOT
# One simulated CloudWatch for the run: the dashboard reads it, and every spec's simulated SageMaker publishes
# its metrics to it and reads its alarms from it (the AWS_* settings it exports reach both).
start_cloudwatch_simulator "$FLEETDECK_HARNESS_DIR/cloudwatch-simulator.log"
FLEETDECK_E2E_PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
export FLEETDECK_E2E_PORT
npx playwright test "$@"
