#!/usr/bin/env bash
# Installs the Debian packages Playbook needs, only those that are missing.
#   scripts/install-deps.sh          build: libcmark-gfm (+ extensions) and pkg-config
#   scripts/install-deps.sh --test   also what the tests use: headless Chromium and CJK fonts
set -euo pipefail
packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(chromium fonts-noto-cjk)
fi
if [[ "${1:-}" == "--bench" ]]; then
  packages+=(hugo time)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then exit 0; fi
echo "Installing: ${missing[*]}"
if [[ $(id -u) -ne 0 ]]; then
  SUDO=sudo
else
  SUDO=
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
