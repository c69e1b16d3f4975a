#!/usr/bin/env bash
# Lays out what the production image holds (see Dockerfile), so tests run the server exactly as the image's
# entrypoint does without an image engine: the standalone output at <root>/app and Node at <root>/bin/node,
# owned by root and readable, not writable, by the image's group. Prints <root>. Run `npm run build` first.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# The image's user and group (Dockerfile's USER, the chart's runAsUser); test/support/image-like-server.ts
# runs the server as them.
image_gid=10001
[ -f .next/standalone/start-server.mjs ] || { echo "[image] no standalone output: run npm run build" >&2; exit 1; }
root="$(mktemp -d "${TMPDIR:-/tmp}/fleetdeck-image.XXXXXX")"
mkdir -p "$root/bin"
cp -a .next/standalone "$root/app"
node="$(command -v node)"
# A hard link costs nothing when the cache and the temp dir share a file system.
ln "$node" "$root/bin/node" 2> /dev/null || cp "$node" "$root/bin/node"
chmod -R u=rwX,g=rX,o= "$root"
chmod -R a-w "$root/app"
if [ "$(id -u)" -eq 0 ]; then chgrp -R "$image_gid" "$root"; fi
echo "$root"
