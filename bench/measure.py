#!/usr/bin/env python3
"""Runs the benchmark: each tool builds the same generated handbook, taking turns, several times.

Reports median wall time, median CPU time (user + system), peak memory, pages per second and
each tool's wall-time ratio to Playbook's build. Also `playbook check` alone and, when
`playbook serve` is available, the time from saving one page to its new HTML being on disk.
Called by bench/run.sh; needs GNU time at /usr/bin/time.
"""
import argparse
import os
import queue
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "out")
CORPUS = os.path.join(HERE, "corpus")


def timed(cmd):
    """Runs cmd under GNU time; returns (wall s, cpu s, peak MB)."""
    fmt = "%e %U %S %M"
    result = subprocess.run(["/usr/bin/time", "-f", fmt, "-o", os.path.join(OUT, "time.txt")] + cmd,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        sys.exit(f"command failed ({result.returncode}): {' '.join(cmd)}\n{result.stderr[-2000:]}")
    wall, user, system, kb = open(os.path.join(OUT, "time.txt")).read().split()[-4:]
    return float(wall), float(user) + float(system), int(kb) / 1024


def corpus(n):
    path = os.path.join(CORPUS, str(n))
    if not os.path.exists(os.path.join(path + "-hugo", "config.toml")):
        subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), "--pages", str(n), "--seed", "1",
                        "--out", path, "--hugo"], check=True)
    return path


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_latency(playbook, site, runs=5, settle=0.5):
    """Median ms from appending to a page to (a) its output HTML containing the new text and
    (b) serve reporting the rebuild done, the re-check of the handbook included.

    After each save it waits for serve to report the rebuild done, then 0.3 s, as between a
    person's saves (`settle` seconds when no report comes). (b) is read from serve's "rebuilt N files in M ms" line."""
    out = os.path.join(OUT, "serve")
    shutil.rmtree(out, ignore_errors=True)
    port = free_port()
    proc = subprocess.Popen([playbook, "serve", "--source", site, "--port", str(port), "--output", out],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    lines = queue.Queue()

    def pump():
        for line in proc.stdout:
            if re.search(r"\d+ (ms|毫秒)", line):
                lines.put(time.perf_counter())

    threading.Thread(target=pump, daemon=True).start()
    try:
        deadline = time.time() + 600
        while not os.path.exists(os.path.join(out, "index.html")) and time.time() < deadline:
            time.sleep(0.05)
        time.sleep(1.0)
        page = os.path.join(site, "content", "sops")
        first = sorted(os.listdir(page))[0]
        folder = os.path.join(page, first)
        name = sorted(os.listdir(folder))[0]
        source = os.path.join(folder, name)
        html = os.path.join(out, "sops", first, name[:-3], "index.html")
        original = open(source, encoding="utf-8").read()
        on_disk, checked = [], []
        try:
            for i in range(runs):
                while not lines.empty():
                    lines.get()
                marker = f"benchmark-edit-{i}-{time.time_ns()}"
                start = time.perf_counter()
                with open(source, "w", encoding="utf-8") as f:
                    f.write(original + f"\n{marker}\n")
                while time.perf_counter() - start < 10:
                    try:
                        if marker in open(html, encoding="utf-8").read():
                            break
                    except OSError:
                        pass
                    time.sleep(0.001)
                on_disk.append((time.perf_counter() - start) * 1000)
                try:
                    checked.append((lines.get(timeout=60) - start) * 1000)
                    time.sleep(0.3)
                except queue.Empty:
                    time.sleep(settle)
        finally:
            with open(source, "w", encoding="utf-8") as f:
                f.write(original)
        return statistics.median(on_disk), (statistics.median(checked) if checked else float("nan"))
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def targets(summary):
    """The issue's targets against this run: one row per size, then the spread of time per page."""
    def mark(ok):
        return "met" if ok else "not met"

    lines = ["### Targets (ratios of median wall times from this run)", "",
             "| N | build ÷ hugo (≤ 0.2) | build ÷ floor (≤ 1.0) | check ÷ floor (≤ 0.5) | peak memory | "
             "time per page | serve save → HTML, re-check included (≤ 20 ms) |",
             "|---:|---:|---:|---:|---:|---:|---:|"]
    for r in summary:
        limit = 200 if r["n"] <= 10000 else 600 * r["n"] / 50000
        serve = "—" if r["serve_checked"] != r["serve_checked"] else (
            f"{max(r['serve_disk'], r['serve_checked']):.0f} ms {mark(max(r['serve_disk'], r['serve_checked']) <= 20)}")
        lines.append(f"| {r['n']:,} | {r['hugo']:.2f} {mark(r['hugo'] <= 0.2)} | {r['floor']:.2f} {mark(r['floor'] <= 1.0)} "
                     f"| {r['check']:.2f} {mark(r['check'] <= 0.5)} | {r['peak']:.0f} MB (≤ {limit:.0f}) {mark(r['peak'] <= limit)} "
                     f"| {r['per_page']:.2f} ms | {serve} |")
    per_page = [r["per_page"] for r in summary]
    middle = statistics.median(per_page)
    spread = max(abs(p - middle) / middle for p in per_page)
    lines += ["", f"time per page from {summary[0]['n']:,} to {summary[-1]['n']:,} pages: within ±{spread * 100:.0f}% "
              f"of the median {middle:.2f} ms (target ±10%: {mark(spread <= 0.10)})"]
    return lines


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--playbook", required=True)
    ap.add_argument("--floor", required=True)
    ap.add_argument("--sizes", default="1000 10000 50000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--large-runs", type=int, default=1,
                    help="runs for sizes of 50,000 pages and more (each Hugo run takes minutes)")
    ap.add_argument("--smoke", action="store_true")
    args = ap.parse_args()
    if args.smoke:
        args.sizes, args.runs = "50", 1
    playbook = os.path.abspath(args.playbook)
    floor = os.path.abspath(args.floor)
    report = []
    summary = []
    for n in [int(s) for s in args.sizes.split()]:
        site = corpus(n)
        runs = args.runs if n < 50000 or args.smoke else args.large_runs
        tools = {
            "playbook build": lambda o: [playbook, "build", "--source", site, "--output", o, "--quiet"],
            "playbook check": lambda o: [playbook, "check", "--source", site, "--quiet"],
            "hugo": lambda o: ["hugo", "--source", site + "-hugo", "--destination", o, "--quiet"],
            "floor (cmark-gfm only)": lambda o: [floor, os.path.join(site, "content"), o],
        }
        samples = {name: [] for name in tools}
        for _ in range(runs):
            for name, command in tools.items():
                out = os.path.join(OUT, "site-" + name.split()[0])
                shutil.rmtree(out, ignore_errors=True)
                samples[name].append(timed(command(out)))
                if name != "playbook check":
                    pages = sum(1 for _, _, files in os.walk(out) for f in files if f.endswith(".html"))
                    if pages < n:
                        sys.exit(f"{name} wrote {pages} HTML files for {n} pages")
        base = statistics.median(s[0] for s in samples["playbook build"])
        lines = [f"### N = {n:,} pages ({runs} run{'s' if runs > 1 else ''} each, taking turns)", "",
                 "| tool | median wall (s) | median CPU (s) | peak memory (MB) | pages/s | wall ÷ Playbook build |",
                 "|---|---:|---:|---:|---:|---:|"]
        for name, measured in samples.items():
            wall = statistics.median(r[0] for r in measured)
            cpu = statistics.median(r[1] for r in measured)
            peak = max(r[2] for r in measured)
            lines.append(f"| {name} | {wall:.2f} | {cpu:.2f} | {peak:.0f} | {n / max(wall, 0.001):,.0f} | {wall / max(base, 0.001):.2f} |")
        walls = {name: statistics.median(r[0] for r in measured) for name, measured in samples.items()}
        # A smoke run's tiny corpus can finish below the clock's resolution.
        floor_wall = max(walls["floor (cmark-gfm only)"], 0.001)
        peak = max(r[2] for r in samples["playbook build"])
        lines += ["", f"build ÷ hugo: {base / max(walls['hugo'], 0.001):.2f}, build ÷ floor: {base / floor_wall:.2f}, "
                  f"check ÷ floor: {walls['playbook check'] / floor_wall:.2f}; build peak memory {peak:.0f} MB "
                  f"({peak * 1024 / n:.0f} KB per page); build time per page {base * 1000 / n:.2f} ms"]
        row = {"n": n, "hugo": base / max(walls["hugo"], 0.001), "floor": base / floor_wall,
               "check": walls["playbook check"] / floor_wall, "peak": peak, "per_page": base * 1000 / n,
               "serve_disk": float("nan"), "serve_checked": float("nan")}
        if not args.smoke:
            if subprocess.run([playbook, "serve", "--help"], capture_output=True).returncode == 0:
                disk, checked = serve_latency(playbook, site, settle=1.5 * base + 0.5)
                row["serve_disk"], row["serve_checked"] = disk, checked
                lines += ["", f"serve: one-page save → new HTML on disk {disk:.0f} ms, → re-check and rebuild "
                          f"done {checked:.0f} ms (medians of 5)"]
            else:
                lines += ["", "serve: not available"]
        summary.append(row)
        report += lines + [""]
        print("\n".join(lines) + "\n", flush=True)
    if len(summary) > 1 or not args.smoke:
        lines = targets(summary)
        report += lines + [""]
        print("\n".join(lines) + "\n", flush=True)
    with open(os.path.join(OUT, "results.md"), "w") as f:
        f.write("\n".join(report))


if __name__ == "__main__":
    main()
