#!/usr/bin/env python3
"""Time requests on one keep-alive connection to `playbook serve` on 127.0.0.1.

    bench/keepalive.py [--binary .build/release/playbook] [--site .] [--requests 200]

Starts `playbook serve --port 0` on the site, sends GET requests for its home page one after
another on a single HTTP/1.1 connection, and prints the median and mean time from sending a
request to having read its whole response. A server that writes a response in several small
pieces without TCP_NODELAY waits for the client's delayed ACK (about 40 ms on Linux) on each.
"""
import argparse
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time


def read_response(sock, buffered):
    data = buffered
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise SystemExit("connection closed before the headers")
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    match = re.search(rb"(?i)\r\ncontent-length:\s*(\d+)", head)
    if not match:
        raise SystemExit("response without Content-Length:\n" + head.decode(errors="replace"))
    length = int(match.group(1))
    while len(rest) < length:
        chunk = sock.recv(65536)
        if not chunk:
            raise SystemExit("connection closed inside the body")
        rest += chunk
    return head, rest[length:]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/playbook")
    parser.add_argument("--site", default=".")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--path", default="/")
    args = parser.parse_args()

    serve = subprocess.Popen(
        [args.binary, "serve", "--port", "0", "--source", args.site],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        url = None
        deadline = time.time() + 120
        while time.time() < deadline:
            line = serve.stdout.readline()
            if not line:
                break
            found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
            if found:
                url = found
                break
        if not url:
            raise SystemExit("serve did not start")
        port = int(url.group(1))
        sock = socket.create_connection(("127.0.0.1", port))
        request = (f"GET {args.path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                   "Connection: keep-alive\r\n\r\n").encode()
        times = []
        buffered = b""
        for _ in range(args.requests):
            start = time.perf_counter()
            sock.sendall(request)
            head, buffered = read_response(sock, buffered)
            times.append((time.perf_counter() - start) * 1000)
            if not head.startswith(b"HTTP/1.1 200"):
                raise SystemExit("unexpected status: " + head.split(b"\r\n")[0].decode())
        sock.close()
        print(f"{args.requests} requests on one connection: median {statistics.median(times):.2f} ms, "
              f"mean {statistics.mean(times):.2f} ms, max {max(times):.2f} ms")
    finally:
        serve.send_signal(signal.SIGINT)
        try:
            serve.wait(timeout=10)
        except subprocess.TimeoutExpired:
            serve.kill()


if __name__ == "__main__":
    sys.exit(main())
