# Sourced, from the repository root, by the benchmarks that run the dashboard as the production image runs it
# (replica-scale.sh, replica-failover.sh): brings up a control plane of their own, makes a fresh production build
# and lays out the image root from it, and removes the control plane and the root when the benchmark exits.
export FLEETDECK_HARNESS_DIR NEXT_TELEMETRY_DISABLED=1 FLEETDECK_IMAGE_ROOT=""
FLEETDECK_HARNESS_DIR="$(mktemp -d)"
cleanup() {
  # The app's copy is read-only, also to its owner.
  if [ -n "$FLEETDECK_IMAGE_ROOT" ]; then chmod -R u+w "$FLEETDECK_IMAGE_ROOT" && rm -rf "$FLEETDECK_IMAGE_ROOT"; fi
  bash harness/harness down > /dev/null
  rm -rf "$FLEETDECK_HARNESS_DIR"
}
trap cleanup EXIT
eval "$(bash harness/harness up 2> /dev/null)"
# Always build: a stale .next would measure yesterday's code.
npm run --silent build > /dev/null
FLEETDECK_IMAGE_ROOT="$(bash scripts/stage-image-root.sh)"
