#!/usr/bin/env bash
# Builds the libFuzzer targets (clang 14, address + undefined sanitizers) and
# runs each for SECONDS (default 60), seeded from the test fixtures and the
# regression inputs in tests/fuzz/regressions/. Prints executions per target
# and any crash; exits non-zero if a target crashed.
# Usage: scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
scripts/setup.sh
export CCACHE_BASEDIR="$PWD"
CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=Debug -DREADALOUD_TESTS=OFF \
  -DREADALOUD_FUZZ=ON "-DREADALOUD_SANITIZE=address;undefined" >/dev/null
cmake --build build-fuzz -j"$(nproc)" >/dev/null

seed_for() {
  case "$1" in
    fuzz_markdown) echo "tests/fixtures/markdown tests/fixtures/equivalence" ;;
    fuzz_html) echo "tests/fixtures/html tests/fixtures/equivalence" ;;
    fuzz_json) echo "tests/fixtures/json tests/fixtures/equivalence" ;;
    *) echo "tests/fixtures/plain tests/fixtures/e2e tests/fixtures/equivalence data/sample" ;;
  esac
}

failed=0
for bin in build-fuzz/tests/fuzz/fuzz_*; do
  [ -x "$bin" ] || continue
  name="$(basename "$bin")"
  corpus="build-fuzz/corpus/$name"
  mkdir -p "$corpus" "build-fuzz/crashes/$name"
  for dir in $(seed_for "$name") "tests/fuzz/regressions/$name"; do
    [ -d "$dir" ] && find "$dir" -type f -size -512k -exec cp {} "$corpus/" \; 2>/dev/null || true
  done
  log="build-fuzz/$name.log"
  if "$bin" "$corpus" -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=2048 \
       -artifact_prefix="build-fuzz/crashes/$name/" -print_final_stats=1 >"$log" 2>&1; then
    execs="$(grep -m1 'stat::number_of_executed_units' "$log" | awk '{print $2}')"
    echo "$name: ok, ${execs:-?} executions in ${seconds}s"
  else
    failed=1
    echo "$name: CRASH (artifacts in build-fuzz/crashes/$name/)"
    grep -E 'ERROR|SUMMARY|Test unit written' "$log" | head -5 | sed 's/^/    /'
  fi
done
exit "$failed"
