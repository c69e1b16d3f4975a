#!/usr/bin/env bash
# `npm test`: installs what it needs, then runs lint, typecheck, unit, integration and end-to-end tests.
# Every suite runs even when an earlier one fails, so one run shows every failure; the exit code is 1 if any
# failed.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/ensure-node.sh || exit 1
bash scripts/ensure-deps.sh || exit 1
bash scripts/ensure-system-tools.sh || exit 1
export NEXT_TELEMETRY_DISABLED=1
# Each suite's failure digest adds one line per failed test here (test/support/failure-digest.ts); it is printed
# last, so the end of the log names every failed test even when later suites printed much more.
FLEETDECK_FAILURE_RECAP=$(mktemp -t fleetdeck-failures.XXXXXX)
export FLEETDECK_FAILURE_RECAP
trap 'rm -f "$FLEETDECK_FAILURE_RECAP"' EXIT

failed=()
for suite in lint typecheck test:unit test:int e2e; do
  echo "=== npm run $suite"
  started=$SECONDS
  if npm run --silent "$suite"; then
    echo "=== $suite passed in $((SECONDS - started)) s"
  else
    echo "=== $suite FAILED after $((SECONDS - started)) s"
    failed+=("$suite")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  if [ -s "$FLEETDECK_FAILURE_RECAP" ]; then
    echo "=== what failed, by suite"
    cat "$FLEETDECK_FAILURE_RECAP"
  fi
  echo "FAILED: ${failed[*]}"
  exit 1
fi
echo "all suites passed"
