#!/usr/bin/env bash
# Runs a command where a pod's files are at a pod's paths: in a mount namespace of its own (nothing outside
# it sees the mounts), /run (so /var/run) is an empty tmpfs holding only the tree of $FLEETDECK_POD_RUN, as
# the kubelet lays out the ServiceAccount token and mounted Secrets under /var/run/secrets. Then, as root,
# it becomes the image's user ($FLEETDECK_POD_UID) and runs the command with exactly the environment given
# in $FLEETDECK_POD_ENV (a file of NAME=value lines), as a container gets its env and nothing else.
# Started through `unshare --mount` (as root) or `unshare --mount --map-root-user` (otherwise).
set -euo pipefail
mount --make-rprivate /
mount -t tmpfs -o mode=0755 tmpfs /run
cp -a "$FLEETDECK_POD_RUN/." /run/
cd "$FLEETDECK_POD_WORKDIR"
mapfile -t environment < "$FLEETDECK_POD_ENV"
# Set only when the runner is really root: under --map-root-user no other user exists to become.
if [ -n "${FLEETDECK_POD_UID:-}" ]; then
  exec setpriv --reuid="$FLEETDECK_POD_UID" --regid="$FLEETDECK_POD_UID" --clear-groups env -i "${environment[@]}" "$@"
fi
exec env -i "${environment[@]}" "$@"
