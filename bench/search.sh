#!/usr/bin/env bash
# Compares Playbook's search with Pagefind's (see bench/README.md, "Search").
#   bench/search.sh                          the sample, then 1,000, 10,000 and 50,000 pages
#   bench/search.sh --sizes "1000 10000"     other sizes (Pagefind runs on --pagefind-sizes)
#   bench/search.sh --smoke                  the sample only; fails unless Playbook wins (CI)
# Python packages (Selenium, pagefind-bin-extended) go into a virtual environment under
# .build/bench, pinned, from PyPI; Chromium and its driver come from scripts/install-deps.sh --test.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
scripts/install-deps.sh --test
venv=.build/bench/venv
if [[ ! -x $venv/bin/python ]] || ! "$venv/bin/python" -c "import selenium, pagefind_bin_extended" 2>/dev/null; then
  mkdir -p .build/bench
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check "selenium==4.51.0" "pagefind-bin-extended==1.5.2"
fi
pagefind=$("$venv/bin/python" -c "import pagefind_bin_extended, os; print(os.path.join(os.path.dirname(pagefind_bin_extended.__file__), 'pagefind_extended'))")
if [[ " $* " == *" --smoke "* ]]; then
  swift build --product playbook 2>&1 | tail -1
  binary=.build/debug/playbook
else
  swift build -c release --product playbook 2>&1 | tail -1
  binary=.build/release/playbook
fi
exec "$venv/bin/python" bench/search.py --playbook "$binary" --pagefind "$pagefind" "$@"
