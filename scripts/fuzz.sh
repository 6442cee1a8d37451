#!/usr/bin/env bash
# Builds the libFuzzer targets (clang 14, address + undefined sanitizers, in
# build-sanitize/ beside the sanitizer build of the tests) and
# runs each for SECONDS (default 60), seeded from the test fixtures and the
# regression inputs in tests/fuzz/regressions/. Prints executions per target
# and any crash; exits non-zero if the build failed or a target crashed,
# leaked, hung (one input over 10 s) or ran out of memory.
#
# Runs of 60 s or more grow a corpus kept in build-sanitize/fuzz/corpus/ from run to
# run; shorter runs (the test command's `scripts/fuzz.sh 5`) start from the
# seeds alone, so their time does not grow with that corpus. Targets run
# side by side, one per core.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]   (TARGET: fuzz_html, ...; default all)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
[ $# -gt 0 ] && shift
scripts/setup.sh
export CCACHE_BASEDIR="$PWD"
build_log="$(mktemp)"
if ! scripts/sanitize-build.sh fuzzers >"$build_log" 2>&1; then
  echo "fuzz: build failed:" >&2
  grep -E 'error|Error' "$build_log" | head -20 >&2
  exit 1
fi
rm -f "$build_log"
out=build-sanitize/fuzz
mkdir -p "$out"

seed_for() {
  case "$1" in
    fuzz_markdown) echo "tests/fixtures/markdown tests/fixtures/equivalence" ;;
    fuzz_html) echo "tests/fixtures/html tests/fixtures/equivalence" ;;
    fuzz_json) echo "tests/fixtures/json tests/fixtures/equivalence" ;;
    fuzz_boilerplate) echo "tests/fixtures/plain tests/fixtures/e2e data/sample data/boilerplate.toml" ;;
    *) echo "tests/fixtures/plain tests/fixtures/e2e tests/fixtures/equivalence data/sample" ;;
  esac
}

# Runs one target; its one-line verdict goes to $out/<name>.result.
run_target() {
  local name="$1" bin="build-sanitize/tests/fuzz/$1" corpus log="$out/$1.log" result="$out/$1.result"
  if [ "$seconds" -ge 60 ]; then
    corpus="$out/corpus/$name"
  else
    corpus="$out/quick/$name"
    rm -rf "$corpus"
  fi
  mkdir -p "$corpus" "$out/crashes/$name"
  # Seeds keep their folder in the name, so sunburn.md and sunburn.html do not collide.
  local src f
  for src in $(seed_for "$name") "tests/fuzz/regressions/$name"; do
    [ -e "$src" ] || continue
    while IFS= read -r -d '' f; do
      cp "$f" "$corpus/seed-$(echo "$f" | tr '/' '_')"
    done < <(find "$src" -type f -size -512k -print0)
  done
  if "$bin" "$corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
       -artifact_prefix="$out/crashes/$name/" -print_final_stats=1 >"$log" 2>&1; then
    local execs
    execs="$(grep -m1 'stat::number_of_executed_units' "$log" | awk '{print $2}')"
    echo "$name: ok, ${execs:-?} executions in ${seconds}s" >"$result"
  else
    {
      echo "$name: CRASH (log $log; artifacts in $out/crashes/$name/)"
      grep -E 'ERROR|SUMMARY|Test unit written' "$log" | head -5 | sed 's/^/    /'
      echo "    once fixed, keep the input as tests/fuzz/regressions/$name/<what-it-is>"
    } >"$result"
  fi
}

if [ $# -gt 0 ]; then targets=("$@"); else
  targets=()
  for bin in build-sanitize/tests/fuzz/fuzz_*; do [ -x "$bin" ] && targets+=("$(basename "$bin")"); done
fi

jobs="$(nproc)"
for name in "${targets[@]}"; do
  [ -x "build-sanitize/tests/fuzz/$name" ] || { echo "fuzz: no target $name" >&2; exit 2; }
  rm -f "$out/$name.result"
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
  run_target "$name" &
done
wait

failed=0
for name in "${targets[@]}"; do
  cat "$out/$name.result"
  grep -q ': ok,' "$out/$name.result" || failed=1
done
exit "$failed"
