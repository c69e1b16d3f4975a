#!/usr/bin/env bash
# `npm run e2e`: a production build of the dashboard against its own local control plane, driven by
# Playwright in Debian's Chromium. Extra arguments go to `playwright test`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export NEXT_TELEMETRY_DISABLED=1
cache="${FLEETDECK_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/fleetdeck}"
export FLEETDECK_HARNESS_DIR="${FLEETDECK_HARNESS_DIR:-$cache/harness-e2e}"

eval "$(bash harness/harness up)"
if [ "${FLEETDECK_KEEP_HARNESS:-}" != 1 ]; then trap 'bash harness/harness down' EXIT; fi

npx next build
FLEETDECK_E2E_PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
export FLEETDECK_E2E_PORT
npx playwright test "$@"
