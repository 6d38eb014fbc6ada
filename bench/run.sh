#!/usr/bin/env bash
# Benchmarks Playbook against Hugo and the cmark-gfm floor on generated handbooks.
#   bench/run.sh                       both corpora (gen.py, gen_network.py) at N = 1,000, 10,000
#                                      (3 runs each, taking turns) and 50,000 (one run)
#   bench/run.sh --corpus network --sizes "1000" --runs 5
#   bench/run.sh --smoke               both corpora at N = 50, one run each: checks every tool
#                                      produced pages (CI)
# Results: a Markdown table per corpus and N, and issue 23's targets table, on standard output
# and in bench/out/results.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
cd "$root"
scripts/install-deps.sh --bench
swift build -c release --product playbook 2>&1 | tail -1
mkdir -p bench/out
cc -O2 bench/floor/floor.c $(pkg-config --cflags --libs libcmark-gfm) -o bench/out/floor
exec python3 bench/measure.py --playbook .build/release/playbook --floor bench/out/floor "$@"
