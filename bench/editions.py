#!/usr/bin/env python3
"""The cost of a second script edition (issue 14) and of the domain phrase dictionary it reads
(issue 21): builds the generated handbook of N pages with one edition, with two (zh-Hans at the
root, zh-Hant-TW converted by OpenCC under zh-Hant/), and with two but `domainPhrases: false`
(OpenCC's general phrases alone), taking turns, and prints median wall time, CPU time and peak
memory of each, the ratios, and the dictionary's share of the second edition's time:
(two − two without the dictionary) ÷ (two − one), in wall and in CPU time, from the medians and
from the best run of each (the best is steadier on a machine other builds share). It also prints
the median `convert` stage times (`PLAYBOOK_TIMINGS=1`) of the two-edition builds.
Usage: bench/editions.py --playbook .build/release/playbook [--pages 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from measure import CORPUS, OUT, corpus, timed  # noqa: E402

EDITIONS = "editions:\n  languages: [zh-Hans, {language: zh-Hant-TW, prefix: zh-Hant}]\n"
WITHOUT_DICTIONARY = EDITIONS + "  domainPhrases: false\n"


def with_config(site: str, suffix: str, text: str) -> str:
    """A copy of `site` whose playbook.yml ends with `text`."""
    copy = site + suffix
    if not os.path.exists(os.path.join(copy, "playbook.yml")):
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(site, copy, symlinks=False)
        with open(os.path.join(copy, "playbook.yml"), "a") as f:
            f.write(text)
    return copy


def convert_ms(playbook: str, site: str, out: str) -> float:
    """The build's `convert …` stage times, summed, in milliseconds."""
    shutil.rmtree(out, ignore_errors=True)
    result = subprocess.run([playbook, "build", "--source", site, "--output", out, "-q"],
                            env=dict(os.environ, PLAYBOOK_TIMINGS="1"), capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"build failed: {result.stderr[-2000:]}")
    return sum(float(m) for m in re.findall(r"^convert [^:]*: (\d+) ms", result.stderr, re.M))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--playbook", required=True)
    ap.add_argument("--pages", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    os.makedirs(OUT, exist_ok=True)
    os.makedirs(CORPUS, exist_ok=True)
    one = corpus(args.pages)
    sites = {
        "one edition": one,
        "two editions": with_config(one, "-editions", EDITIONS),
        "two, no dictionary": with_config(one, "-editions-plain", WITHOUT_DICTIONARY),
    }
    results = {name: [] for name in sites}
    converts = {"two editions": [], "two, no dictionary": []}
    out = os.path.join(OUT, "editions-site")
    for _ in range(args.runs):
        for name, site in sites.items():
            shutil.rmtree(out, ignore_errors=True)
            results[name].append(timed([args.playbook, "build", "--source", site, "--output", out, "-q"]))
        for name in converts:
            converts[name].append(convert_ms(args.playbook, sites[name], out))
    medians = {name: [statistics.median(r[i] for r in runs) for i in range(3)] for name, runs in results.items()}
    base = medians["one edition"]
    print(f"N = {args.pages:,}, {args.runs} runs each, medians")
    print("| build | wall | CPU | peak memory | wall ÷ one | memory ÷ one | convert stages |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, (wall, cpu, mem) in medians.items():
        stage = f"{statistics.median(converts[name]):,.0f} ms" if name in converts else "—"
        print(f"| {name} | {wall:.2f} s | {cpu:.2f} s | {mem:,.0f} MB | {wall / base[0]:.2f} "
              f"| {mem / base[2]:.2f} | {stage} |")
    best = {name: [min(r[i] for r in runs) for i in range(3)] for name, runs in results.items()}
    for label, figures in (("medians", medians), ("best runs", best)):
        one_, two, plain = figures["one edition"], figures["two editions"], figures["two, no dictionary"]
        for i, what in ((0, "wall"), (1, "CPU")):
            edition = two[i] - one_[i]
            dictionary = two[i] - plain[i]
            print(f"{label}: the dictionary's share of the second edition's {what} time: "
                  f"{dictionary:+.2f} s of {edition:.2f} s = {100 * dictionary / edition:+.1f}%")

if __name__ == "__main__":
    main()
