#!/usr/bin/env bash
# Extraction accuracy: 4-word shingle precision, recall and F1 (per page,
# averaged; F1 from the two means: tests/accuracy/shingles.py) and title
# accuracy of `readaloud extract --to text`, over the project's fixtures:
# HTML pages (tests/fixtures/pages) and whole-page text dumps
# (tests/fixtures/pagetext), the tuned part and the held-out part separately.
# Usage: scripts/bench-extraction.sh [BUILD_DIR] [-v]   (default: build)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-build}"
shift || true
verbose=("$@")
bin="$build/readaloud"
[ -x "$bin" ] || { echo "bench-extraction: $bin not found (build it first)" >&2; exit 1; }
"$bin" --help | grep -q '^ *extract' || { echo "bench-extraction: $bin has no extract command" >&2; exit 1; }

# One row per corpus: the scorer's summary lines folded into columns.
row() {  # NAME SCRIPT FOLDER
  local out
  out="$(/usr/bin/python3 "$here/tests/accuracy/$2" "$bin" "$3" "${verbose[@]}")"
  if [ ${#verbose[@]} -gt 0 ]; then echo "$out" | grep -v -e '^pages' -e '^precision' -e '^median' -e '^title' | sed 's/^/    /' >&2; fi
  echo "$out" | /usr/bin/python3 -c '
import re, sys
text = sys.stdin.read()
num = lambda key: re.search(key + r" ([0-9.]+)", text, re.M).group(1)
pages = re.search(r"pages (\d+) \(failed (\d+)\)", text)
title = re.search(r"title right (\d+)/(\d+) \((\d+)%\)", text)
print("%-24s %5s %6s %6s %6s %6s %6s %6s %7s" % (sys.argv[1], pages.group(1), pages.group(2), num("^precision"),
      num("  recall"), num("F1"), num("median precision"), num("median recall"), title.group(3) + "%"))
' "$1"
}

printf '%-24s %5s %6s %6s %6s %6s %6s %6s %7s\n' corpus pages failed P R F1 medP medR title
row "html tuned" html_pages.py "$here/tests/fixtures/pages"
row "html held-out" html_pages.py "$here/tests/fixtures/pages/heldout"
row "html held-out 2" html_pages.py "$here/tests/fixtures/pages/heldout2"
row "html held-out 3" html_pages.py "$here/tests/fixtures/pages/heldout3"
row "html held-out 4" html_pages.py "$here/tests/fixtures/pages/heldout4"
row "html part 5 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout5"
row "html part 6 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout6"
row "html part 7 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout7"
row "html part 8 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout8"
row "html part 9 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout9"
row "html part 10 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout10"
row "html part 11 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout11"
row "html part 12 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout12"
row "html part 13 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout13"
row "html part 14 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout14"
row "html part 15 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout15"
row "html part 16 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout16"
row "html part 17 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout17"
row "html part 18 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout18"
row "html part 19 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout19"
row "html part 20 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout20"
row "html part 21 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout21"
row "html held-out 22" html_pages.py "$here/tests/fixtures/pages/heldout22"
row "html held-out 23" html_pages.py "$here/tests/fixtures/pages/heldout23"
row "html part 24 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout24"
row "html part 25 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout25"
row "html part 26 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout26"
row "html part 27 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout27"
row "html part 28 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout28"
row "html part 29 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout29"
row "html part 30 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout30"
row "html part 31 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout31"
row "html part 32 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout32"
row "html part 33 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout33"
row "html part 34 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout34"
row "html part 35 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout35"
row "html part 36 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout36"
row "html part 37 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout37"
row "html part 38 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout38"
row "html part 39 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout39"
row "html part 40 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout40"
row "html part 41 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout41"
row "html part 42 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout42"
row "html part 43 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout43"
row "html part 44 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout44"
row "html part 45 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout45"
row "html part 46 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout46"
row "html part 47 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout47"
row "html part 48 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout48"
row "html part 49 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout49"
row "html part 50 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout50"
row "html part 51 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout51"
row "html part 52 (tuned)" html_pages.py "$here/tests/fixtures/pages/heldout52"
row "page text tuned" page_text.py "$here/tests/fixtures/pagetext"
row "page text held-out" page_text.py "$here/tests/fixtures/pagetext/heldout"
row "page text held-out 2" page_text.py "$here/tests/fixtures/pagetext/heldout2"
row "page text held-out 3" page_text.py "$here/tests/fixtures/pagetext/heldout3"
row "page text held-out 4" page_text.py "$here/tests/fixtures/pagetext/heldout4"
row "page text 5 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout5"
row "page text 6 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout6"
row "page text 7 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout7"
row "page text 8 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout8"
row "page text 9 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout9"
row "page text 10 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout10"
row "page text 11 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout11"
row "page text 12 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout12"
row "page text 13 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout13"
row "page text 14 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout14"
row "page text 15 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout15"
row "page text 16 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout16"
row "page text 17 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout17"
row "page text 18 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout18"
row "page text 19 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout19"
row "page text 20 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout20"
row "page text 21 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout21"
row "page text held-out 22" page_text.py "$here/tests/fixtures/pagetext/heldout22"
row "page text held-out 23" page_text.py "$here/tests/fixtures/pagetext/heldout23"
row "page text 24 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout24"
row "page text 25 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout25"
row "page text 26 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout26"
row "page text 27 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout27"
row "page text 28 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout28"
row "page text 29 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout29"
row "page text 30 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout30"
row "page text 31 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout31"
row "page text 32 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout32"
row "page text 33 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout33"
row "page text 34 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout34"
row "page text 35 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout35"
row "page text 36 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout36"
row "page text 37 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout37"
row "page text 38 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout38"
row "page text 39 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout39"
row "page text 40 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout40"
row "page text 41 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout41"
row "page text 42 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout42"
row "page text 43 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout43"
row "page text 44 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout44"
row "page text 45 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout45"
row "page text 46 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout46"
row "page text 47 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout47"
row "page text 48 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout48"
row "page text 49 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout49"
row "page text 50 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout50"
row "page text 51 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout51"
row "page text 52 (tuned)" page_text.py "$here/tests/fixtures/pagetext/heldout52"
