#!/usr/bin/env bash
# Browser test of the player pages: installs what it needs (Debian's chromium,
# npm if missing, puppeteer-core and axe-core into tests/browser/node_modules),
# publishes a small site with READALOUD_BIN, and runs the Node test on it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="${READALOUD_BIN:?set READALOUD_BIN to the readaloud executable}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v npm >/dev/null || need+=(npm)
command -v node >/dev/null || need+=(nodejs)
if [ ${#need[@]} -gt 0 ]; then
  echo "browser test: installing ${need[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi
if [ ! -d "$here/node_modules/puppeteer-core" ] || [ ! -d "$here/node_modules/axe-core" ]; then
  (cd "$here" && npm install --no-audit --no-fund --loglevel=error >&2)
fi
site="$(mktemp -d /tmp/readaloud-browser-XXXXXX)"
trap 'rm -rf "$site"' EXIT
"$bin" publish "$here/../fixtures/publish/articles" "$here/../fixtures/publish/hostile" -o "$site/site" \
  --base-url https://audio.example.org/health --jobs 2 --progress none >/dev/null
SITE="$site/site" CHROMIUM="$(command -v chromium)" node --test "$here/player.test.mjs"
