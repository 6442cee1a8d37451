#!/usr/bin/env bash
# Installs what is needed, builds, and renders the bundled sample article into
# output/, printing the paths it produced. Extra arguments go to `render`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
READALOUD_TARGET=readaloud scripts/build.sh >&2
./build/readaloud render "$@"
