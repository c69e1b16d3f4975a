#!/usr/bin/env bash
# The cost of a /metrics scrape at fleet scale against a /api/healthz request in the same run, on a production
# build of committed code (bench/built-copy.sh). Arguments go to metrics-scrape.ts (--endpoints 5000 --rounds 200).
exec bash "$(dirname "${BASH_SOURCE[0]}")/built-copy.sh" metrics-scrape.ts "$@"
