#!/usr/bin/env bash
# Recall and precision of warning detection on the labelled corpus
# (tests/fixtures/warnings, docs/warnings.md), by kind, for the tuning and the
# three held-out parts separately, at each --warnings level.
# Usage: scripts/bench-warnings.sh [BUILD_DIR] [LEVEL...]   (default: build, all levels)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-build}"
shift || true
levels=("$@")
[ ${#levels[@]} -eq 0 ] && levels=(balanced high-recall high-precision)
bin="$build/readaloud"
[ -x "$bin" ] || { echo "bench-warnings: $bin not found (build it first)" >&2; exit 1; }
for level in "${levels[@]}"; do
  /usr/bin/python3 "$here/tests/fixtures/warnings/score.py" --bin "$bin" --warnings "$level" \
    "$here/tests/fixtures/warnings/tuning" "$here/tests/fixtures/warnings/heldout" \
    "$here/tests/fixtures/warnings/heldout2" "$here/tests/fixtures/warnings/heldout3"
  echo
done
