#!/usr/bin/env bash
# Installs the Debian packages crosscheck builds and tests with, only those missing.
# Called by `make`; safe to run again. Needs root or sudo when something is missing.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config clang libclang-rt-14-dev
  libxml2-dev libicu-dev libre2-dev nlohmann-json3-dev libsqlite3-dev
  libcli11-dev libfmt-dev libgtest-dev libgmock-dev libbenchmark-dev libxxhash-dev
  libcld2-dev zlib1g-dev libdeflate-dev libgoogle-perftools-dev libabsl-dev libsimdjson-dev iso-codes
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
