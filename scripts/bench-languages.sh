#!/usr/bin/env bash
# Language identification accuracy on the project's own short texts: what
# `inspect --json` reports for each, against the language in the file name.
#   tests/fixtures/languages/{tune,heldout}/<lang>.txt          one text per language
#   tests/fixtures/languages/pairs/{tune,heldout}/<lang>-N.txt  easily confused languages,
#     the same health topics written in each language of a pair
# The held-out parts were never used to tune the identifier. Prints each
# part's accuracy, the pairs' accuracy pair by pair, and every miss.
# Usage: scripts/bench-languages.sh [path/to/readaloud or build folder]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-build/readaloud}
[ -d "$BIN" ] && BIN=$BIN/readaloud
exec /usr/bin/python3 - "$BIN" <<'EOF'
import concurrent.futures, glob, json, os, subprocess, sys

BIN = sys.argv[1]
ROOT = "tests/fixtures/languages"
# Groups of languages that identifiers confuse; a text counts in every group
# its language is in.
PAIRS = ["es pt gl", "es it", "nl de", "da nb sv", "cs sk", "ru uk", "zh ja", "id ms"]


def identify(path):
    p = subprocess.run([BIN, "inspect", "--json", path], capture_output=True, text=True)
    if p.returncode != 0:
        return "exit %d" % p.returncode
    return json.loads(p.stdout)["language"].split("-")[0]


def expected(path):
    return os.path.basename(path)[:-4].split("-")[0]


def line(name, results):
    right = sum(1 for f, got in results if got == expected(f))
    misses = ["%s->%s" % (os.path.basename(f)[:-4], got) for f, got in results if got != expected(f)]
    print("%-22s %3d/%-3d right (%5.1f%%)%s" % (name, right, len(results), 100.0 * right / max(1, len(results)),
                                               "; wrong: " + " ".join(misses) if misses else ""))


with concurrent.futures.ThreadPoolExecutor(2) as pool:
    for part in ("tune", "heldout"):
        singles = sorted(glob.glob(os.path.join(ROOT, part, "*.txt")))
        pairs = sorted(glob.glob(os.path.join(ROOT, "pairs", part, "*.txt")))
        got = list(pool.map(identify, singles + pairs))
        single_results = list(zip(singles, got[:len(singles)]))
        pair_results = list(zip(pairs, got[len(singles):]))
        line(part, single_results)
        line(part + " pairs", pair_results)
        for group in PAIRS:
            langs = group.split()
            line("  " + "/".join(langs), [(f, g) for f, g in pair_results if expected(f) in langs])
EOF
