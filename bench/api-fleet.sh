#!/usr/bin/env bash
# The server's read path and live stream at fleet scale. Arguments go to api-fleet.ts
# (--endpoints 5000 --streams 100 --cycles 10000).
exec bash "$(dirname "${BASH_SOURCE[0]}")/fresh-build.sh" api-fleet.ts "$@"
