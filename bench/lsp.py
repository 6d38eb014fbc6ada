#!/usr/bin/env python3
"""Times `playbook lsp` from a change to its diagnostics: the server is started on a generated
handbook, a page of about 10 KB is opened, and N one-character edits are sent one at a time;
each is timed from writing its didChange to reading the publishDiagnostics of its version.
Edits are 300 ms apart, so each is checked at once rather than after the debounce window
(a burst of typing is checked once, 150 ms after the previous check).

    python3 bench/lsp.py [--pages 10000] [--edits 50] [--playbook .build/release/playbook]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def corpus(n):
    path = HERE / "corpus" / str(n)
    if not (path / "playbook.yml").exists():
        subprocess.run([sys.executable, str(HERE / "gen.py"), "--pages", str(n), "--seed", "1", "--out", str(path)],
                       check=True)
    return path


class Server:
    def __init__(self, binary, root):
        self.process = subprocess.Popen([binary, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        env=dict(os.environ, PLAYBOOK_CACHE="0"))  # cold: no cache
        self.root = root

    def send(self, message):
        body = json.dumps(message, ensure_ascii=False).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def receive(self):
        length = None
        while True:
            line = self.process.stdout.readline()
            if not line:
                sys.exit("the server closed its output")
            if line == b"\r\n":
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(self.process.stdout.read(length))

    def until(self, test):
        while True:
            message = self.receive()
            if test(message):
                return message


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=10000)
    parser.add_argument("--edits", type=int, default=50)
    parser.add_argument("--size", type=int, default=10 * 1024, help="bytes of the edited page")
    parser.add_argument("--playbook", default=str(HERE.parent / ".build" / "release" / "playbook"))
    args = parser.parse_args()

    root = corpus(args.pages)
    pages = sorted((root / "content").rglob("*.md"), key=lambda p: (abs(p.stat().st_size - args.size), str(p)))
    page = pages[0]
    text = page.read_text(encoding="utf-8")
    # Grown to the size asked for with paragraphs of its own, in the editor only.
    body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
    paragraphs = [p for p in body.split("\n\n") if p and not p.startswith("#")]
    i = 0
    while len(text.encode()) < args.size and paragraphs:
        text += "\n" + paragraphs[i % len(paragraphs)] + "\n"
        i += 1
    uri = page.as_uri()

    server = Server(args.playbook, root)
    started = time.perf_counter()
    server.send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                 "params": {"rootUri": root.as_uri(), "capabilities": {}}})
    server.until(lambda m: m.get("id") == 1)
    loaded = time.perf_counter() - started
    server.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    server.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
        "textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}})
    server.until(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri)

    lines = text.split("\n")
    line = next(i for i in range(len(lines) // 2, len(lines)) if lines[i].strip() and not lines[i].startswith("#"))
    times = []
    for edit in range(args.edits):
        time.sleep(0.3)
        version = edit + 2
        # Inserting, then deleting, one character at the end of a line in the middle of the page.
        character = len(lines[line].encode("utf-16-le")) // 2
        if edit % 2 == 0:
            change = {"range": {"start": {"line": line, "character": character},
                                "end": {"line": line, "character": character}}, "text": "。"}
        else:
            change = {"range": {"start": {"line": line, "character": character},
                                "end": {"line": line, "character": character + 1}}, "text": ""}
        sent = time.perf_counter()
        server.send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}})
        server.until(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                     and m["params"]["uri"] == uri and m["params"].get("version") == version)
        times.append((time.perf_counter() - sent) * 1000)
    server.send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    server.until(lambda m: m.get("id") == 2)
    server.send({"jsonrpc": "2.0", "method": "exit"})
    server.process.wait(timeout=30)

    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
    print(f"handbook: {args.pages} pages ({root}); loaded in {loaded:.2f} s")
    print(f"page: {page.relative_to(root)}, {len(text.encode())} bytes in the editor")
    print(f"didChange → publishDiagnostics over {len(times)} edits: "
          f"median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, max {times[-1]:.1f} ms")


if __name__ == "__main__":
    main()
