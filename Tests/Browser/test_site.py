"""The default theme in a real browser (issue 10): the built sample handbook read from disk and
served on 127.0.0.1, at phone and laptop width, light and dark; checklists, the health view, the
kit; no console errors, no request leaving the machine, no serious accessibility finding."""

from __future__ import annotations

import pathlib
import re
import shutil
import urllib.parse

import pytest

PAGE_SAMPLE = ["index.html", "groups/hangzhou/index.html", "sops/daily-operations/index.html",
               "health/index.html", "groups/nanjing/kit/index.html", "templates/index.html",
               "tags/index.html", "search/index.html?q=%E7%A6%81%E8%A8%80"]


def pages_of(site: pathlib.Path) -> list[str]:
    return sorted(str(p.relative_to(site)) for p in site.rglob("*.html"))


def internal_hrefs(browser) -> list[str]:
    return browser.driver.execute_script(
        "return Array.from(document.querySelectorAll('a[href]')).map(a => a.href)"
        ".filter(h => h.startsWith(location.protocol) && !h.startsWith('data:'));")


# -- from disk -------------------------------------------------------------------------------

def test_every_link_from_disk_opens_a_page_not_a_folder(sample_site, browser):
    # Opened with file://, a link to a folder shows a folder listing: every link must name a file.
    for page in ["index.html", "groups/hangzhou/index.html", "health/index.html", "templates/index.html"]:
        browser.open((sample_site / page).as_uri())
        for href in internal_hrefs(browser):
            path = pathlib.Path(urllib.parse.unquote(urllib.parse.urlparse(href).path))
            assert path.is_file(), f"{page} links to {href}, which is not a file"


def test_navigating_and_searching_from_disk(sample_site, browser):
    browser.open((sample_site / "index.html").as_uri())
    # The section navigation leads to a page, and the group's page to its rules in one tap.
    browser.driver.find_element("css selector", "#site-nav a").click()
    browser.wait_for("document.readyState === 'complete'")
    assert browser.driver.current_url.endswith("/groups/index.html")
    assert browser.driver.find_element("css selector", "main h1").text
    browser.open((sample_site / "groups/hangzhou/index.html").as_uri())
    browser.driver.find_element("css selector", ".group-bar a[href*='rules']").click()
    browser.wait_for("document.readyState === 'complete'")
    assert "/groups/hangzhou/rules/index.html" in browser.driver.current_url
    # The header's search box submits to search/index.html?q=…, which finds pages from disk,
    # and a result opens its page.
    box = browser.driver.find_element("css selector", ".search-form input[name=q]")
    box.send_keys("禁言")
    box.submit()
    browser.wait_for("location.pathname.endsWith('/search/index.html')")
    browser.wait_for("document.querySelectorAll('[data-search-results] a').length > 0")
    first = browser.driver.find_element("css selector", "[data-search-results] a")
    target = urllib.parse.unquote(urllib.parse.urlparse(first.get_attribute("href")).path)
    assert pathlib.Path(target).is_file(), target
    first.click()
    browser.wait_for("!location.pathname.endsWith('/search/index.html')")
    assert browser.driver.find_element("css selector", "article")


def test_the_404_page_keeps_its_look_at_any_depth(sample_site, serve, browser, workdir):
    # A server answers a missing path anywhere below the site with 404.html: copied deep below a
    # sub-path, the page still has its styles and asks for nothing that is not there.
    root = workdir / "subpath"
    deep = root / "handbook" / "a" / "b"
    deep.mkdir(parents=True, exist_ok=True)
    shutil.copy(sample_site / "404.html", deep / "missing.html")
    base = serve(root)
    browser.open(base + "handbook/a/b/missing.html")
    border = browser.driver.execute_script(
        "return getComputedStyle(document.querySelector('.topbar')).borderBottomStyle")
    assert border == "solid"
    assert browser.console_errors() == []
    assert browser.outside_requests((base,)) == []


# -- phones, dark, print ---------------------------------------------------------------------

def test_no_page_of_the_sample_scrolls_sideways_at_390px(sample_site, serve, phone):
    base = serve(sample_site)
    wide = []
    for page in pages_of(sample_site):
        phone.open(base + page)
        assert phone.driver.execute_script("return window.innerWidth") == 390
        width, viewport = phone.scroll_width()
        if width > viewport:
            wide.append(f"{page}: {width}px")
    assert wide == []


def test_wide_tables_scroll_in_their_own_box_with_readable_columns(sample_site, serve, phone):
    base = serve(sample_site)
    phone.open(base + "index.html")
    boxes = phone.driver.execute_script(
        "return Array.from(document.querySelectorAll('.body .table-wrap')).map(w => ({"
        " scroll: w.scrollWidth, client: w.clientWidth, tab: w.tabIndex,"
        " narrowest: Math.min(...Array.from(w.querySelectorAll('th, td')).map(c => c.getBoundingClientRect().width)) }))")
    assert boxes, "the page has tables"
    assert any(b["scroll"] > b["client"] for b in boxes), "a wide table scrolls inside its box"
    for box in boxes:
        assert box["tab"] == 0, "the keyboard can reach a scrolling box"
        assert box["narrowest"] >= 60, f"columns stay readable: {box}"


def test_on_a_phone_the_header_is_small_and_a_groups_documents_are_one_tap_away(sample_site, serve, phone):
    base = serve(sample_site)
    phone.open(base + "groups/hangzhou/index.html")
    header = phone.driver.execute_script("return document.querySelector('.topbar').getBoundingClientRect().height")
    # Two short rows at most: the edition switch is no longer hidden inside the menu (issue 20).
    assert header <= 100
    links = phone.driver.execute_script(
        "return Array.from(document.querySelectorAll('.group-bar a')).map(a => "
        "[a.textContent, a.getBoundingClientRect().top + window.scrollY])")
    texts = " ".join(t for t, _ in links)
    assert "群规" in texts and "入群流程" in texts and "月度线下读书会" in texts
    assert all(top < 844 for _, top in links), f"on the first screen: {links}"


def test_dark_theme_follows_the_system(sample_site, serve, browser):
    base = serve(sample_site)

    def colours():
        return browser.driver.execute_script(
            "const s = getComputedStyle(document.body); return [s.backgroundColor, s.color];")

    def luminance(css: str) -> float:
        r, g, b = (int(v) / 255 for v in re.findall(r"\d+", css)[:3])
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    browser.open(base + "groups/hangzhou/index.html")
    light_bg, light_ink = colours()
    assert luminance(light_bg) > 0.9 and luminance(light_ink) < 0.3
    browser.color_scheme("dark")
    browser.open(base + "groups/hangzhou/index.html")
    dark_bg, dark_ink = colours()
    assert luminance(dark_bg) < 0.1 and luminance(dark_ink) > 0.8
    assert browser.axe({"runOnly": ["color-contrast"]}) == []


def test_print_hides_the_chrome_and_starts_each_kit_document_on_a_page(sample_site, serve, browser):
    # Issue 20: the first document follows the kit's title and contents on the first sheet.
    base = serve(sample_site)
    browser.open(base + "groups/hangzhou/kit/index.html")
    browser.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    shown = browser.driver.execute_script(
        "return ['.topbar', '.footer', '.button'].map(s => getComputedStyle(document.querySelector(s)).display)")
    assert shown == ["none", "none", "none"]
    breaks = browser.driver.execute_script(
        "return Array.from(document.querySelectorAll('.kit-doc')).map(d => getComputedStyle(d).breakBefore)")
    assert len(breaks) >= 4 and breaks[0] == "auto" and set(breaks[1:]) == {"page"}


# -- checklists ------------------------------------------------------------------------------

def test_a_ticked_item_survives_a_reload_and_reset_clears_it(sample_site, serve, browser):
    base = serve(sample_site)
    browser.open(base + "sops/daily-operations/index.html")
    boxes = browser.driver.find_elements("css selector", "li.task input[type=checkbox]")
    total = len(boxes)
    assert total >= 3
    count = lambda: browser.driver.find_element("css selector", "[data-checklist-count]").text  # noqa: E731
    assert count() == f"已完成 0 / {total}"
    boxes[0].click()
    boxes[2].click()
    assert count() == f"已完成 2 / {total}"
    browser.open(base + "sops/daily-operations/index.html")
    boxes = browser.driver.find_elements("css selector", "li.task input[type=checkbox]")
    assert [b.is_selected() for b in boxes[:3]] == [True, False, True]
    assert count() == f"已完成 2 / {total}"
    browser.driver.find_element("css selector", "[data-checklist-reset]").click()
    assert count() == f"已完成 0 / {total}"
    browser.open(base + "sops/daily-operations/index.html")
    boxes = browser.driver.find_elements("css selector", "li.task input[type=checkbox]")
    assert not any(b.is_selected() for b in boxes)
    # Another page keeps its own ticks.
    assert browser.driver.execute_script("return localStorage.length") == 0


# -- the health view -------------------------------------------------------------------------

GAPS_SITE = {
    # Findings here are warnings, so the site builds while its health view shows the gaps.
    "playbook.yml": "title: 健康测试\nlanguage: zh-Hans\nseverity:\n  \"group.*\": warning\n",
    "content/index.md": "---\ntitle: 首页\n---\n欢迎。\n",
    "content/groups/full/index.md": (
        "---\ntitle: 完整分会\nkind: group\nowner: 甲\n---\n见[群规](rules.md)和[入群](onboarding.md)。\n\n"
        "## 同好\n\n读书的人。\n\n## 结构\n\n- **成员与分工**：群主。\n- **交流平台**：微信群。\n"
        "- **加入原则与门槛**：书评。\n- **管理规范**：群规。\n\n## 输出\n\n纪要。\n\n"
        "## 运营\n\n仪式感、参与感、组织感、归属感。\n\n## 复制\n\n模板。\n"),
    "content/groups/full/rules.md": (
        "---\ntitle: 完整分会群规\nkind: rules\n---\n## 昵称格式\n\n名字。\n\n## 行为准则\n\n不刷屏。\n\n"
        "## 奖励\n\n积分。\n\n## 惩罚\n\n1. 警告\n2. 禁言\n3. 移出\n"),
    "content/groups/full/onboarding.md": (
        "---\ntitle: 完整分会入群\nkind: onboarding\nowner: 甲\n---\n## 入群门槛\n\n书评。\n\n## 流程\n\n"
        "1. 第1天：欢迎，负责人 甲\n2. 第1天：阅读并同意群规，负责人 甲\n3. 第7天：回访，负责人 甲\n"),
    "content/groups/new/index.md": (
        "---\ntitle: 新开分会\nkind: group\nowner: 乙\n---\n## 同好\n\n读书的人。\n\n## 结构\n\n- **成员与分工**：群主。\n\n"
        "## 运营\n\n仪式感。\n"),
}


def test_the_health_view_shows_known_gaps_with_working_links(make_site, build_site, serve, browser, phone):
    base = serve(build_site(make_site(GAPS_SITE)))
    browser.open(base + "health/index.html")
    rows = browser.driver.find_elements("css selector", "table.health tbody tr")
    titles = [r.find_element("css selector", "th a").text for r in rows]
    assert titles == ["新开分会", "完整分会"], "most gaps first"
    gap_cells = rows[0].find_elements("css selector", "td.cell-missing, td.cell-partial")
    words = " ".join(c.text for c in gap_cells)
    assert "缺少「输出」一节" in words and "缺少「复制」一节" in words and "还没有这一页" in words
    assert "交流平台" in words, "a partial section says which part it lacks"
    # Every link in the view leads to a page that exists, and to the element its fragment names.
    hrefs = [a.get_attribute("href") for a in browser.driver.find_elements("css selector", "main a")]
    assert len(hrefs) >= 10
    for href in hrefs:
        browser.open(href)
        assert browser.driver.find_element("css selector", "main"), href
        fragment = urllib.parse.unquote(urllib.parse.urlparse(href).fragment)
        if fragment:
            assert browser.driver.execute_script("return !!document.getElementById(arguments[0])", fragment), href
    # The group's own page links its chips to the same places: a missing element to where it is
    # written (the charter, at the section it goes before) or where its page is linked from.
    browser.open(base + "groups/new/index.html")
    chips = browser.driver.find_elements("css selector", ".health-chips a.chip-missing")
    assert chips and all("groups/new/index.html" in c.get_attribute("href") for c in chips)
    # Findings are listed beneath the table, with their place in the file.
    browser.open(base + "health/index.html")
    findings = browser.driver.find_element("css selector", ".findings").text
    assert "content/groups/new/index.md" in findings
    # On a phone, one card per group listing what it lacks (complete cells are left out).
    phone.open(base + "health/index.html")
    cards = phone.driver.execute_script(
        "return Array.from(document.querySelectorAll('table.health tbody tr')).map(r => ["
        "getComputedStyle(r).display, Array.from(r.querySelectorAll('td.cell')).filter("
        "c => getComputedStyle(c).display !== 'none').length])")
    assert cards[0][0] == "block" and cards[0][1] >= 3
    assert cards[1][1] == 0
    assert phone.scroll_width()[0] <= 390


def test_the_samples_first_build_shows_the_new_chapters_gap(sample_site, serve, browser):
    base = serve(sample_site)
    browser.open(base + "health/index.html")
    first = browser.driver.find_element("css selector", "table.health tbody tr")
    assert "南京分会" in first.find_element("css selector", "th").text
    cell = first.find_element("css selector", "td.cell-missing a")
    assert "复制" in cell.text
    cell.click()
    browser.wait_for("document.readyState === 'complete'")
    assert "南京分会" in browser.driver.find_element("css selector", "main").text


# -- what every page does and does not do ----------------------------------------------------

@pytest.mark.parametrize("page", PAGE_SAMPLE)
def test_no_console_errors_no_outside_requests_no_serious_accessibility_finding(page, sample_site, serve, browser):
    base = serve(sample_site)
    browser.open(base + page)
    if "search/" in page:
        browser.wait_for("document.querySelectorAll('[data-search-results] a').length > 0")
    violations = [v for v in browser.axe() if v.get("impact") in ("serious", "critical")]
    assert violations == [], [(v["id"], v.get("nodes", [{}])[0].get("target")) for v in violations]
    assert browser.console_errors() == []
    assert browser.outside_requests((base,)) == []


def test_traditional_pages_are_declared_zh_hant(make_site, build_site, serve, browser):
    # A site without editions: each page keeps the script it is written in. (The sample is
    # built in editions, where every page is converted to the edition's script.)
    site = make_site({
        "playbook.yml": "title: 手册\nlanguage: zh-Hans\n",
        "content/index.md": "---\ntitle: 首页\n---\n这是简体中文写的首页，说明这个社群为什么存在。\n",
        "content/taipei.md": "---\ntitle: 台北分會\n---\n這是繁體中文寫的頁面，說明這個社群為什麼存在、怎麼運營。\n",
    })
    base = serve(build_site(site))
    browser.open(base + "taipei/index.html")
    lang = browser.driver.execute_script("return document.querySelector('.body').lang")
    assert lang == "zh-Hant"
    font = browser.driver.execute_script("return getComputedStyle(document.querySelector('.body')).fontFamily")
    assert "TC" in font
    browser.open(base + "index.html")
    assert browser.driver.execute_script("return document.querySelector('.body').lang") == ""
