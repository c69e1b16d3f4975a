#!/usr/bin/env bash
# `npm run bench`: every benchmark in turn. Arguments go to each (e.g. --cold).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
for bench in control-plane.sh; do
  echo "### $bench"
  bash "$bench" "$@"
done
