#!/usr/bin/env bash
# Installs what is missing (utils/setup.sh), configures build/ once, builds.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/utils/setup.sh"
if [[ ! -f "$root/build/build.ninja" ]]; then
  cmake -G Ninja -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=Release
fi
ninja -C "$root/build"
