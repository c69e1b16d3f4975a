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
  echo "FAILED: ${failed[*]}"
  exit 1
fi
echo "all suites passed"
