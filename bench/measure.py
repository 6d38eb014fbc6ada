#!/usr/bin/env python3
"""Runs the benchmark: each tool builds the same generated handbooks, taking turns, several times.

For each corpus (gen.py's, gen_network.py's or both) and size: median wall time, median CPU time
(user + system), peak memory, pages per second and each tool's wall-time ratio to Playbook's
build; `playbook check` alone; a warm build after one page's body changed; serve (first page,
one edit of each kind to its HTML and to the re-check, peak memory, Ctrl-C); lsp (`initialize`,
peak memory); then issue 23's targets table, met or not met. Called by bench/run.sh; needs GNU
time at /usr/bin/time.
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
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "out")
CORPUS = os.path.join(HERE, "corpus")


# Cold runs start from nothing: Playbook's cache (.playbook/cache/ in the site) is not read or
# written. Only the warm build, and the warm check beside it, use it.
COLD = dict(os.environ, PLAYBOOK_CACHE="0")


def timed(cmd, warm=False):
    """Runs cmd under GNU time; returns (wall s, cpu s, peak MB). Cold (no cache) unless warm."""
    fmt = "%e %U %S %M"
    result = subprocess.run(["/usr/bin/time", "-f", fmt, "-o", os.path.join(OUT, "time.txt")] + cmd,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env=os.environ if warm else COLD)
    if result.returncode != 0:
        sys.exit(f"command failed ({result.returncode}): {' '.join(cmd)}\n{result.stderr[-2000:]}")
    wall, user, system, kb = open(os.path.join(OUT, "time.txt")).read().split()[-4:]
    return float(wall), float(user) + float(system), int(kb) / 1024


def corpus(n, kind="standard"):
    """The generated handbook of n pages (and its Hugo copy), made once and kept in bench/corpus/."""
    path = os.path.join(CORPUS, str(n) if kind == "standard" else f"{kind}-{n}")
    script = "gen.py" if kind == "standard" else "gen_network.py"
    if not os.path.exists(os.path.join(path + "-hugo", "config.toml")):
        subprocess.run([sys.executable, os.path.join(HERE, script), "--pages", str(n), "--seed", "1",
                        "--out", path, "--hugo"], check=True)
    return path


def peak_mb(pid):
    """The process's peak resident memory so far (VmHWM), in MB; nan when it is gone."""
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def edited_page(site):
    """The page every edit goes to: the first charter (or, without groups, the first SOP) in path order."""
    content = os.path.join(site, "content")
    for top in ["groups", "sops"]:
        for folder, dirs, files in sorted(os.walk(os.path.join(content, top))):
            dirs.sort()
            for name in sorted(files):
                if name.endswith(".md") and (top == "sops" or name == "index.md"):
                    source = os.path.join(folder, name)
                    rel = os.path.relpath(source, content)[:-3]
                    rel = rel[: -len("/index")] if rel.endswith("/index") else rel
                    return source, os.path.join(rel, "index.html")
    sys.exit(f"no page to edit in {site}")


def edit(text, how, marker):
    """The page's text with one edit of a kind: body, title, front matter (a description) or tag."""
    head, sep, body = text[4:].partition("\n---\n")
    lines = head.split("\n")
    if how == "body":
        return text + f"\n{marker}\n"
    if how == "title":
        lines = [f'title: "{marker}"' if l.startswith("title:") else l for l in lines]
    elif how == "front matter":
        lines = [l for l in lines if not l.startswith("description:")] + [f'description: "{marker}"']
    elif how == "tag":
        tags = [l for l in lines if l.startswith("tags:")]
        if tags:
            lines = [l.replace("tags: [", f"tags: [{marker}, ", 1) if l.startswith("tags:") else l for l in lines]
        else:
            lines.append(f"tags: [{marker}]")
    return "---\n" + "\n".join(lines) + sep + body


warm_check = []


def warm_build(playbook, site, runs):
    """Median wall seconds of a second `playbook build` into the same output after one page's body changed."""
    out = os.path.join(OUT, "warm")
    shutil.rmtree(out, ignore_errors=True)
    source, _ = edited_page(site)
    original = open(source, encoding="utf-8").read()
    times = []
    try:
        shutil.rmtree(os.path.join(site, ".playbook", "cache"), ignore_errors=True)
        timed([playbook, "build", "--source", site, "--output", out, "--quiet"], warm=True)
        for i in range(runs):
            with open(source, "w", encoding="utf-8") as f:
                f.write(edit(original, "body", f"warm-edit-{i}"))
            times.append(timed([playbook, "build", "--source", site, "--output", out, "--quiet"], warm=True)[0])
        # A check after the same kind of edit, from the cache the builds left.
        with open(source, "w", encoding="utf-8") as f:
            f.write(edit(original, "body", "warm-check"))
        warm_check.append(timed([playbook, "check", "--source", site, "--quiet"], warm=True)[0])
    finally:
        with open(source, "w", encoding="utf-8") as f:
            f.write(original)
    return statistics.median(times)


def lsp_session(playbook, site):
    """(ms until `initialize` is answered, peak MB once a page is open and checked)."""
    sys.path.insert(0, HERE)
    from lsp import Server
    from pathlib import Path

    root = Path(site).resolve()
    source, _ = edited_page(site)
    server = Server(playbook, root)
    started = time.perf_counter()
    server.send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                 "params": {"rootUri": root.as_uri(), "capabilities": {}}})
    server.until(lambda m: m.get("id") == 1)
    initialize = (time.perf_counter() - started) * 1000
    server.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    uri = Path(source).resolve().as_uri()
    server.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
        "textDocument": {"uri": uri, "languageId": "markdown", "version": 1,
                         "text": open(source, encoding="utf-8").read()}}})
    server.until(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri)
    time.sleep(1.0)
    peak = peak_mb(server.process.pid)
    server.send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    server.until(lambda m: m.get("id") == 2)
    server.send({"jsonrpc": "2.0", "method": "exit"})
    try:
        server.process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.process.kill()
    return initialize, peak


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_session(playbook, site, settle=0.5):
    """Serve on the handbook: ms from start to the first page answered; for one edit of each kind
    (body, title, front matter, tag) ms from the save to the page's HTML holding it and to serve
    reporting the rebuild done (its "N ms" line, the re-check included); peak MB; ms from Ctrl-C
    to exit. After each save it waits for the report, then restores the page and waits again."""
    out = os.path.join(OUT, "serve")
    shutil.rmtree(out, ignore_errors=True)
    port = free_port()
    started = time.perf_counter()
    proc = subprocess.Popen([playbook, "serve", "--source", site, "--port", str(port), "--output", out],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=COLD)
    lines = queue.Queue()

    def pump():
        for line in proc.stdout:
            if re.search(r"\d+ (ms|毫秒)", line):
                lines.put(time.perf_counter())

    threading.Thread(target=pump, daemon=True).start()
    result = {"answer": float("nan"), "first": float("nan"), "edits": {}, "peak": float("nan"),
              "stop": float("nan")}
    source, html_rel = edited_page(site)
    html = os.path.join(out, html_rel)
    original = open(source, encoding="utf-8").read()
    try:
        deadline = time.time() + 900
        # Serve answers at once with a "building" page (503) until the first build is published,
        # then with the pages (200): the first answer of any kind, then the first page.
        while time.time() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    if result["answer"] != result["answer"]:
                        result["answer"] = (time.perf_counter() - started) * 1000
                    if response.status == 200:
                        break
            except urllib.error.HTTPError as error:
                if result["answer"] != result["answer"]:
                    result["answer"] = (time.perf_counter() - started) * 1000
                error.close()
                time.sleep(0.02)
            except (OSError, urllib.error.URLError):
                time.sleep(0.02)
        result["first"] = (time.perf_counter() - started) * 1000
        # The first build is published once the pages answer: its files are on disk.
        while not os.path.exists(html) and time.time() < deadline:
            time.sleep(0.05)
        time.sleep(1.0)

        def save(text, marker):
            while not lines.empty():
                lines.get()
            start = time.perf_counter()
            with open(source, "w", encoding="utf-8") as f:
                f.write(text)
            on_disk = float("nan")
            while marker and time.perf_counter() - start < 120:
                try:
                    if marker in open(html, encoding="utf-8").read():
                        on_disk = (time.perf_counter() - start) * 1000
                        break
                except OSError:
                    pass
                time.sleep(0.001)
            try:
                checked = (lines.get(timeout=120) - start) * 1000
                time.sleep(0.3)
            except queue.Empty:
                checked = float("nan")
                time.sleep(settle)
            return on_disk, checked

        try:
            for i, how in enumerate(["body", "title", "front matter", "tag"]):
                marker = f"benchedit{i}x{time.time_ns()}"
                result["edits"][how] = save(edit(original, how, marker), marker)
                save(original, None)
        finally:
            with open(source, "w", encoding="utf-8") as f:
                f.write(original)
        result["peak"] = peak_mb(proc.pid)
        return result
    finally:
        stopping = time.perf_counter()
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=90)
            result["stop"] = (time.perf_counter() - stopping) * 1000
        except subprocess.TimeoutExpired:
            proc.kill()


def mark(ok):
    return "met" if ok else "not met"


def fmt(value, unit="", digits=2):
    return "—" if value != value else f"{value:.{digits}f}{unit}"


def targets(r):
    """Issue 23's targets table for one corpus and size. Memory limits are the issue's at
    10,000 pages, scaled with the page count above it."""
    n = r["n"]
    scale = max(1.0, n / 10000)
    rows = [
        ("cold `build` ÷ Hugo (same pages)", fmt(r["hugo"]), "≤ 0.5 (aim 0.2)", r["hugo"] <= 0.5),
        ("cold `build` ÷ one-thread floor", fmt(r["floor"]), "≤ 2 (aim 1)", r["floor"] <= 2),
        ("`check` ÷ floor", fmt(r["check"]), "≤ 0.5", r["check"] <= 0.5),
        ("peak memory, `build`", fmt(r["peak"], " MB", 0), f"≤ {250 * scale:.0f} MB", r["peak"] <= 250 * scale),
        ("peak memory, `check`", fmt(r["check_peak"], " MB", 0), f"≤ {200 * scale:.0f} MB",
         r["check_peak"] <= 200 * scale),
    ]
    if r.get("warm") is not None:
        ratio = r["warm"] / r["cold"]
        rows.append(("warm `build`, one page's body edited", f"{r['warm']:.2f} s, {ratio:.2f}× cold", "≤ 1 s and ≤ 0.1×",
                     r["warm"] <= 1 and ratio <= 0.1))
    serve = r.get("serve")
    if serve:
        rows.append(("serve: first answer after start (the building page)", fmt(serve["answer"], " ms", 0),
                     "immediately (≤ 1,000 ms)", serve["answer"] <= 1000))
        for how, (disk, checked) in serve["edits"].items():
            rows.append((f"serve: {how} edit → its HTML on disk", fmt(disk, " ms", 0), "≤ 300 ms", disk <= 300))
            rows.append((f"serve: {how} edit → re-check done", fmt(checked, " ms", 0), "≤ 1,000 ms", checked <= 1000))
        rows.append(("serve: Ctrl-C → exit", fmt(serve["stop"], " ms", 0), "≤ 1,000 ms", serve["stop"] <= 1000))
        ratio = serve["peak"] / r["peak"]
        rows.append(("serve peak memory ÷ `build`'s", f"{fmt(ratio)} ({fmt(serve['peak'], ' MB', 0)})", "≤ 1.5",
                     ratio <= 1.5))
    lsp = r.get("lsp")
    if lsp:
        initialize, peak = lsp
        ratio = peak / r["check_peak"]
        rows.append(("lsp peak memory ÷ `check`'s", f"{fmt(ratio)} ({fmt(peak, ' MB', 0)})", "≤ 1.5", ratio <= 1.5))
        rows.append(("lsp `initialize` answered", fmt(initialize, " ms", 0), "≤ 200 ms", initialize <= 200))
    lines = [f"#### Targets, {r['corpus']} corpus, N = {n:,} pages", "", "| target (issue 23) | measured | target | |",
             "|---|---:|---:|---|"]
    lines += [f"| {name} | {value} | {limit} | {mark(ok)} |" for name, value, limit, ok in rows]
    met = sum(1 for row in rows if row[3])
    lines += ["", f"{met} of {len(rows)} met"]
    return lines


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--playbook", required=True)
    ap.add_argument("--floor", required=True)
    ap.add_argument("--sizes", default="1000 10000 50000")
    ap.add_argument("--corpus", choices=["standard", "network", "both"], default="both",
                    help="gen.py's handbook, gen_network.py's, or both")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--large-runs", type=int, default=1,
                    help="runs for sizes of 50,000 pages and more (each Hugo run takes minutes)")
    ap.add_argument("--no-serve", action="store_true", help="skip serve and lsp")
    ap.add_argument("--smoke", action="store_true")
    args = ap.parse_args()
    if args.smoke:
        args.sizes, args.runs = "50", 1
    playbook = os.path.abspath(args.playbook)
    floor = os.path.abspath(args.floor)
    report = []
    kinds = ["standard", "network"] if args.corpus == "both" else [args.corpus]
    for kind in kinds:
        for n in [int(s) for s in args.sizes.split()]:
            site = corpus(n, kind)
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
                    if name == "playbook build":
                        files = sum(len(f) for _, _, f in os.walk(out))
                        folders = sum(len(d) for _, d, _ in os.walk(out))
                        search = sum(len(f) for _, _, f in os.walk(os.path.join(out, "search")))
                    if name != "playbook check":
                        pages = sum(1 for _, _, files in os.walk(out) for f in files if f.endswith(".html"))
                        if pages < n:
                            sys.exit(f"{name} wrote {pages} HTML files for {n} pages")
            base = statistics.median(s[0] for s in samples["playbook build"])
            lines = [f"### {kind} corpus, N = {n:,} pages ({runs} run{'s' if runs > 1 else ''} each, taking turns)", "",
                     "| tool | median wall (s) | median CPU (s) | peak memory (MB) | pages/s | wall ÷ Playbook build |",
                     "|---|---:|---:|---:|---:|---:|"]
            for name, measured in samples.items():
                wall = statistics.median(r[0] for r in measured)
                cpu = statistics.median(r[1] for r in measured)
                peak = max(r[2] for r in measured)
                lines.append(f"| {name} | {wall:.2f} | {cpu:.2f} | {peak:.0f} | {n / max(wall, 0.001):,.0f} | "
                             f"{wall / max(base, 0.001):.2f} |")
            walls = {name: statistics.median(r[0] for r in measured) for name, measured in samples.items()}
            # A smoke run's tiny corpus can finish below the clock's resolution.
            floor_wall = max(walls["floor (cmark-gfm only)"], 0.001)
            peak = max(r[2] for r in samples["playbook build"])
            lines += ["", f"build ÷ hugo: {base / max(walls['hugo'], 0.001):.2f}, build ÷ floor: {base / floor_wall:.2f}, "
                      f"check ÷ floor: {walls['playbook check'] / floor_wall:.2f}; build peak memory {peak:.0f} MB "
                      f"({peak * 1024 / n:.0f} KB per page); build time per page {base * 1000 / n:.2f} ms; "
                      f"output {files:,} files ({search:,} under search/) in {folders:,} folders"]
            row = {"corpus": kind, "n": n, "hugo": base / max(walls["hugo"], 0.001), "floor": base / floor_wall,
                   "check": walls["playbook check"] / floor_wall, "peak": peak, "cold": max(base, 0.001),
                   "check_peak": max(r[2] for r in samples["playbook check"])}
            row["warm"] = warm_build(playbook, site, 1 if n >= 50000 else min(runs, 3))
            lines += ["", f"warm build (one page's body edited, same output, from the cache): {row['warm']:.2f} s",
                      f"warm check (one page's body edited, from the cache): {warm_check[-1]:.2f} s"]
            if not args.smoke and not args.no_serve:
                serve = serve_session(playbook, site, settle=1.5 * base + 0.5)
                row["serve"] = serve
                edits = "; ".join(f"{how} {fmt(d, ' ms', 0)} / {fmt(c, ' ms', 0)}" for how, (d, c) in serve["edits"].items())
                lines += ["", f"serve: first answer {fmt(serve['answer'], ' ms', 0)}, first page {fmt(serve['first'], ' ms', 0)}; edit → HTML on disk / re-check done: "
                          f"{edits}; peak {fmt(serve['peak'], ' MB', 0)}; Ctrl-C → exit {fmt(serve['stop'], ' ms', 0)}"]
                row["lsp"] = lsp_session(playbook, site)
                lines += ["", f"lsp: initialize answered in {row['lsp'][0]:.0f} ms; peak {fmt(row['lsp'][1], ' MB', 0)} "
                          f"with one page open"]
            lines += [""] + targets(row)
            report += lines + [""]
            print("\n".join(lines) + "\n", flush=True)
    with open(os.path.join(OUT, "results.md"), "w") as f:
        f.write("\n".join(report))


if __name__ == "__main__":
    main()
