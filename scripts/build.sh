#!/usr/bin/env bash
# Configures and builds readaloud in build/ (Release with debug info).
# Usage: scripts/build.sh [extra cmake -D options]
# READALOUD_TARGET=readaloud builds only the program (and its M4B module).
set -euo pipefail
cd "$(dirname "$0")/.."
export CCACHE_BASEDIR="$PWD"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build build -j"$(nproc)" --target "${READALOUD_TARGET:-all}"
