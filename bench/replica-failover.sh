#!/usr/bin/env bash
# Browser failover between two replicas behind nginx (bench/replica-failover.spec.ts), against a control plane
# of its own and a fresh production build run as the image runs it. FAILOVER_KILLS (20) and FAILOVER_STOPS (5)
# set the counts; other arguments go to `playwright test`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/ensure-node.sh
bash scripts/ensure-system-tools.sh
source bench/support/image-build.sh
npx playwright test --config bench/playwright.config.ts replica-failover "$@"
