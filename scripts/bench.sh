#!/usr/bin/env bash
# Benchmarks readaloud against what a user would script with the plain tools,
# side by side in one run (ours and theirs alternating), and prints each
# result as a ratio, on the shared real-world sample (../shared/samples, when
# present) and on a held-out article (tests/fixtures/bench):
#   WAV                          vs  espeak-ng -w                              (target <= 1.0x)
#   MP3, M4B (AAC), Opus 64 kbps, Ogg Vorbis, FLAC, with chapters and loudness
#                                vs  espeak-ng --stdout | ffmpeg, same codec, bitrate, rate  (target <= 0.5x)
#   DAISY and EPUB books         vs  our MP3 render of the same article       (target <= 1.2x)
#   a 20x longer article         vs  the 1x article: time (<= 21x) and peak memory (< 100 MB)
#   batch throughput of 16 short articles at 2 jobs vs 1 job                  (target >= 1.6x)
# Also runs the Google Benchmark targets (parsers, planner: MB/s) and tests/bench/scaling.py.
# Usage: scripts/bench.sh [RUNS]   (best of RUNS timings, default 3)
# READALOUD_BIN=path/to/readaloud benchmarks that binary instead of building build/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
if [ -z "${READALOUD_BIN:-}" ]; then
  scripts/build.sh -DREADALOUD_BENCHMARKS=ON >/dev/null
fi
# Wall-clock scaling (40 MB inspect, a 4 MB single line), moved out of the tests.
READALOUD_BIN="${READALOUD_BIN:-build/readaloud}" /usr/bin/python3 tests/bench/scaling.py
exec /usr/bin/python3 tests/bench/bench.py "${1:-3}"
