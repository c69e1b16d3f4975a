# Puts the Node.js version of .nvmrc first on PATH, installing it on first use. Sourced, never run.
# The npm registry ships Node itself (packages node-<os>-<arch>), so a machine whose own Node is older gets
# the pinned one from the registry it already reaches, cached outside the repo and shared by clones.
# shellcheck shell=bash

fleetdeck_ensure_node() {
  local repo want current os arch package cache dir tmp
  repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  want="$(tr -d ' \n' < "$repo/.nvmrc")"
  current="$(node --version 2>/dev/null || true)"
  [ "$current" = "v$want" ] && return 0

  case "$(uname -s)" in Linux) os=linux ;; Darwin) os=darwin ;; *) os="" ;; esac
  case "$(uname -m)" in x86_64 | amd64) arch=x64 ;; aarch64 | arm64) arch=arm64 ;; *) arch="" ;; esac
  if [ -z "$os" ] || [ -z "$arch" ]; then
    echo "[node] no packaged Node for $(uname -s)/$(uname -m); install Node $want yourself (found ${current:-none})" >&2
    return 1
  fi
  package="node-$os-$arch"
  cache="${FLEETDECK_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/fleetdeck}"
  dir="$cache/node/$package-$want"
  if [ ! -x "$dir/node_modules/$package/bin/node" ]; then
    command -v npm > /dev/null || { echo "[node] npm is needed once to install Node $want" >&2; return 1; }
    echo "[node] installing Node $want from the npm registry ($package, about 60 MB; first time only)" >&2
    tmp="$dir.tmp.$$"
    rm -rf "$tmp"
    mkdir -p "$tmp"
    # No scripts: the package is the binary itself. A half-finished install never takes the final name.
    if ! npm install --prefix "$tmp" --no-save --no-audit --no-fund --ignore-scripts --loglevel=error \
      "$package@$want" > /dev/null; then
      rm -rf "$tmp"
      echo "[node] installing $package@$want failed" >&2
      return 1
    fi
    rm -rf "$dir"
    mv "$tmp" "$dir"
  fi
  export PATH="$dir/node_modules/$package/bin:$PATH"
  hash -r
  [ "$(node --version)" = "v$want" ] || { echo "[node] $dir does not hold Node $want" >&2; return 1; }
}

fleetdeck_ensure_node
