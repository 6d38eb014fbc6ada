"""Fixtures for Playbook's browser tests: what a person sees, in a real headless Chromium.

Every test here drives Chromium through Selenium (Debian's chromium + chromium-driver) against
a site built by the real `playbook` binary and served from 127.0.0.1, or opened from disk.

Fixtures
- `playbook`: path of the binary under test ($PLAYBOOK_BIN, else .build/debug/playbook).
- `build_site(source, *args)`: runs `playbook build --source SOURCE --output TMP ARGS…` and
  returns the output folder; fails the test with the command's output when it exits non-zero.
- `make_site(files)`: writes a site from a {relative path: text} mapping into a temporary
  folder and returns its path.
- `sample_site`: the repository's sample handbook (content/), built once per session.
- `serve(folder)`: serves a folder on 127.0.0.1 (an ephemeral port) and returns its base URL
  (ending in /); every request it answered is in `served.requests` (paths).
- `browser`: a `Browser` (see below), 1280 x 900, light colour scheme; `phone`: the same at
  390 x 844; both can switch to dark with `browser.color_scheme("dark")`.

Browser helpers: `open(url)`, `console_errors()`, `requests()` (every URL the page asked for,
from Chromium's network log), `outside_requests(allowed_prefixes)`, `axe(options)` (runs
axe-core from the axe.min.js that scripts/test-browser.sh fetched, returns violations),
`scroll_width()`, `wait_for(js_condition)`.
"""

from __future__ import annotations

import functools
import http.server
import json
import os

# Selenium Manager must never reach the network: Debian's chromium and chromedriver are used.
os.environ["SE_AVOID_STATS"] = "true"
os.environ["SE_OFFLINE"] = "true"
import pathlib
import shutil
import socketserver
import subprocess
import tempfile
import threading
import time

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

ROOT = pathlib.Path(__file__).resolve().parents[2]
AXE = pathlib.Path(os.environ.get("PLAYBOOK_AXE_JS", ROOT / ".build" / "browser" / "axe.min.js"))


@pytest.fixture(scope="session")
def playbook() -> pathlib.Path:
    binary = pathlib.Path(os.environ.get("PLAYBOOK_BIN", ROOT / ".build" / "debug" / "playbook"))
    if not binary.exists():
        pytest.fail(f"{binary} is missing: run `swift build --product playbook` (scripts/test-browser.sh does)")
    return binary


@pytest.fixture(scope="session")
def workdir(tmp_path_factory) -> pathlib.Path:
    return tmp_path_factory.mktemp("browser")


@pytest.fixture(scope="session")
def build_site(playbook, workdir):
    counter = iter(range(1_000_000))

    def build(source: pathlib.Path | str, *args: str) -> pathlib.Path:
        out = workdir / f"out-{next(counter)}" / "public"
        out.parent.mkdir(parents=True)
        run = subprocess.run(
            [str(playbook), "build", "--source", str(source), "--output", str(out), *args],
            capture_output=True, text=True, timeout=600,
        )
        if run.returncode != 0:
            pytest.fail(f"playbook build exited {run.returncode}\n{run.stdout}\n{run.stderr}")
        return out

    return build


@pytest.fixture(scope="session")
def make_site(workdir):
    counter = iter(range(1_000_000))

    def make(files: dict[str, str]) -> pathlib.Path:
        root = workdir / f"site-{next(counter)}"
        for path, text in files.items():
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        return root

    return make


@pytest.fixture(scope="session")
def sample_site(build_site, workdir) -> pathlib.Path:
    # A copy, so a build never writes beside the repository's own content.
    source = workdir / "sample"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".build*", ".git", "public", "bench", "Tests", "Sources"))
    return build_site(source)


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # quiet; requests are recorded instead
        pass

    def do_GET(self):
        self.server.requests.append(self.path)
        super().do_GET()


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


@pytest.fixture
def serve():
    servers = []

    def start(folder: pathlib.Path) -> str:
        handler = functools.partial(_Handler, directory=str(folder))
        server = _Server(("127.0.0.1", 0), handler)
        server.requests = []
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        start.requests = server.requests
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


class Browser:
    def __init__(self, width: int, height: int):
        options = Options()
        options.binary_location = "/usr/bin/chromium"
        for flag in (
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--hide-scrollbars", f"--window-size={width},{height}", "--lang=zh-CN",
            # No background traffic of Chromium's own: every request logged is the page's.
            "--disable-background-networking", "--disable-component-update", "--no-first-run",
            "--disable-default-apps", "--disable-sync", "--metrics-recording-only",
        ):
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
        service = Service("/usr/bin/chromedriver")
        self.driver = webdriver.Chrome(service=service, options=options)
        self.driver.set_page_load_timeout(30)
        # Headless Chromium keeps its window at least 500 px wide; the viewport is set exactly
        # (a phone is 390 px, with a phone's handling of the viewport meta tag).
        self.driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
        )
        self.driver.execute_cdp_cmd("Network.enable", {})
        self._requests: list[str] = []
        self._console: list[dict] = []

    def open(self, url: str) -> "Browser":
        self.driver.get(url)
        self.wait_for("document.readyState === 'complete'")
        return self

    def color_scheme(self, scheme: str) -> "Browser":
        self.driver.execute_cdp_cmd(
            "Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]}
        )
        return self

    def wait_for(self, condition: str, timeout: float = 10.0):
        deadline = time.monotonic() + timeout
        while True:
            value = self.driver.execute_script(f"return ({condition});")
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {condition}")
            time.sleep(0.05)

    def _drain(self):
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") == "Network.requestWillBeSent":
                self._requests.append(message["params"]["request"]["url"])
        self._console.extend(self.driver.get_log("browser"))

    def requests(self) -> list[str]:
        self._drain()
        return list(self._requests)

    def outside_requests(self, allowed_prefixes: tuple[str, ...]) -> list[str]:
        allowed = allowed_prefixes + ("data:", "blob:", "about:", "chrome-extension:")
        return [url for url in self.requests() if not url.startswith(allowed)]

    def console_errors(self) -> list[dict]:
        self._drain()
        return [entry for entry in self._console if entry.get("level") == "SEVERE"]

    def scroll_width(self) -> tuple[int, int]:
        return tuple(self.driver.execute_script(
            "return [document.documentElement.scrollWidth, window.innerWidth];"))

    def axe(self, options: dict | None = None) -> list[dict]:
        if not AXE.exists():
            pytest.fail(f"{AXE} is missing: scripts/test-browser.sh fetches it")
        self.driver.execute_script(AXE.read_text(encoding="utf-8"))
        result = self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, arguments[0]).then(r => done(r.violations), e => done([{id: 'axe-error', impact: 'critical', description: String(e)}]));",
            options or {},
        )
        return result

    def quit(self):
        self.driver.quit()


@pytest.fixture
def browser():
    b = Browser(1280, 900)
    yield b
    b.quit()


@pytest.fixture
def phone():
    b = Browser(390, 844)
    yield b
    b.quit()
