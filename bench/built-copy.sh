#!/usr/bin/env bash
# Runs one benchmark (bench/<script>.ts) against a fresh control plane of its own and a production build of
# committed code (HEAD, or the commit FLEETDECK_BENCH_REF names; `worktree` for the files as they are), built in a
# copy with node_modules hard-linked, so it never replaces a .next someone else is serving from and a shared
# working tree's unfinished file never breaks the build's type check. The build is at FLEETDECK_BENCH_APP.
# Usage: bash bench/built-copy.sh <script>.ts [its arguments]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
script="$1"
shift
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
node_modules/.bin/tsx "bench/$script" "$@"
