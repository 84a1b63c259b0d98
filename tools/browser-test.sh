#!/usr/bin/env bash
# Runs tests/browser/timeline_page.test.mjs against a built evgraph in headless
# Chromium (Debian's package), with playwright-core from npm installed into the
# build directory so the source tree stays clean.
#
#   tools/browser-test.sh BUILD_DIR
#
# Exit 0 on success, 1 on a failed check; prints SKIP and exits 0 when
# Chromium cannot be installed or launched (e.g. no display libraries).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
build="$(cd "${1:?usage: browser-test.sh BUILD_DIR}" && pwd)"
work="$build/browser"

if ! "$repo/tools/install-deps.sh" browser; then
  echo "SKIP browser test: could not install chromium/nodejs" >&2
  exit 0
fi
mkdir -p "$work"
cp "$repo/tests/browser/package.json" "$repo/tests/browser/timeline_page.test.mjs" "$work/"
if [ -f "$repo/tests/browser/package-lock.json" ]; then
  cp "$repo/tests/browser/package-lock.json" "$work/"
fi
# Playwright's own browser download is not needed: we drive /usr/bin/chromium.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -d "$work/node_modules/playwright-core" ]; then
  (cd "$work" && npm install --no-audit --no-fund --loglevel=error)
fi

status=0
node "$work/timeline_page.test.mjs" "$build/evgraph" "$repo" "$work/out" || status=$?
if [ "$status" -eq 77 ]; then
  echo "SKIP browser test: Chromium could not start" >&2
  exit 0
fi
exit "$status"
