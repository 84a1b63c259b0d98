#!/usr/bin/env bash
# Installs the Debian packages evgraph needs to build and test.
# Idempotent: a quiet no-op when everything is already present.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libboost-dev libboost-graph-dev libboost-date-time-dev
  libgraphviz-dev libyaml-cpp-dev doctest-dev libcli11-dev libfmt-dev
  nlohmann-json3-dev libsimdjson-dev libre2-dev libpcre2-dev libhyperscan-dev libutf8proc-dev libtbb-dev
  python3 python3-yaml
)
# Extra groups, asked for by name: `install-deps.sh fuzz browser`.
for group in "$@"; do
  case "$group" in
    fuzz) packages+=(clang libclang-rt-dev) ;;
    browser) packages+=(chromium) ;;
    bench) packages+=(valgrind linux-perf) ;;
    *) echo "install-deps.sh: unknown group '$group'" >&2; exit 2 ;;
  esac
  # Node from elsewhere (e.g. NodeSource) conflicts with Debian's npm: use it when present.
  if [[ "$group" == browser || "$group" == bench ]] && ! command -v npm >/dev/null 2>&1; then
    packages+=(nodejs npm)
  fi
done

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
# A fresh machine has no package lists yet; refresh them at most once an hour.
if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mmin -60 2>/dev/null | head -1)" ]; then
  $sudo apt-get update -qq >&2
fi
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
