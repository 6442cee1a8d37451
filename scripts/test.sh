#!/usr/bin/env bash
# Installs what is needed, builds, and runs the whole test suite twice: once on
# the normal build, once on an address + undefined-behaviour sanitizer build
# (clang, which also builds the fuzz targets, run 5 s each in between).
# Set READALOUD_SKIP_SANITIZE=1 to skip the second run while developing.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export CCACHE_BASEDIR="$PWD"
jobs="$(nproc)"

echo "== build (RelWithDebInfo)"
scripts/build.sh -DREADALOUD_TESTS=ON
echo "== tests"
ctest --test-dir build --output-on-failure -j"$jobs"

# One sanitizer tree (clang 14, ASan + UBSan, -O1) serves the fuzz targets and
# the second run of the tests.
if [ "${READALOUD_SKIP_SANITIZE:-0}" != "1" ]; then
  echo "== build (address + undefined sanitizers, clang)"
  scripts/sanitize-build.sh
fi

if [ "${READALOUD_SKIP_FUZZ:-0}" != "1" ]; then
  echo "== fuzz targets (5 s each, address + undefined sanitizers)"
  scripts/fuzz.sh 5
fi

# Tests labelled "external" (readaloud inside a browser or a Slurm cluster)
# and "repeat" (corpora and shard orchestration, whose code paths the other
# tests cover) run in the first pass only (tests/CMakeLists.txt says why).
if [ "${READALOUD_SKIP_SANITIZE:-0}" != "1" ]; then
  echo "== tests under sanitizers"
  ASAN_OPTIONS="detect_leaks=1:abort_on_error=1" \
  UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
  LSAN_OPTIONS="suppressions=$PWD/tests/sanitize/lsan.supp" \
    ctest --test-dir build-sanitize --output-on-failure -j"$jobs" -LE "external|repeat"
fi
