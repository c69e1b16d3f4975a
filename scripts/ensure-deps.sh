#!/usr/bin/env bash
# Installs the npm dependencies from package-lock.json when they are missing or older than the lock file.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
marker=node_modules/.fleetdeck-lock-sha256
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ "$(cat "$marker" 2>/dev/null)" != "$want" ]; then
  echo "[deps] installing npm dependencies (package-lock.json changed or node_modules is missing)" >&2
  npm ci --no-audit --no-fund
  echo "$want" > "$marker"
fi
