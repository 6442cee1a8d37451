#!/usr/bin/env bash
# Language identification accuracy on the project's own short texts
# (tests/fixtures/languages/{tune,heldout}/<lang>.txt): what `inspect --json`
# reports for each, against the language in the file name. The held-out part
# was never used to tune the identifier.
# Usage: scripts/bench-languages.sh [path/to/readaloud]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-build/readaloud}
for part in tune heldout; do
  right=0 total=0 misses=""
  for f in tests/fixtures/languages/$part/*.txt; do
    want=$(basename "$f" .txt)
    # A language eSpeak NG cannot speak (Galician) is identified, then refused
    # with exit 2 naming it: count the language the refusal names.
    got=$("$BIN" inspect --json "$f" 2>&1 | /usr/bin/python3 -c '
import json, re, sys
text = sys.stdin.read()
m = re.search(r"cannot speak language .([a-zA-Z-]+).", text)
print(m.group(1) if m else json.loads(text[text.index("{"):])["language"])') || true
    total=$((total + 1))
    if [ "${got%%-*}" = "$want" ]; then right=$((right + 1)); else misses="$misses $want->$got"; fi
  done
  awk -v p="$part" -v r="$right" -v t="$total" -v m="$misses" \
    'BEGIN { printf "%-8s %d/%d right (%.1f%%)%s\n", p, r, t, 100 * r / t, (m == "" ? "" : "; wrong:" m) }'
done
