#!/usr/bin/env bash
# A monitoring screen's memory in Chromium over a long run. Arguments go to browser-heap.ts
# (--endpoints 300 --minutes 10 --rate 10).
exec bash "$(dirname "${BASH_SOURCE[0]}")/fresh-build.sh" browser-heap.ts "$@"
