#!/usr/bin/env bash
# One replica's cold start to ready and its memory at fleet scale (bench/replica-scale.ts), against a control
# plane of its own and a fresh production build run as the image runs it. Arguments go to replica-scale.ts
# (--endpoints 5000 --starts 3).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/ensure-node.sh
source bench/support/image-build.sh
node_modules/.bin/tsx bench/replica-scale.ts "$@"
