#!/usr/bin/env bash
# Benchmarks readaloud against the plain espeak-ng command line on the same
# text, side by side in one run, and prints each result as a ratio:
#   (a) WAV output            vs  espeak-ng -w                    (target <= 1.25x)
#   (b) MP3 64 kbps mono with chapters and loudness
#                             vs  espeak-ng --stdout | ffmpeg -c:a libmp3lame -b:a 64k   (target <= 0.75x)
#   (c) peak memory at 1x and 10x the sample                      (target 10x <= 1.5 x 1x, < 100 MB)
#   (d) batch throughput of 16 short articles at 1 and 2 jobs      (target >= 1.6x)
# Also runs the Google Benchmark targets (parsers, planner: MB/s).
# Usage: scripts/bench.sh [RUNS]   (best of RUNS timings, default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh -DREADALOUD_BENCHMARKS=ON >/dev/null
exec /usr/bin/python3 tests/bench/bench.py "${1:-3}"
