"""Issue 20 in a real browser, at 390 px and 1280 px, light and dark, served and from disk: the
home page says what the handbook holds, lists are paged and every page of them is reachable
without script, a page's title comes first, cards describe their own page, checklist ticks
follow their item's text across edits and editions, code stays monospace on Traditional pages,
and the 404 page's links work from any depth."""

from __future__ import annotations

import pytest

SCHEMES = ["light", "dark"]

READING_SITE = {
    "playbook.yml": (
        "title: 阅读测试\nlanguage: zh-Hans\ndescription: 站点的描述，不该出现在卡片上。\n"
        "severity:\n  \"sop.*\": warning\n"
        "editions:\n  languages:\n    - zh-Hans\n    - {language: zh-Hant-TW, prefix: zh-Hant}\n"),
    "content/index.md": "---\ntitle: 首页\n---\n欢迎来到手册。\n",
    "content/sops/duty.md": (
        "---\nkind: sop\nowner: 甲\n---\n# 值班 SOP\n\n值班的第一段话，说明这页是做什么的。\n\n## 目的\n\n保持群活跃。\n\n"
        "## 步骤\n\n- [ ] 发早报\n- [ ] 巡群\n- [ ] 晚间总结\n\n## 指标\n\n活跃度。\n\n```sh\nplaybook new group x --from y\n```\n"),
    **{f"content/notes/n{i:03}.md": f"---\ntitle: 笔记 {i}\n---\n第 {i} 篇笔记的第一段。\n" for i in range(120)},
}


@pytest.fixture(scope="module")
def reading_site(make_site, build_site):
    return build_site(make_site(READING_SITE))


def urls(base, site, path):
    return [base + path, (site / path).as_uri()]


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_title_leads_the_page_and_code_stays_monospace(reading_site, serve, browser, phone, scheme):
    for reader in (browser, phone):
        reader.color_scheme(scheme)
        for url in urls(serve(reading_site), reading_site, "sops/duty/index.html"):
            reader.open(url)
            first = reader.driver.execute_script(
                "return document.querySelector('main article header').firstElementChild.tagName")
            assert first == "H1"
            assert reader.driver.find_element("css selector", "main h1").text.startswith("值班 SOP")
            # Above the contents, the checklist bar and the body.
            top = lambda css: reader.driver.execute_script(  # noqa: E731
                f"const e = document.querySelector({css!r}); return e ? e.getBoundingClientRect().top : 1e9")
            assert top("main h1") < top(".checklist-bar") and top("main h1") < top(".body")
        reader.open(serve(reading_site) + "zh-Hant/sops/duty/index.html")
        font = reader.driver.execute_script("return getComputedStyle(document.querySelector('pre code')).fontFamily")
        assert "monospace" in font


def test_cards_describe_their_own_page_and_lists_are_paged(reading_site, serve, browser, phone):
    base = serve(reading_site)
    for reader in (browser, phone):
        for url in urls(base, reading_site, "notes/index.html"):
            reader.open(url)
            cards = reader.driver.find_elements("css selector", "ul.cards li.card")
            assert 0 < len(cards) <= 50
            texts = [c.text for c in cards]
            assert not any("站点的描述" in t for t in texts)
            assert any("第 0 篇笔记的第一段" in t for t in texts)
            # Every page of the list is a link on the first, without script.
            pages = reader.driver.find_elements("css selector", "nav.pagination a")
            assert [p.text for p in pages if p.text.isdigit()] == ["1", "2", "3"]
        reader.open(base + "notes/page/3/index.html")
        assert "笔记 119" in reader.driver.find_element("css selector", "main").text


def test_the_home_page_says_what_the_handbook_holds(reading_site, serve, phone):
    for url in urls(serve(reading_site), reading_site, "index.html"):
        phone.open(url)
        overview = phone.driver.find_element("css selector", ".overview").text
        assert "120" in overview and "1" in overview


def test_ticks_follow_their_item_and_are_shared_by_editions(make_site, build_site, serve, browser):
    files = dict(READING_SITE)
    site = build_site(make_site(files))
    base = serve(site)
    browser.open(base + "sops/duty/index.html")
    boxes = browser.driver.find_elements("css selector", "li.task input[type=checkbox]")
    boxes[1].click()  # 巡群
    # The same page in the Traditional edition shows the tick on the same item.
    browser.open(base + "zh-Hant/sops/duty/index.html")
    ticked = browser.driver.execute_script(
        "return Array.from(document.querySelectorAll('li.task')).filter(li => li.querySelector('input').checked)"
        ".map(li => li.textContent.trim())")
    assert ticked == ["巡群"]
    # An item added above it: the tick stays on 巡群, at its new place.
    files["content/sops/duty.md"] = files["content/sops/duty.md"].replace("- [ ] 发早报\n", "- [ ] 交接\n- [ ] 发早报\n")
    site2 = build_site(make_site(files))
    base2 = serve(site2)
    # Same origin is needed for the same storage: copy the saved ticks over.
    saved = browser.driver.execute_script("return JSON.stringify(Object.assign({}, localStorage))")
    browser.open(base2 + "index.html")
    browser.driver.execute_script(
        "const s = JSON.parse(arguments[0]); for (const k in s) localStorage.setItem(k, s[k]);", saved)
    browser.open(base2 + "sops/duty/index.html")
    ticked = browser.driver.execute_script(
        "return Array.from(document.querySelectorAll('li.task')).filter(li => li.querySelector('input').checked)"
        ".map(li => li.textContent.trim())")
    assert ticked == ["巡群"]


def test_the_404_page_links_work_from_any_depth(reading_site, serve, browser):
    base = serve(reading_site)
    browser.open(base + "404.html")
    assert not browser.driver.find_elements("css selector", ".menu-toggle")
    for a in browser.driver.find_elements("css selector", ".edition-switch a"):
        assert a.get_attribute("getAttribute" and "href").startswith(base)
        assert a.get_dom_attribute("href").startswith("/")


@pytest.mark.parametrize("page", ["index.html", "groups/nanjing/index.html", "sops/daily-operations/index.html",
                                  "health/index.html", "search/index.html?q=%E7%A6%81%E8%A8%80"])
def test_no_serious_accessibility_finding_in_the_dark_theme(page, sample_site, serve, browser):
    browser.color_scheme("dark")
    browser.open(serve(sample_site) + page)
    if "search/" in page:
        browser.wait_for("document.querySelectorAll('[data-search-results] a').length > 0")
    violations = [v for v in browser.axe() if v.get("impact") in ("serious", "critical")]
    assert violations == [], [(v["id"], v.get("nodes", [{}])[0].get("target")) for v in violations]
