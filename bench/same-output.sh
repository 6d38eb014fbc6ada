#!/usr/bin/env bash
# Byte-for-byte output check for speed work: builds the sample handbook (the repository itself)
# and a generated 1,000-page corpus, and compares every output file with a recorded reference.
#   bench/same-output.sh --record [PLAYBOOK]   record the reference with PLAYBOOK (before a change)
#   bench/same-output.sh [PLAYBOOK]            build again and compare every file with the reference
# PLAYBOOK defaults to .build/release/playbook. The reference lives in bench/out/reference/;
# record it from main's binary, change the code, then compare. Exits 1 on any difference,
# naming the files that differ.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
cd "$root"
record=0
if [[ ${1:-} == --record ]]; then
    record=1
    shift
fi
playbook=$(realpath "${1:-.build/release/playbook}")
reference=bench/out/reference
current=bench/out/same-output
corpus=bench/corpus/1000
[[ -f $corpus/playbook.yml ]] || python3 bench/gen.py --pages 1000 --seed 1 --out "$corpus" --hugo
target=$current
if ((record)); then target=$reference; fi
rm -rf "$target"
mkdir -p "$target"
"$playbook" build --source . --output "$target/sample" --quiet
"$playbook" build --source "$corpus" --output "$target/corpus-1000" --quiet
if ((record)); then
    echo "recorded $(find "$target" -type f | wc -l) files in $target"
    exit 0
fi
[[ -d $reference ]] || {
    echo "no reference in $reference: run bench/same-output.sh --record first" >&2
    exit 2
}
if diff -r -q "$reference" "$current"; then
    echo "same output: $(find "$current" -type f | wc -l) files compared byte for byte"
else
    echo "output differs from the reference (files listed above)" >&2
    exit 1
fi
