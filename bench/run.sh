#!/usr/bin/env bash
# `npm run bench`: every benchmark in turn. Arguments go to the control-plane benchmark (e.g. --cold).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
source ../scripts/ensure-node.sh
for bench in control-plane.sh simulator-scale.sh api-fleet.sh metrics-scrape.sh cloudwatch-reads.sh browser-heap.sh replica-scale.sh replica-failover.sh; do
  echo "### $bench"
  if [ "$bench" = control-plane.sh ]; then bash "$bench" "$@"; else bash "$bench"; fi
done
echo "### stream-cycles-heap.test.ts"
cd .. && FLEETDECK_HARNESS_DIR="$(mktemp -d)" npx vitest run --project bench
