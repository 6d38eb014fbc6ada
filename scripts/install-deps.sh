#!/usr/bin/env bash
# Installs the Debian packages Playbook needs, only those that are missing.
#   scripts/install-deps.sh          build: libcmark-gfm (+ extensions), OpenCC with its dictionaries
#                                    (script editions, Simplified/Traditional folding) and pkg-config
#   scripts/install-deps.sh --test   also what the tests use: headless Chromium and its WebDriver
#                                    (Tests/Browser), CJK fonts, Python's venv (Tests/Browser and
#                                    Tests/LSPClientTests install from PyPI into one), Neovim (the
#                                    README's configuration is tested in it) and jsonschema (the
#                                    SARIF output is validated with it), and a Java runtime for the
#                                    HTML validator the browser tests run (any `java` on PATH will do),
#                                    and OpenCC's command-line tools (a test reads its dictionaries
#                                    with `opencc_dict`)
#   scripts/install-deps.sh --bench  also what bench/ compares against and profiles with: Hugo, GNU
#                                    time and perf (linux-perf)
# The flags combine: scripts/install-deps.sh --test --bench
set -euo pipefail
packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev libopencc-dev libopencc-data pkg-config)
for flag in "$@"; do
  case "$flag" in
    --test) packages+=(chromium chromium-driver fonts-noto-cjk python3-jsonschema python3-venv neovim opencc) ;;
    --bench) packages+=(hugo time linux-perf) ;;
    *) echo "install-deps.sh: unknown flag $flag (use --test, --bench)" >&2; exit 2 ;;
  esac
done
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
for flag in "$@"; do
  if [[ $flag == --test ]] && ! command -v java >/dev/null 2>&1; then missing+=(default-jre-headless); fi
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
