#!/usr/bin/env bash
# Installs everything readaloud needs to build, run and test on Debian 12.
# Safe to run again: it installs only what is missing.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config ccache
  libespeak-ng-dev espeak-ng-data espeak-ng
  libsndfile1-dev libtag1-dev libebur128-dev libsoxr-dev libmp3lame-dev
  libmd4c-dev libgumbo-dev libcld2-dev libutf8proc-dev libpcre2-dev
  libavformat-dev libavcodec-dev libavutil-dev libswresample-dev
  libflac-dev libogg-dev libopus-dev libvorbis-dev flac opus-tools vorbis-tools
  libcli11-dev nlohmann-json3-dev libtomlplusplus-dev libpugixml-dev
  googletest libgtest-dev libgmock-dev libbenchmark-dev
  clang-14 libclang-rt-14-dev
  ffmpeg sox python3 python3-mutagen
  libssl-dev python3-feedparser nodejs
  libzip-dev epubcheck jing libxml2-utils
  slurm-wlm munge
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "setup: installing ${missing[*]}" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
