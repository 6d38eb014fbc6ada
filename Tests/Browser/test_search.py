"""Search (issue 9), as a reader uses it: in headless Chromium, on the sample handbook and on
small sites made for one behaviour, over 127.0.0.1 and from disk."""

from __future__ import annotations

import json
import pathlib
import urllib.parse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

GOLDEN = pathlib.Path(__file__).resolve().parents[1] / "PlaybookRenderTests" / "Goldens" / "search-tokens.json"

RESULTS = "[data-search-results] a"


def search(browser, base: str, query: str, kind: str = "") -> list[str]:
    """Opens search/?q=QUERY and returns the result links' paths below `base`, in order."""
    url = base + "search/index.html?q=" + urllib.parse.quote(query) + ("&kind=" + kind if kind else "")
    browser.open(url)
    wait_done(browser, query)
    return result_paths(browser, base)


def wait_done(browser, query: str):
    browser.wait_for(
        "window.PlaybookSearch && PlaybookSearch.timing && PlaybookSearch.timing.query === " + json.dumps(query)
    )


def result_paths(browser, base: str) -> list[str]:
    hrefs = browser.driver.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0])).map(a => a.href);", RESULTS
    )
    paths = [urllib.parse.unquote(h[len(base):]).split("#")[0] for h in hrefs]
    # Result links name the page's index.html (the theme's rule, so they work from disk).
    return [p[: -len("index.html")] if p.endswith("index.html") else p for p in paths]


def script_errors(browser) -> list[dict]:
    """Console errors, leaving out the favicon that no theme page links (Chromium asks anyway)."""
    return [e for e in browser.console_errors() if "favicon.ico" not in e["message"]]


@pytest.fixture
def sample(sample_site, serve):
    return serve(sample_site)


# ---- Finding pages ----

def test_simplified_query_finds_simplified_and_traditional_pages(sample, browser):
    paths = search(browser, sample, "群规")
    assert "rules/network-rules/" in paths[:5]
    assert "groups/taipei/rules/" in paths  # written 群規
    assert script_errors(browser) == []


def test_traditional_query_finds_simplified_pages(sample, browser):
    # 歡迎 is in no Simplified page; the old 65-entry browser table lacked 歡.
    paths = search(browser, sample, "歡迎")
    assert "onboarding/new-member/" in paths
    assert "groups/chengdu/onboarding/" in paths


def test_the_page_that_defines_a_term_comes_first(sample, browser):
    # network-rules defines 禁言 as a graded penalty; the others mention it.
    assert search(browser, sample, "禁言")[0] == "rules/network-rules/"


def test_a_latin_word_and_the_word_being_typed(sample, browser):
    assert "sops/daily-operations/" in search(browser, sample, "Daily")
    # "onboa" is being typed: it matches onboarding.
    assert "onboarding/new-member/" in search(browser, sample, "onboa")


def test_one_character(sample, browser):
    paths = search(browser, sample, "禁")
    assert "rules/network-rules/" in paths


def test_a_phrase_ranks_above_its_words_apart(make_site, build_site, serve, browser):
    site = make_site({
        "playbook.yml": "title: 短语\n",
        "content/apart.md": "---\ntitle: 分开\n---\n活动结束后的仪式，另外还有欢迎新人的环节。欢迎大家。\n",
        "content/together.md": "---\ntitle: 相连\n---\n新人入群先举行欢迎仪式。\n",
    })
    base = serve(build_site(site))
    paths = search(browser, base, "欢迎仪式")
    assert paths[0] == "together/"
    # Two words typed together (群规 + 禁言) find a page that has both apart.
    site2 = make_site({
        "playbook.yml": "title: 词\n",
        "content/a.md": "---\ntitle: 甲\n---\n这是群规。第二次违规要禁言。\n",
        "content/b.md": "---\ntitle: 乙\n---\n只有群规。\n",
    })
    base2 = serve(build_site(site2))
    assert search(browser, base2, "群规禁言") == ["a/"]


def test_a_word_deep_inside_a_long_page(make_site, build_site, serve, browser):
    filler = "每天早上八点发早报，晚上九点做晚间总结，周末休息。\n\n" * 1500
    site = make_site({
        "playbook.yml": "title: 长页\n",
        "content/long.md": "---\ntitle: 很长的一页\n---\n" + filler + "最后一段说到 zeppelin 飞艇。\n",
        "content/short.md": "---\ntitle: 短页\n---\n早报。\n",
    })
    base = serve(build_site(site))
    assert search(browser, base, "zeppelin") == ["long/"]
    snippet = browser.driver.find_element(By.CSS_SELECTOR, ".search-result-snippet").get_attribute("innerHTML")
    assert "<mark>zeppelin</mark>" in snippet


# ---- The tokenizer is the same in the browser ----

def test_browser_tokenizer_matches_the_swift_golden(make_site, build_site, serve, browser):
    cases = json.loads(GOLDEN.read_text(encoding="utf-8"))
    # Every input is on a page, so the index holds its characters and ships their fold pairs.
    body = "\n\n".join("`" + c["text"].replace("`", "") + "`" for c in cases if c["text"])
    site = make_site({"playbook.yml": "title: 分词\n", "content/a.md": "---\ntitle: 分词\n---\n" + body + "\n"})
    base = serve(build_site(site))
    browser.open(base + "search/")
    browser.driver.execute_async_script("const done = arguments[0]; PlaybookSearch.ready().then(() => done(true));")
    for case in cases:
        got = browser.driver.execute_script(
            "return [PlaybookSearch.tokenize(arguments[0], 'index'), PlaybookSearch.tokenize(arguments[0], 'query'),"
            " PlaybookSearch.queryPrefix(arguments[0])];",
            case["text"],
        )
        assert got == [case["index"], case["query"], case["prefix"]], case["text"]


# ---- Snippets ----

def test_snippets_mark_matches_escape_text_and_cut_between_words(make_site, build_site, serve, browser):
    words = " ".join(f"word{i}" for i in range(120))
    site = make_site({
        "playbook.yml": "title: 摘要\n",
        "content/a.md": "---\ntitle: 摘要页\n---\n" + words + " `<b>needle</b>` & tail " + words + "\n",
    })
    base = serve(build_site(site))
    search(browser, base, "needle")
    snippet = browser.driver.find_element(By.CSS_SELECTOR, ".search-result-snippet")
    html = snippet.get_attribute("innerHTML")
    assert "&lt;b&gt;<mark>needle</mark>&lt;/b&gt; &amp; tail" in html
    text = snippet.text
    assert text.startswith("…") and text.endswith("…")
    inner = text.strip("…").split()
    assert all(w.startswith("word") or w in ("<b>needle</b>", "&", "tail") for w in inner), inner


# ---- The page ----

def test_query_is_restored_from_the_address_and_reflected_in_it(sample, browser):
    search(browser, sample, "禁言")
    field = browser.driver.find_element(By.ID, "search-input")
    assert field.get_attribute("value") == "禁言"
    field.send_keys(Keys.END, " 警告")
    wait_done(browser, "禁言 警告")
    query = urllib.parse.parse_qs(urllib.parse.urlparse(browser.driver.current_url).query)
    assert query["q"] == ["禁言 警告"]


def test_results_show_their_kind_and_filter_by_kind(sample, browser):
    search(browser, sample, "群规")
    kinds = browser.driver.find_elements(By.CSS_SELECTOR, "[data-search-kinds] button")
    assert len(kinds) > 2
    sop = next(b for b in kinds if "SOP" in b.text)
    sop.click()
    browser.wait_for("location.search.indexOf('kind=sop') >= 0")
    browser.wait_for("document.querySelectorAll('[data-search-results] .search-result-kind').length > 0")
    labels = [e.text for e in browser.driver.find_elements(By.CSS_SELECTOR, ".search-result-kind")]
    assert labels and all(label == "SOP" for label in labels)
    # The filter is part of the address too.
    assert search(browser, sample, "群规", kind="sop") == [
        p for p in result_paths(browser, sample) if p.startswith("sops/")
    ]


def test_no_results_says_so_and_suggests_a_shorter_query(sample, browser):
    assert search(browser, sample, "禁言 zzzzqqq") == []
    status = browser.driver.find_element(By.CSS_SELECTOR, "[data-search-status]")
    assert "禁言 zzzzqqq" in status.text
    suggestion = status.find_element(By.CSS_SELECTOR, "a[data-search-suggestion]")
    assert suggestion.text == "禁言"
    suggestion.click()
    wait_done(browser, "禁言")
    assert result_paths(browser, sample)


def test_keyboard_slash_arrows_enter_and_escape(sample, browser):
    browser.open(sample + "sops/growth/")
    body = browser.driver.find_element(By.TAG_NAME, "body")
    body.send_keys("/")
    active = browser.driver.switch_to.active_element
    assert active.get_attribute("name") == "q"
    active.send_keys("禁言")
    browser.wait_for("document.querySelectorAll('.search-panel a.search-result').length > 0")
    assert browser.driver.execute_script("return !document.querySelector('.search-panel').hidden")
    active.send_keys(Keys.ESCAPE)
    assert browser.driver.execute_script("return document.querySelector('.search-panel').hidden")
    active.send_keys(Keys.BACK_SPACE, "言")
    browser.wait_for("!document.querySelector('.search-panel').hidden")
    first = browser.driver.execute_script("return document.querySelector('.search-panel a.search-result').href")
    active.send_keys(Keys.ARROW_DOWN)
    assert browser.driver.execute_script(
        "return document.querySelector('.search-panel a.search-result').getAttribute('aria-selected')") == "true"
    active.send_keys(Keys.ENTER)
    browser.wait_for("location.href === " + json.dumps(first))


def test_header_box_leads_to_the_search_page(sample, browser):
    browser.open(sample + "index.html")
    box = browser.driver.find_element(By.CSS_SELECTOR, "form.search-form input[name=q]")
    box.send_keys("打卡", Keys.ENTER)
    browser.wait_for("location.pathname.indexOf('/search/') >= 0")
    wait_done(browser, "打卡")
    assert result_paths(browser, sample)


# ---- Loading ----

def test_a_query_from_disk(sample_site, browser):
    base = (sample_site).as_uri() + "/"
    browser.open(base + "search/index.html?q=" + urllib.parse.quote("禁言"))
    wait_done(browser, "禁言")
    paths = result_paths(browser, base)
    assert paths[0] == "rules/network-rules/"
    assert script_errors(browser) == []


def test_a_query_loads_only_its_shards_and_nothing_leaves_loopback(sample, serve, browser):
    search(browser, sample, "欢迎仪式")
    shards = [p for p in serve.requests if p.startswith("/search/s/")]
    records = [p for p in serve.requests if p.startswith("/search/p/")]
    assert "/search/meta.js" in serve.requests
    assert 0 < len(shards) <= 3  # 欢迎, 迎仪, 仪式
    assert 0 < len(records) <= 10
    assert browser.outside_requests((sample,)) == []
    assert script_errors(browser) == []
