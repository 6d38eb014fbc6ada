#!/usr/bin/env python3
"""The cost of a second script edition (issue 14): builds the generated handbook of N pages
with one edition and with two (zh-Hans at the root, zh-Hant-TW converted by OpenCC under
zh-Hant/), taking turns, and prints median wall time, CPU time and peak memory of each and
the ratios. Usage: bench/editions.py --playbook .build/release/playbook [--pages 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from measure import CORPUS, OUT, corpus, timed  # noqa: E402

EDITIONS = "editions:\n  languages: [zh-Hans, {language: zh-Hant-TW, prefix: zh-Hant}]\n"


def two_editions(site: str) -> str:
    """A copy of `site` whose playbook.yml turns on a Traditional (Taiwan) edition."""
    copy = site + "-editions"
    if not os.path.exists(os.path.join(copy, "playbook.yml")):
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(site, copy, symlinks=False)
        with open(os.path.join(copy, "playbook.yml"), "a") as f:
            f.write(EDITIONS)
    return copy


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--playbook", required=True)
    ap.add_argument("--pages", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    os.makedirs(OUT, exist_ok=True)
    os.makedirs(CORPUS, exist_ok=True)
    one = corpus(args.pages)
    two = two_editions(one)
    results = {"one edition": [], "two editions": []}
    for _ in range(args.runs):
        for name, site in (("one edition", one), ("two editions", two)):
            out = os.path.join(OUT, "editions-site")
            shutil.rmtree(out, ignore_errors=True)
            results[name].append(timed([args.playbook, "build", "--source", site, "--output", out, "-q"]))
    base = [statistics.median(r[i] for r in results["one edition"]) for i in range(3)]
    print(f"N = {args.pages:,}, {args.runs} runs each, medians")
    print("| build | wall | CPU | peak memory | wall ÷ one | memory ÷ one |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, runs in results.items():
        wall, cpu, mem = (statistics.median(r[i] for r in runs) for i in range(3))
        print(f"| {name} | {wall:.2f} s | {cpu:.2f} s | {mem:,.0f} MB | {wall / base[0]:.2f} | {mem / base[2]:.2f} |")


if __name__ == "__main__":
    main()
