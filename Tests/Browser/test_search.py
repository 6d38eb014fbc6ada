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

# One link a result (its best section); a result's other sections and family links are not results.
RESULTS = "[data-search-results] > li > a.search-result"


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


def pages_found(browser, base: str) -> list[str]:
    """The results' pages and the copies of a template document each result lists under it."""
    hrefs = browser.driver.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0])).map(a => a.href);",
        RESULTS + ", [data-search-results] .search-result-also a",
    )
    paths = [urllib.parse.unquote(h[len(base):]).split("#")[0] for h in hrefs]
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
    assert "groups/taipei/rules/" in pages_found(browser, sample)  # written 群規
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


def test_no_page_with_every_word_shows_pages_with_most_and_what_they_lack(sample, browser):
    # Issue 24: a word the handbook does not use no longer empties the list.
    paths = search(browser, sample, "禁言 zzzzqqq")
    assert paths and paths[0] == "rules/network-rules/"
    status = browser.driver.find_element(By.CSS_SELECTOR, "[data-search-status]").text
    assert "没有页面包含全部的词" in status
    missing = browser.driver.find_element(By.CSS_SELECTOR, ".search-result-missing")
    assert "缺少" in missing.text and missing.find_element(By.TAG_NAME, "s").text == "zzzzqqq"
    # A question finds its page: the question words are not required, the rest mostly.
    assert search(browser, sample, "有人发广告怎么办")[0] in ("sops/crisis-handling/", "rules/network-rules/")


def test_nothing_found_suggests_only_queries_with_results(sample, browser):
    assert search(browser, sample, "zzzzqqq") == []
    status = browser.driver.find_element(By.CSS_SELECTOR, "[data-search-status]")
    assert "zzzzqqq" in status.text
    assert status.find_elements(By.CSS_SELECTOR, "a[data-search-suggestion]") == []
    # A misspelt word that has no page is corrected; every suggestion offered finds pages.
    paths = search(browser, sample, "onbaording")
    assert "onboarding/new-member/" in paths[:5]


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


# ---- Issue 24: tolerance ----

def test_typos_in_latin_words_and_in_chinese(sample, browser):
    assert search(browser, sample, "crisis handeling")[0] == "sops/crisis-handling/"
    assert "sops/member-pruning/" in search(browser, sample, "prunning")[:3]
    # A pair of characters the index lacks is matched to a pair that sounds the same.
    assert search(browser, sample, "禁严")[0] == "rules/network-rules/"
    assert "rules/network-rules/" in search(browser, sample, "群归")[:3]
    snippet = browser.driver.find_element(By.CSS_SELECTOR, ".search-result").get_attribute("innerHTML")
    assert "<mark>群规</mark>" in snippet or "<mark>群規</mark>" in snippet


def test_shipped_synonyms_find_the_handbooks_word(sample, browser):
    # 拉黑 and 踢人 are what members say; the handbook writes 移出.
    for query in ("拉黑", "踢人"):
        paths = search(browser, sample, query)
        assert {"rules/network-rules/", "sops/crisis-handling/", "sops/member-pruning/"} & set(paths[:3]), query
    paths = search(browser, sample, "面基")
    assert {"sops/offline-meetup/", "onboarding/new-member/"} & set(paths[:3])
    # The handbook's word is marked in the snippet.
    html = browser.driver.find_element(By.CSS_SELECTOR, "[data-search-results]").get_attribute("innerHTML")
    assert "<mark>线下" in html or "<mark>见面" in html or "<mark>线下见面" in html


def test_site_synonyms_from_playbook_yml(make_site, build_site, serve, browser):
    site = make_site({
        "playbook.yml": "title: 同义\nsearch:\n  synonyms:\n    值日生: [轮岗员]\n",
        "content/a.md": "---\ntitle: 甲\n---\n本周的值日生负责早报。\n",
        "content/b.md": "---\ntitle: 乙\n---\n别的内容。\n",
    })
    base = serve(build_site(site))
    assert search(browser, base, "轮岗员") == ["a/"]


def test_regional_words_in_either_edition(sample, browser):
    # The Taipei pages write 伺服器 and 資料夾; the mainland words find them, in both editions.
    assert {"groups/taipei/rules/", "groups/taipei/onboarding/"} & set(search(browser, sample, "服务器")[:3])
    assert "groups/taipei/" in search(browser, sample, "文件夹")[:3]
    paths = search(browser, sample + "zh-Hant/", "服务器")
    assert {"groups/taipei/rules/", "groups/taipei/onboarding/"} & set(paths[:3])
    # 消息 on mainland pages is found by the Taiwan word 訊息 in the Traditional edition.
    assert "sops/crisis-handling/" in search(browser, sample + "zh-Hant/", "訊息")[:5]


# ---- Issue 24: ranking ----

def test_a_title_match_first_and_copies_of_a_template_as_one_result(sample, browser):
    assert search(browser, sample, "台北分会")[0] == "groups/taipei/"
    # 破冰 is in the network SOP and in every chapter's copy of the template's meetup SOP.
    paths = search(browser, sample, "破冰")
    assert paths[0] == "sops/offline-meetup/"
    chapters = [p for p in paths if p.startswith("groups/")]
    assert len(chapters) == 1, paths  # the copies are one result
    also = browser.driver.find_elements(By.CSS_SELECTOR, ".search-result-also a")
    assert len(also) >= 2
    assert "另见" in browser.driver.find_element(By.CSS_SELECTOR, ".search-result-also").text


def test_a_kind_is_searchable_by_its_label(sample, browser):
    assert search(browser, sample, "SOP 值班")[0] == "sops/daily-operations/"


# ---- Issue 24: results people can scan ----

def test_several_sections_each_linking_to_its_heading(sample, browser):
    search(browser, sample, "禁言")
    first = browser.driver.find_element(By.CSS_SELECTOR, "[data-search-results] > li")
    sections = first.find_elements(By.CSS_SELECTOR, ".search-result-sections a")
    assert len(sections) >= 1
    hrefs = [first.find_element(By.CSS_SELECTOR, "a.search-result").get_attribute("href")]
    hrefs += [a.get_attribute("href") for a in sections]
    assert all("#" in h for h in hrefs) and len(set(hrefs)) == len(hrefs)


def test_snippets_keep_table_cells_apart(make_site, build_site, serve, browser):
    site = make_site({
        "playbook.yml": "title: 表格\n",
        "content/a.md": "---\ntitle: 表格页\n---\n| 角色 | 人数 |\n|---|---|\n| 签到员 | 1 |\n| 摄影 | 2 |\n",
    })
    base = serve(build_site(site))
    search(browser, base, "签到员")
    text = browser.driver.find_element(By.CSS_SELECTOR, ".search-result-snippet").text
    assert "签到员 · 1" in text, text


def test_the_page_a_result_leads_to_marks_the_words(sample, browser):
    search(browser, sample, "静默时段")
    browser.driver.find_element(By.CSS_SELECTOR, "a.search-result").click()
    browser.wait_for("document.querySelectorAll('main mark.search-hit').length > 0")
    assert "静默" in browser.driver.find_element(By.CSS_SELECTOR, "main mark.search-hit").text


def test_drop_down_links_to_all_results_and_arrows_do_not_scroll(sample, browser):
    browser.open(sample + "sops/growth/index.html")
    box = browser.driver.find_element(By.CSS_SELECTOR, "form.search-form input[name=q]")
    box.send_keys("群")
    browser.wait_for("document.querySelectorAll('.search-panel a.search-result').length > 0")
    shown = len(browser.driver.find_elements(By.CSS_SELECTOR, ".search-panel a.search-result"))
    all_link = browser.driver.find_element(By.CSS_SELECTOR, ".search-panel a[data-search-all]")
    assert shown == 6 and "查看全部" in all_link.text
    before = browser.driver.execute_script("return window.scrollY")
    for _ in range(8):
        box.send_keys(Keys.ARROW_DOWN)
    assert browser.driver.execute_script("return window.scrollY") == before
    selected = browser.driver.find_elements(By.CSS_SELECTOR, ".search-panel a[aria-selected=true]")
    assert len(selected) == 1
    all_link.click()
    browser.wait_for("location.pathname.indexOf('/search/') >= 0")
    wait_done(browser, "群")
    assert len(result_paths(browser, sample)) == 10


def test_input_method_composition_searches_only_when_committed(sample, browser):
    browser.open(sample + "sops/growth/index.html")
    # What a pinyin input method does: compositionstart, input events with the fragments, then
    # the committed text and compositionend.
    browser.driver.execute_script("""
        const box = document.querySelector('form.search-form input[name=q]');
        window.searched = [];
        document.addEventListener('playbook:search', e => window.searched.push(e.detail.query));
        box.focus();
        box.dispatchEvent(new CompositionEvent('compositionstart', {data: ''}));
        for (const fragment of ['j', 'jin', "jin'y", "jin'yan"]) {
          box.value = fragment;
          box.dispatchEvent(new InputEvent('input', {data: fragment, isComposing: true, inputType: 'insertCompositionText'}));
        }
        box.value = '禁言';
        box.dispatchEvent(new InputEvent('input', {data: '禁言', isComposing: true, inputType: 'insertCompositionText'}));
        box.dispatchEvent(new CompositionEvent('compositionend', {data: '禁言'}));
    """)
    browser.wait_for("window.searched.length > 0")
    import time
    time.sleep(0.3)
    assert browser.driver.execute_script("return window.searched") == ["禁言"]
    status = browser.driver.find_element(By.CSS_SELECTOR, ".search-panel-status").text
    assert "没有找到" not in status


def test_one_box_on_the_search_page_and_the_edition_switch_keeps_the_query(sample, browser):
    search(browser, sample, "禁言")
    header = browser.driver.find_element(By.CSS_SELECTOR, "form.search-form")
    assert not header.is_displayed()
    assert browser.driver.find_element(By.ID, "search-input").is_displayed()
    switch = browser.driver.find_element(By.CSS_SELECTOR, "nav.edition-switch a[hreflang^='zh-Hant']")
    assert "q=" in switch.get_attribute("href")
    switch.click()
    wait_done(browser, "禁言")
    assert browser.driver.find_element(By.ID, "search-input").get_attribute("value") == "禁言"
    assert result_paths(browser, sample + "zh-Hant/")[0] == "rules/network-rules/"
