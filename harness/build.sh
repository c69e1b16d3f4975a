#!/usr/bin/env bash
# Builds kube-apiserver, etcd and helm from the Go module proxy into the cache, unless already there.
# Prints their paths, one a line in that order (`harness up` reads the first two; the chart tests use helm).
# Names as arguments build and print only those: `build.sh helm`. A cache hit does no work at all.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

# A cold build needs the module cache (~2 GiB) and the build cache (~3 GiB) besides the binaries.
MIN_FREE_MB=8192

check_disk() {
  local dir="$1" free_mb
  mkdir -p "$dir"
  free_mb="$(df -Pm "$dir" | awk 'NR==2 {print $4}')"
  if [ "$free_mb" -lt "$MIN_FREE_MB" ]; then
    die "only ${free_mb} MiB free under $dir; building the control plane needs ${MIN_FREE_MB} MiB. Free some space or set FLEETDECK_CACHE_DIR."
  fi
}

build_one() {
  local name="$1" version="$2" package="$3" ldflags="$4"
  local out
  out="$(binary_path "$name" "$version")"
  if [ -x "$out" ]; then
    echo "$out"
    return
  fi
  command -v go >/dev/null || die "go is not installed; the control plane is built from source with Go 1.26"
  check_disk "$CACHE_DIR"
  check_disk "$(go env GOMODCACHE)"
  log "building $name $version (first time only; takes several minutes)"
  local started=$SECONDS tmp="$out.tmp.$$" go_log ticker status=0
  mkdir -p "$(dirname "$out")"
  go_log="$(mktemp)"
  # The ticker writes to stderr only; its stdout must not hold open the pipe of whoever captures our output.
  report_progress "$name" "$go_log" > /dev/null & ticker=$!
  trap 'kill "$ticker" 2>/dev/null' EXIT
  (cd "$HARNESS_DIR/build/$name" && go build -v -trimpath -ldflags "-s -w $ldflags" -o "$tmp" "$package") \
    > "$go_log" 2>&1 || status=$?
  kill "$ticker" 2>/dev/null; wait "$ticker" 2>/dev/null || true
  trap - EXIT
  if [ "$status" -ne 0 ]; then
    tail -n 40 "$go_log" >&2
    rm -f "$tmp" "$go_log"
    die "building $name failed (the go output's last lines are above)"
  fi
  rm -f "$go_log"
  mv "$tmp" "$out"
  log "built $name in $((SECONDS - started)) s"
  echo "$out"
}

# Says every 20 s what the build is at (the go tool's latest line: a module download or a package
# compiled), so a first run that takes minutes never looks hung.
report_progress() {
  local name="$1" go_log="$2" begun=$SECONDS last
  while sleep 20; do
    last="$(tail -n 1 "$go_log" 2>/dev/null)"
    log "building $name: $((SECONDS - begun)) s, $(wc -l < "$go_log") steps so far, now ${last:-starting}"
  done
}

build_named() {
  local minor
  case "$1" in
    kube-apiserver)
      minor="${KUBERNETES_VERSION#v1.}"; minor="${minor%%.*}"
      build_one kube-apiserver "$KUBERNETES_VERSION" k8s.io/kubernetes/cmd/kube-apiserver \
        "-X k8s.io/component-base/version.gitVersion=$KUBERNETES_VERSION -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=$minor -X k8s.io/component-base/version.gitTreeState=clean"
      ;;
    etcd) build_one etcd "$ETCD_VERSION" go.etcd.io/etcd/server/v3 "" ;;
    # Helm's Makefile stamps the version the same way; without it `helm version` says v4.3-unreleased.
    helm)
      build_one helm "$HELM_VERSION" helm.sh/helm/v4/cmd/helm \
        "-X helm.sh/helm/v4/internal/version.version=$HELM_VERSION -X helm.sh/helm/v4/internal/version.metadata= -X helm.sh/helm/v4/internal/version.gitTreeState=clean"
      ;;
    *) die "unknown binary '$1'; this script builds kube-apiserver, etcd and helm" ;;
  esac
}

if [ $# -eq 0 ]; then set -- kube-apiserver etcd helm; fi
for name in "$@"; do build_named "$name"; done
