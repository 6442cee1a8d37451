#!/usr/bin/env bash
# Configures and builds build-sanitize/: clang 14 with address + undefined
# sanitizers at -O1, the test suite and the libFuzzer targets in one tree, so
# that the sanitizer run of the tests and the fuzz run share one build.
# Usage: scripts/sanitize-build.sh [TARGET...]   (default: everything)
set -euo pipefail
cd "$(dirname "$0")/.."
export CCACHE_BASEDIR="$PWD"
if [ -f build-sanitize/CMakeCache.txt ] && ! grep -q '^CMAKE_CXX_COMPILER:.*clang' build-sanitize/CMakeCache.txt; then
  rm -rf build-sanitize   # an older tree built with another compiler
fi
CC=clang-14 CXX=clang++-14 cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS=-O1 \
  -DREADALOUD_TESTS=ON -DREADALOUD_FUZZ=ON "-DREADALOUD_SANITIZE=address;undefined" >/dev/null
if [ $# -eq 0 ]; then set -- all; fi
for target in "$@"; do
  cmake --build build-sanitize -j"$(nproc)" --target "$target"
done
