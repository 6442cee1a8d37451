#!/usr/bin/env bash
# Times the no-change run of `readaloud publish` (issue 17: target under 1 s
# for 100 unchanged articles): generates ARTICLES short articles in a
# temporary folder, publishes them once, then prints the best wall-clock time
# of RUNS publishes in which nothing changed. A benchmark, not a test.
# Usage: scripts/bench-publish.sh [ARTICLES] [RUNS]   (defaults 100 and 3)
# READALOUD_BIN=path/to/readaloud times that binary (default build/readaloud).
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${READALOUD_BIN:-build/readaloud}"
articles="${1:-100}"
runs="${2:-3}"
[ -x "$bin" ] || { echo "bench-publish: $bin not found; build it or set READALOUD_BIN" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/in"
for i in $(seq 1 "$articles"); do
  printf '# Article %s\n\nShort note number %s. Wash your hands before meals.\n' "$i" "$i" \
    > "$work/in/article-$i.md"
done
publish() { "$bin" publish "$work/in" -o "$work/site" --base-url https://example.org/audio "$@"; }
publish -q >/dev/null
best=""
for _ in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  summary=$(publish 2>&1 >/dev/null | tail -n 1)
  t=$(( ($(date +%s%N) - start) / 1000000 ))
  if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
done
case "$summary" in
  *"0 rendered, $articles unchanged"*) ;;
  *) echo "bench-publish: the no-change run rendered something: $summary" >&2; exit 1 ;;
esac
printf 'publish, no change, %s articles: %d.%03d s (best of %s; target < 1 s)\n' \
  "$articles" $((best / 1000)) $((best % 1000)) "$runs"
