# Shared settings of the local control plane scripts. Sourced, never run.
# shellcheck shell=bash

KUBERNETES_VERSION="v1.37.2"
ETCD_VERSION="v3.7.3"
# Renders and lints deploy/chart/ in the chart tests; its client libraries are the same v0.37 line.
HELM_VERSION="v4.3.2"

HARNESS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_DIR="$(cd "$HARNESS_DIR/.." && pwd)"
# Binaries live outside the repo so clones share them and nothing built is ever committed.
CACHE_DIR="${FLEETDECK_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/fleetdeck}"
# One running control plane per state dir; tests and the demo may use different ones.
STATE_DIR="${FLEETDECK_HARNESS_DIR:-$CACHE_DIR/harness}"

export GOTOOLCHAIN=local GOWORK=off CGO_ENABLED=0 GOFLAGS=-mod=mod

log() { printf '[harness] %s\n' "$*" >&2; }
die() { printf '[harness] error: %s\n' "$*" >&2; exit 1; }

# Cache key of one wrapper module: its version and the hash of its go.sum, so any dependency change rebuilds.
binary_path() {
  local name="$1" version="$2"
  local sum
  sum="$(sha256sum "$HARNESS_DIR/build/$name/go.sum" | cut -c1-12)"
  printf '%s/bin/%s-%s-%s/%s' "$CACHE_DIR" "$name" "$version" "$sum" "$name"
}
