#!/usr/bin/env bash
# Recall and precision of warning detection on the labelled corpus
# (tests/fixtures/warnings, docs/warnings.md), by kind, at each --warnings
# level: first the parts the cues were tuned on and the model was trained on,
# then heldout5 to heldout8 (never trained on; the model's bars were chosen
# on them, and the last three taught the cues a little), then heldout13 and
# heldout14, the parts nothing was ever tuned or trained on (the honest
# figure for text the project has not seen). heldout9 to heldout12 were
# blind until the model was trained on them.
# Usage: scripts/bench-warnings.sh [BUILD_DIR] [LEVEL...]   (default: build, all levels)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-build}"
shift || true
levels=("$@")
[ ${#levels[@]} -eq 0 ] && levels=(balanced high-recall high-precision)
bin="$build/readaloud"
[ -x "$bin" ] || { echo "bench-warnings: $bin not found (build it first)" >&2; exit 1; }
corpus="$here/tests/fixtures/warnings"
parts=(tuning heldout heldout2 heldout3 heldout4 train6 train7 train8 train9 train10 train11 train12 train13 train14 train15
       train16 train17 train18 heldout9 heldout10 heldout11 heldout12 heldout5 heldout6 heldout7 heldout8 heldout13 heldout14)
for level in "${levels[@]}"; do
  /usr/bin/python3 "$corpus/score.py" --bin "$bin" --warnings "$level" "${parts[@]/#/$corpus/}"
  echo
done
