#!/usr/bin/env bash
# End-to-end tests of `playbook lsp` driven by a real LSP client: pytest-lsp, in a virtual
# environment under .build/lsp with the pinned versions of Tests/LSPClientTests/requirements.txt.
#   scripts/test-lsp.sh              build the binary, run every client test
#   scripts/test-lsp.sh -k hover     extra arguments go to pytest
# Exit status: 0 when every test passed; 1 when any failed or none ran.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
SWIFT=${SWIFT:-swift}
requirements=Tests/LSPClientTests/requirements.txt
venv=.build/lsp/venv

$SWIFT build --product playbook
binary="$($SWIFT build --product playbook --show-bin-path)/playbook"

# The environment is made again whenever the pinned versions change.
if ! cmp -s "$requirements" "$venv/requirements.txt" 2>/dev/null; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements"
  cp "$requirements" "$venv/requirements.txt"
fi

set +e
PLAYBOOK_BIN="$binary" "$venv/bin/python" -m pytest -q -p no:cacheprovider Tests/LSPClientTests "$@"
status=$?
set -e
case $status in
  0) ;;
  5) echo "test-lsp.sh: pytest collected no tests" >&2; exit 1 ;;
  *) echo "test-lsp.sh: pytest exited with status $status" >&2; exit 1 ;;
esac
