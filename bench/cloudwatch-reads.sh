#!/usr/bin/env bash
# What Fleetdeck's CloudWatch reads cost at fleet scale, against baselines measured in the same run: calls to
# CloudWatch with 100 viewers of one endpoint vs 1, the metrics route's latency vs a direct GetMetricData, and the
# server's heap with the metrics caches full vs before any read, on a production build of committed code
# (bench/built-copy.sh); the simulated CloudWatch stands in for AWS. Arguments go to cloudwatch-reads.ts
# (--endpoints 5000 --viewers 100 --seconds 75 --poll-ms 10000 --rounds 200 --seed-minutes 15).
exec bash "$(dirname "${BASH_SOURCE[0]}")/built-copy.sh" cloudwatch-reads.ts "$@"
