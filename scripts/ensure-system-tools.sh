#!/usr/bin/env bash
# Checks for the system programs the tests need and installs missing ones from Debian's packages when it can
# (as root with apt-get); otherwise names what is missing and how to get it.
set -euo pipefail
# nginx: the load balancer in front of two replicas (e2e/replicas.spec.ts); the light build has what it needs.
declare -A package_of=([chromium]=chromium [openssl]=openssl [curl]=curl [setsid]=util-linux [prometheus]=prometheus [nginx]=nginx-light)
missing=()
for program in "${!package_of[@]}"; do
  command -v "$program" >/dev/null || missing+=("${package_of[$program]}")
done
command -v go >/dev/null || { echo "[tools] Go 1.26 is required to build the local control plane (https://go.dev/doc/install)" >&2; exit 1; }
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "[tools] installing ${missing[*]} from Debian's packages" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "[tools] missing: ${missing[*]}. Install them (Debian: sudo apt-get install ${missing[*]}) and run again." >&2
  exit 1
fi
