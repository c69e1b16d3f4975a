#!/usr/bin/env bash
# First-load JS (gzip) of each app page on a production build, failing when the endpoint detail page passes its
# budget (bench/page-weight.mjs). Builds a commit (default HEAD) in a temporary copy, never in the working tree,
# where others' builds and dev servers would collide with it.
# Usage: bash bench/page-weight.sh [commit]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/ensure-node.sh >/dev/null
repo="$PWD"
ref="${1:-HEAD}"
copy="$(mktemp -d "${TMPDIR:-/tmp}/page-weight.XXXXXX")"
trap 'rm -rf "$copy"' EXIT
git archive "$ref" | tar -x -C "$copy"
# Turbopack resolves nothing outside the project's root, so a symlinked node_modules is "not found"; hard links
# (same filesystem) cost no copy of the data. The build writes only under .next.
cp -al "$repo/node_modules" "$copy/node_modules"
(cd "$copy" && NEXT_TELEMETRY_DISABLED=1 node_modules/.bin/next build >"$copy/build.log" 2>&1) || {
  tail -n 40 "$copy/build.log" >&2
  exit 2
}
echo "First-load JS, gzip, of $(git rev-parse --short "$ref"):"
node bench/page-weight.mjs "$copy/.next"
