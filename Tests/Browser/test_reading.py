"""Issue 20 in a real browser, each at 390 px and 1280 px, light and dark, served from 127.0.0.1
and opened from disk: the home page says what the handbook holds; folder lists show their groups'
Chinese names and counts, in both editions; the menu leads to a list of the templates; lists and
tag pages are paged, every page reachable without script; a page's title comes first; cards
describe their own page; checklist ticks follow their item's text across edits and editions; the
smaller defects stay fixed (monospace code on Traditional pages, tags and labels in the edition's
script, the edition switch on screen, catalog names unbroken); table columns stay readable at
390 px; and axe-core finds nothing serious on the home page, a group, an SOP, the health view and
a search with results, in both themes, served and from disk."""

from __future__ import annotations

import subprocess

import pytest

SCHEMES = ["light", "dark"]


def charter(title: str) -> str:
    return f"---\ntitle: {title}\nkind: group\n---\n## 同好\n\n读书的人。\n"


READING_SITE = {
    "playbook.yml": (
        "title: 阅读测试\nlanguage: zh-Hans\ndescription: 站点的描述，不该出现在卡片上。\n"
        "severity:\n  \"*\": warning\n"
        "editions:\n  languages:\n    - zh-Hans\n    - {language: zh-Hant-TW, prefix: zh-Hant}\n"),
    "content/index.md": "---\ntitle: 首页\n---\n欢迎来到手册。\n",
    "content/sops/duty.md": (
        "---\nkind: sop\nowner: 甲\ntags: [复盘]\n---\n# 值班 SOP\n\n值班的第一段话，说明这页是做什么的。\n\n## 目的\n\n保持群活跃。\n\n"
        "## 步骤\n\n- [ ] 发早报\n- [ ] 巡群\n- [ ] 晚间总结\n\n## 指标\n\n活跃度。\n\n```sh\nplaybook new group x --from y\n```\n"),
    **{f"content/notes/n{i:03}.md": f"---\ntitle: 笔记 {i}\ntags: [值班]\n---\n第 {i} 篇笔记的第一段。\n" for i in range(120)},
    # A city's groups in a folder without an index page, and a replication template kept outside
    # templates/: the lists show the city's Chinese name, and the menu a list of the templates.
    **{f"content/groups/beijing/g{i}/index.md": charter(f"北京{name} {i} 群")
       for i, name in enumerate(["读书会", "跑步群", "摄影社"], 1)},
    "content/network/city.md": (
        "---\ntitle: 城市分会模板\nkind: template\nversion: 1.0.0\n"
        "variables:\n  - name: city\n    description: 城市名\n    required: true\n---\n这是模板。\n"),
}


@pytest.fixture(scope="module")
def reading_site(make_site, build_site):
    return build_site(make_site(READING_SITE))


def urls(base, site, path):
    """The page served from 127.0.0.1 and opened from disk."""
    return [base + path, (site / path).as_uri()]


def views(browser, phone):
    """Every reader the tests look through: 1280 px and 390 px, light and dark."""
    for reader in (browser, phone):
        for scheme in SCHEMES:
            reader.color_scheme(scheme)
            yield reader


def text_of(reader, css: str) -> str:
    """An element's text whether shown or not (the menu is folded away on a phone)."""
    return reader.driver.execute_script(
        "const e = document.querySelector(arguments[0]); return e ? e.textContent : ''", css)


def test_lists_show_chinese_names_counts_and_every_page_without_script(reading_site, serve, browser, phone):
    base = serve(reading_site)
    for reader in views(browser, phone):
        for url in urls(base, reading_site, "groups/index.html"):
            reader.open(url)
            cards = reader.driver.execute_script(
                "return Array.from(document.querySelectorAll('ul.cards li.card')).map(li => li.textContent)")
            city = [c for c in cards if "北京" in c]
            assert city and "3" in city[0] and "北京读书会 1 群" in city[0], cards
            assert not any("beijing" in c for c in cards), cards
            width, viewport = reader.scroll_width()
            assert width <= viewport
        for url in urls(base, reading_site, "zh-Hant/groups/index.html"):
            reader.open(url)
            assert "北京讀書會 1 群" in reader.driver.find_element("css selector", "main").text
        # A tag's pages are paged, every page linked without script.
        for url in urls(base, reading_site, "tags/值班/index.html"):
            reader.open(url)
            assert len(reader.driver.find_elements("css selector", "ul.cards li.card")) == 50
            links = reader.driver.find_elements("css selector", "nav.pagination a")
            hrefs = [a.get_attribute("href") for a in links if a.text == "3"]
            assert hrefs
            reader.open(hrefs[0])
            assert len(reader.driver.find_elements("css selector", "ul.cards li.card")) == 20


def test_the_menu_leads_to_a_list_of_the_templates_in_each_edition(reading_site, serve, browser, phone):
    base = serve(reading_site)
    for reader in views(browser, phone):
        for prefix, label in (("", "复制模板"), ("zh-Hant/", "複製模板")):
            for url in urls(base, reading_site, prefix + "index.html"):
                reader.open(url)
                assert label in text_of(reader, "#site-nav")
                href = reader.driver.execute_script(
                    "return Array.from(document.querySelectorAll('#site-nav a'))"
                    ".find(a => a.textContent.includes(arguments[0])).href", label)
                reader.open(href)
                assert reader.driver.find_element("css selector", "main h1").text == label
                entry = reader.driver.find_element("css selector", ".template-entry").text
                assert "城市分会模板" in entry or "城市分會模板" in entry
                width, viewport = reader.scroll_width()
                assert width <= viewport


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
        for url in urls(serve(reading_site), reading_site, "zh-Hant/sops/duty/index.html"):
            reader.open(url)
            font = reader.driver.execute_script(
                "return getComputedStyle(document.querySelector('pre code')).fontFamily")
            assert "monospace" in font


def test_cards_describe_their_own_page_and_lists_are_paged(reading_site, serve, browser, phone):
    base = serve(reading_site)
    for reader in views(browser, phone):
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
            reader.open([p for p in pages if p.text == "3"][0].get_attribute("href"))
            assert "笔记 119" in reader.driver.find_element("css selector", "main").text


def test_the_home_page_says_what_the_handbook_holds(reading_site, serve, browser, phone):
    base = serve(reading_site)
    for reader in views(browser, phone):
        for url in urls(base, reading_site, "index.html"):
            reader.open(url)
            overview = reader.driver.find_element("css selector", ".overview").text
            assert "120" in overview and "复制模板" in overview


def test_ticks_follow_their_item_and_are_shared_by_editions(make_site, playbook, workdir, serve, browser, phone):
    files = dict(READING_SITE)
    first = make_site(files)
    # The next version of the handbook adds an item above 巡群; it is built into the same folder.
    files["content/sops/duty.md"] = files["content/sops/duty.md"].replace("- [ ] 发早报\n", "- [ ] 交接\n- [ ] 发早报\n")
    second = make_site(files)
    out = workdir / "ticks" / "public"
    out.parent.mkdir(parents=True, exist_ok=True)

    def build(source):
        run = subprocess.run([str(playbook), "build", "--source", str(source), "--output", str(out), "-q"],
                             capture_output=True, text=True, timeout=600)
        assert run.returncode == 0, run.stdout + run.stderr

    def ticked(reader):
        return reader.driver.execute_script(
            "return Array.from(document.querySelectorAll('li.task')).filter(li => li.querySelector('input').checked)"
            ".map(li => li.textContent.trim())")

    build(first)
    roots = [serve(out), out.as_uri() + "/"]
    for reader in views(browser, phone):
        build(first)
        for root in roots:
            reader.open(root + "sops/duty/index.html")
            reader.driver.execute_script("localStorage.clear()")
            reader.open(root + "sops/duty/index.html")
            reader.driver.find_elements("css selector", "li.task input[type=checkbox]")[1].click()  # 巡群
            # The same page in the Traditional edition shows the tick on the same item.
            reader.open(root + "zh-Hant/sops/duty/index.html")
            assert ticked(reader) == ["巡群"], root
        build(second)
        for root in roots:
            reader.open(root + "sops/duty/index.html")
            assert ticked(reader) == ["巡群"], root
            reader.open(root + "zh-Hant/sops/duty/index.html")
            assert ticked(reader) == ["巡群"], root


def test_smaller_defects_stay_fixed(reading_site, sample_site, serve, browser, phone):
    base, sample = serve(reading_site), serve(sample_site)
    for reader in views(browser, phone):
        for url in urls(base, reading_site, "zh-Hant/sops/duty/index.html"):
            reader.open(url)
            # Tags in the edition's script, labels followed by a full-width colon, no English
            # names for landmarks in a Chinese interface.
            assert "#復盤" in reader.driver.find_element("css selector", ".tags").text
            labels = reader.driver.execute_script(
                "return Array.from(document.querySelectorAll('[aria-label]')).map(e => e.getAttribute('aria-label'))")
            assert labels and not [label for label in labels if any("a" <= c.lower() <= "z" for c in label)], labels
            # The edition switch is on screen at the top, not inside the folded menu.
            switch = reader.driver.execute_script(
                "const r = document.querySelector('.edition-switch').getBoundingClientRect();"
                "return [r.width > 0 && r.height > 0, r.top]")
            assert switch[0] and switch[1] < 120
        for url in urls(sample, sample_site, "zh-Hant/templates/index.html"):
            reader.open(url)
            # A variable's name stays on one line (`owne|r` at 390 px was the bug).
            broken = reader.driver.execute_script(
                "return Array.from(document.querySelectorAll('table.variables td:first-child code'))"
                ".filter(c => c.getClientRects().length > 1).map(c => c.textContent)")
            assert broken == []
            main = reader.driver.find_element("css selector", "main").text
            assert ": " not in main


def test_table_columns_stay_readable_at_390px(sample_site, serve, phone):
    # Issue 20: a table wider than a phone scrolls inside its box; no column is squeezed to a
    # few characters a line (each cell of more than eight characters keeps about eight).
    base = serve(sample_site)
    pages = [p for p in sorted(sample_site.rglob("*.html"))
             if '<div class="table-wrap"' in p.read_text(encoding="utf-8")]
    assert len(pages) >= 6
    squeezed = []
    for page in pages:
        rel = str(page.relative_to(sample_site))
        for url in (base + rel, page.as_uri()):
            phone.open(url)
            cells = phone.driver.execute_script(
                "return Array.from(document.querySelectorAll('.body .table-wrap th, .body .table-wrap td'))"
                ".filter(c => c.textContent.trim().length > 8).map(c => { const s = getComputedStyle(c);"
                " const inner = c.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);"
                " return [c.textContent.trim().slice(0, 12), inner / parseFloat(s.fontSize)]; })")
            squeezed += [(rel, text, round(ems, 1)) for text, ems in cells if ems < 8]
            width, viewport = phone.scroll_width()
            assert width <= viewport, rel
    assert squeezed == []


def test_the_404_page_links_work_from_any_depth(reading_site, serve, browser):
    base = serve(reading_site)
    browser.open(base + "404.html")
    assert not browser.driver.find_elements("css selector", ".menu-toggle")
    for a in browser.driver.find_elements("css selector", ".edition-switch a"):
        assert a.get_attribute("getAttribute" and "href").startswith(base)
        assert a.get_dom_attribute("href").startswith("/")


AXE_PAGES = ["index.html", "groups/nanjing/index.html", "sops/daily-operations/index.html", "health/index.html",
             "search/index.html?q=%E7%A6%81%E8%A8%80"]


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("page", AXE_PAGES)
def test_no_serious_accessibility_finding_served_or_from_disk(page, scheme, sample_site, serve, browser, phone):
    base = serve(sample_site)
    for reader in (browser, phone):
        reader.color_scheme(scheme)
        for url in (base + page, (sample_site / page.split("?")[0]).as_uri() + ("?" + page.split("?")[1] if "?" in page else "")):
            reader.open(url)
            if "search/" in page:
                reader.wait_for("document.querySelectorAll('[data-search-results] a').length > 0")
            violations = [v for v in reader.axe() if v.get("impact") in ("serious", "critical")]
            assert violations == [], (url, [(v["id"], v.get("nodes", [{}])[0].get("target")) for v in violations])
