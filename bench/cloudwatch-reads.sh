#!/usr/bin/env bash
# What Fleetdeck's CloudWatch reads cost at fleet scale, against baselines measured in the same run: calls to
# CloudWatch with 100 viewers of one endpoint vs 1, the metrics route's latency vs a direct GetMetricData, and the
# server's heap with the metrics caches full vs before any read. A production build of committed code (HEAD, or the
# commit FLEETDECK_BENCH_REF names; `worktree` for the files as they are), built in a copy (node_modules
# hard-linked) so it never replaces a .next someone else is serving from; the simulated CloudWatch stands in for
# AWS. Arguments go to cloudwatch-reads.ts (--endpoints 5000 --viewers 100 --seconds 75 --poll-ms 10000
# --rounds 200 --seed-minutes 15).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export FLEETDECK_HARNESS_DIR NEXT_TELEMETRY_DISABLED=1 FLEETDECK_BENCH_APP
FLEETDECK_HARNESS_DIR="$(mktemp -d)"
FLEETDECK_BENCH_APP="$(mktemp -d)"
trap 'bash harness/harness down >/dev/null; rm -rf "$FLEETDECK_HARNESS_DIR" "$FLEETDECK_BENCH_APP"' EXIT
eval "$(bash harness/harness up 2>/dev/null)"
if [ "${FLEETDECK_BENCH_REF:-HEAD}" = worktree ]; then
  git ls-files -z --cached --others --exclude-standard | tar --null --ignore-failed-read -T - -c 2>/dev/null | tar -x -C "$FLEETDECK_BENCH_APP"
else
  git archive "${FLEETDECK_BENCH_REF:-HEAD}" | tar -x -C "$FLEETDECK_BENCH_APP"
fi
cp -al node_modules "$FLEETDECK_BENCH_APP/node_modules" 2>/dev/null || cp -a node_modules "$FLEETDECK_BENCH_APP/node_modules"
(cd "$FLEETDECK_BENCH_APP" && node_modules/.bin/next build >/dev/null)
node_modules/.bin/tsx bench/cloudwatch-reads.ts "$@"
