#!/usr/bin/env bash
# `npm run demo`: the dashboard on the local control plane with a demo fleet, or on the cluster of
# $KUBECONFIG when it is set. Ctrl-C stops everything this script started.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/ensure-node.sh
bash scripts/ensure-deps.sh
export NEXT_TELEMETRY_DISABLED=1
port="${PORT:-3000}"
host="${HOST:-127.0.0.1}"

pids=()
stop_harness=0
cleanup() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ "$stop_harness" = 1 ]; then bash harness/harness down; fi
}
trap cleanup INT TERM EXIT

if [ -n "${KUBECONFIG:-}" ]; then
  echo "[demo] using the cluster of KUBECONFIG=$KUBECONFIG, acting as its user (loopback only)"
  server_kubeconfig="$KUBECONFIG"
  export FLEETDECK_AUTH_MODE=kubeconfig
else
  bash scripts/ensure-system-tools.sh
  bash harness/harness env >/dev/null 2>&1 || stop_harness=1
  eval "$(bash harness/harness up)"
  admin="$FLEETDECK_HARNESS_KUBECONFIGS/admin.kubeconfig"
  KUBECONFIG="$admin" node_modules/.bin/tsx harness/install-demo-fleet.ts
  # The simulated CloudWatch: the simulated SageMaker publishes the fleet's metrics to it every 10 s and reads
  # its alarms from it; the dashboard reads both. The AWS_* settings it exports point both at it.
  source scripts/cloudwatch-simulator.sh
  start_cloudwatch_simulator "$FLEETDECK_HARNESS_STATE/cloudwatch-simulator.log"
  pids+=("$cloudwatch_simulator_pid")
  export FLEETDECK_CLOUDWATCH_VERDICT_PERIOD_SECONDS=10
  # The simulated SageMaker controller gives the fleet its status; the scenario keeps it moving.
  SIM_METRIC_PERIOD_SECONDS=10 SIM_ALARM_POLL_SECONDS=2 SIM_KUBECONFIG="$FLEETDECK_HARNESS_KUBECONFIGS/sagemaker-simulator.kubeconfig" \
    SIM_TIME_SCALE="${FLEETDECK_DEMO_TIME_SCALE:-0.05}" SIM_STATE_FILE="$FLEETDECK_HARNESS_STATE/sagemaker-simulator.json" \
    node_modules/.bin/tsx simulator/main.ts &
  pids+=($!)
  KUBECONFIG="$admin" node_modules/.bin/tsx harness/demo-scenario.ts &
  pids+=($!)
  server_kubeconfig="$FLEETDECK_HARNESS_KUBECONFIGS/fleetdeck-server.kubeconfig"
  # The sign-in page offers the harness's demo users (admin, ml-eng, oncall) besides pasting a token.
  export FLEETDECK_DEMO_KUBECONFIGS="$FLEETDECK_HARNESS_KUBECONFIGS"
  # Every page says this is a demo (not on $KUBECONFIG's cluster, which is real).
  export FLEETDECK_DEMO=1
  echo "[demo] local control plane at $FLEETDECK_APISERVER_URL; test users' kubeconfigs in $FLEETDECK_HARNESS_KUBECONFIGS"
fi

# The dashboard answers to the loopback names and the one it is served on.
case "$host" in
  0.0.0.0 | :: | "[::]") default_hosts="localhost,127.0.0.1,[::1]" ;;
  *:*) default_hosts="localhost,127.0.0.1,[::1],[${host#[}" && default_hosts="${default_hosts%]}]" ;;
  *) default_hosts="localhost,127.0.0.1,[::1],$host" ;;
esac
export FLEETDECK_ALLOWED_HOSTS="${FLEETDECK_ALLOWED_HOSTS:-$default_hosts}"

npm run --silent build
KUBECONFIG="$server_kubeconfig" node .next/standalone/start-server.mjs -H "$host" -p "$port" &
dashboard=$!
pids+=("$dashboard")
# Probe over loopback with an allowed Host, whatever address it listens on (0.0.0.0 and :: include loopback).
case "$host" in
  0.0.0.0) probe_host=127.0.0.1 ;;
  :: | "[::]") probe_host="[::1]" ;;
  *:*) probe_host="[${host#[}" && probe_host="${probe_host%]}]" ;;
  *) probe_host="$host" ;;
esac
deadline=$((SECONDS + 120))
until curl -fs -o /dev/null -H "Host: localhost:$port" "http://$probe_host:$port/api/healthz"; do
  kill -0 "$dashboard" 2>/dev/null || { echo "[demo] the dashboard exited during start" >&2; exit 1; }
  ((SECONDS < deadline)) || { echo "[demo] the dashboard did not answer on $probe_host:$port in 120 s" >&2; exit 1; }
  sleep 0.5
done
echo "[demo] Fleetdeck is running at http://$host:$port/ (Ctrl-C stops it)"
wait "$dashboard"
