#!/usr/bin/env bash
# Benchmark of the local control plane: build cost, start time and peak memory.
# Start time is reported as a ratio against the baseline measured in the same run: etcd alone, started the
# same way and probed until healthy. With --cold it also builds both binaries from an empty Go module cache,
# build cache and binary cache, and reports cold against warm.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../harness/lib/common.sh"
source "$HARNESS_DIR/lib/processes.sh"

runs=3
scratch="$(mktemp -d)"
trap 'FLEETDECK_HARNESS_DIR="$scratch/state" bash "$HARNESS_DIR/harness" down >/dev/null 2>&1 || true; rm -rf "$scratch"' EXIT

ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

if [ "${1:-}" = --cold ]; then
  echo "== cold build (empty module, build and binary caches)"
  start=$(date +%s%N)
  GOMODCACHE="$scratch/gomod" GOCACHE="$scratch/gocache" FLEETDECK_CACHE_DIR="$scratch/cache" \
    bash "$HARNESS_DIR/build.sh" >/dev/null
  cold_ms=$(ms_since "$start")
  echo "cold build of both binaries: $((cold_ms / 1000)) s"
fi

echo "== warm build (cache hit)"
bash "$HARNESS_DIR/build.sh" >/dev/null
start=$(date +%s%N); binaries="$(bash "$HARNESS_DIR/build.sh")"; warm_ms=$(ms_since "$start")
echo "cache hit: ${warm_ms} ms"
[ -n "${cold_ms:-}" ] && echo "cold / warm: $((cold_ms / (warm_ms > 0 ? warm_ms : 1)))x"
etcd_bin="$(sed -n 2p <<< "$binaries")"

echo "== baseline: etcd alone to healthy ($runs runs)"
baseline=()
for ((i = 0; i < runs; i++)); do
  port="$(free_port)"; peer="$(free_port)"; dir="$scratch/etcd-$i"
  start=$(date +%s%N)
  "$etcd_bin" --data-dir "$dir" --listen-client-urls "http://127.0.0.1:$port" --advertise-client-urls "http://127.0.0.1:$port" \
    --listen-peer-urls "http://127.0.0.1:$peer" --initial-advertise-peer-urls "http://127.0.0.1:$peer" \
    --initial-cluster "default=http://127.0.0.1:$peer" --unsafe-no-fsync --log-level error >/dev/null 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/health"; do sleep 0.05; done
  baseline+=("$(ms_since "$start")")
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
baseline_ms="$(printf '%s\n' "${baseline[@]}" | median)"
echo "etcd alone: median ${baseline_ms} ms"

echo "== harness up: etcd + kube-apiserver + CRDs, RBAC, users ($runs runs)"
up=()
for ((i = 0; i < runs; i++)); do
  start=$(date +%s%N)
  FLEETDECK_HARNESS_DIR="$scratch/state" bash "$HARNESS_DIR/harness" up >/dev/null 2>&1
  up+=("$(ms_since "$start")")
  [ $i -lt $((runs - 1)) ] && FLEETDECK_HARNESS_DIR="$scratch/state" bash "$HARNESS_DIR/harness" down >/dev/null
done
up_ms="$(printf '%s\n' "${up[@]}" | median)"
echo "harness up: median ${up_ms} ms = $(awk -v a="$up_ms" -v b="$baseline_ms" 'BEGIN { printf "%.1f", a / b }')x etcd alone"

echo "== peak memory after 500 Endpoints created and listed"
eval "$(FLEETDECK_HARNESS_DIR="$scratch/state" bash "$HARNESS_DIR/harness" env)"
"$REPO_DIR/node_modules/.bin/tsx" "$REPO_DIR/bench/create-endpoints.ts" 500
hwm() { awk '/VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$(cat "$scratch/state/$1.pid")/status"; }
api_mb="$(hwm kube-apiserver)"; etcd_mb="$(hwm etcd)"
echo "peak RSS: kube-apiserver ${api_mb} MiB, etcd ${etcd_mb} MiB (kube-apiserver = $(awk -v a="$api_mb" -v b="$etcd_mb" 'BEGIN { printf "%.1f", a / b }')x etcd)"
