"""`playbook serve` as a writer sees it (issue 22): a page that says the handbook is building until
the first build is done, then the overlay of a broken handbook, in the site's language, with the open
page's errors first, other files' counted with links, and a button that closes it."""

from __future__ import annotations

import os
import pathlib
import re
import subprocess
import time

import pytest
from selenium.webdriver.common.by import By

CHARTER_OK = "---\ntitle: 杭州读书会\nkind: page\n---\n# 杭州读书会\n\n每周六读书。\n"
BROKEN = "---\ntitle: [群规\n---\n# 群规\n"


def start_serve(playbook: pathlib.Path, root: pathlib.Path, tmp: pathlib.Path) -> tuple[subprocess.Popen, str]:
    env = dict(os.environ, TMPDIR=str(tmp), NO_COLOR="1")
    process = subprocess.Popen(
        [str(playbook), "serve", "--port", "0", "--source", str(root)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        found = re.search(r"http://127\.0\.0\.1:\d+/", line)
        if found:
            return process, found.group(0)
    process.kill()
    pytest.fail("serve did not start")


@pytest.fixture
def served(playbook, make_site, tmp_path):
    files = {
        "playbook.yml": "title: 预览\nlanguage: zh-Hans\nseverity:\n  \"group.*\": off\n  \"rules.*\": off\n",
        "content/index.md": "# 首页\n\n[群规](rules/a.md)\n",
        "content/groups/hangzhou/index.md": CHARTER_OK,
        "content/rules/a.md": BROKEN,
    }
    root = make_site(files)
    process, url = start_serve(playbook, root, tmp_path)
    yield root, url
    process.terminate()
    process.wait(timeout=10)


def test_the_overlay_puts_this_pages_errors_first_counts_the_rest_and_closes(served, browser):
    root, url = served
    browser.open(url + "rules/a/")
    overlay = browser.driver.find_element(By.ID, "playbook-overlay")
    text = overlay.text
    assert re.search(r"手册有 \d+ 个错误，通不过检查", text)
    assert "这一页" in text and "content/rules/a.md:2:" in text and "frontmatter.yaml" in text
    # Another page: the error is counted under its file, with a link to it.
    browser.open(url)
    overlay = browser.driver.find_element(By.ID, "playbook-overlay")
    assert "有错误的文件" in overlay.text and re.search(r"content/rules/a\.md — \d+ 个错误", overlay.text)
    link = overlay.find_element(By.LINK_TEXT, "content/rules/a.md")
    assert link.get_attribute("href") == url + "rules/a/"
    # Closing it shows the page underneath.
    overlay.find_element(By.TAG_NAME, "button").click()
    browser.wait_for("document.getElementById('playbook-overlay') === null")
    assert browser.driver.find_element(By.TAG_NAME, "h1").text == "首页"
    # Fixing the file clears it everywhere: the page reloads by itself.
    (root / "content/rules/a.md").write_text("---\ntitle: 群规\n---\n# 群规\n\n好了。\n", encoding="utf-8")
    browser.open(url + "rules/a/")
    browser.wait_for("document.getElementById('playbook-overlay') === null", timeout=20)


def test_until_the_first_build_is_done_pages_say_it_is_building(playbook, make_site, tmp_path, browser):
    # A handbook large enough that its first build takes a moment in the debug build.
    files = {"playbook.yml": "title: 大手册\nlanguage: zh-Hans\n", "content/index.md": "# 首页\n"}
    for i in range(3000):
        files[f"content/notes/{i}.md"] = f"---\ntitle: 笔记 {i}\n---\n# 笔记 {i}\n\n" + "群规和入群流程。\n\n" * 20
    root = make_site(files)
    env = dict(os.environ, TMPDIR=str(tmp_path), NO_COLOR="1")
    port = 18000 + os.getpid() % 1000
    process = subprocess.Popen(
        [str(playbook), "serve", "--port", str(port), "--source", str(root)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
    )
    try:
        url = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 30
        while True:
            try:
                browser.driver.get(url)
                break
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        source = browser.driver.page_source
        if "正在生成手册" not in source:
            pytest.skip("the first build finished before the page was asked for")
        assert "Building the handbook" in source
        # It asks again by itself and lands on the handbook once it is built.
        browser.wait_for("document.title.indexOf('大手册') >= 0", timeout=180)
    finally:
        process.terminate()
        process.wait(timeout=30)
