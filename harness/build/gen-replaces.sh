#!/usr/bin/env bash
# Prints the replace block that pins every staging module of k8s.io/kubernetes to its published twin.
# k8s.io/kubernetes requires its staging modules at v0.0.0 and replaces them with ./staging paths, which
# only work inside its own repository; outside it each must point at the published v0.X.Y instead.
# Usage: gen-replaces.sh v1.37.2
set -euo pipefail
k8s_version="${1:?usage: gen-replaces.sh <k8s.io/kubernetes version, e.g. v1.37.2>}"
staging_version="v0.${k8s_version#v1.}"
# Run outside any module so a half-written go.mod in the caller's directory does not interfere.
cd "$(mktemp -d)"
gomod="$(GOFLAGS=-mod=mod GOTOOLCHAIN=local GOWORK=off go mod download -json "k8s.io/kubernetes@${k8s_version}" \
  | sed -n 's/^[[:space:]]*"GoMod": "\(.*\)",$/\1/p')"
[ -f "$gomod" ] || { echo "gen-replaces: could not download the go.mod of k8s.io/kubernetes@${k8s_version}" >&2; exit 1; }
echo "replace ("
awk -v v="$staging_version" '$2 == "=>" && $3 ~ /^\.\/staging\/src\// { printf "\t%s => %s %s\n", $1, $1, v }' "$gomod"
echo ")"
