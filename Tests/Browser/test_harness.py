"""The harness itself: a built site is served and opened, and what the page asked for is seen."""


def test_sample_home_loads_from_loopback_only(sample_site, serve, browser):
    base = serve(sample_site)
    browser.open(base + "index.html")
    assert browser.driver.title
    assert any(url.startswith(base) for url in browser.requests())
    assert browser.outside_requests((base,)) == []
    assert "/index.html" in serve.requests


def test_console_errors_are_collected(make_site, build_site, serve, browser):
    site = make_site({
        "playbook.yml": "title: 测试\nmarkdown:\n  unsafe: true\n",
        "content/index.md": "---\ntitle: 首页\n---\n正文\n\n<img src=\"missing.png\" alt=\"缺\">\n",
    })
    base = serve(build_site(site))
    browser.open(base + "index.html")
    assert any("missing.png" in entry["message"] for entry in browser.console_errors())


def test_page_opened_from_disk_renders(sample_site, browser):
    browser.open((sample_site / "index.html").as_uri())
    assert browser.driver.find_element("css selector", "main")


def test_axe_runs_and_reports_violations_as_data(make_site, build_site, browser):
    # An image without alternative text is a violation axe always reports: the harness must see it.
    site = make_site({
        "playbook.yml": "title: 测试\nmarkdown:\n  unsafe: true\n",
        "content/index.md": "---\ntitle: 首页\n---\n正文\n\n<img src=\"x.png\">\n",
    })
    out = build_site(site)
    browser.open((out / "index.html").as_uri())
    ids = {v["id"] for v in browser.axe({"runOnly": ["image-alt"]})}
    assert "image-alt" in ids
