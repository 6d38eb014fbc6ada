"""Script editions (issue 14) in headless Chromium on the sample handbook, which has a Simplified
edition at the root and a Traditional (Taiwan) one under zh-Hant/."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from test_search import pages_found, search

KEY = "playbook-edition"


@pytest.fixture
def sample(sample_site, serve):
    return serve(sample_site)


def choose(browser, base: str, edition: str):
    """Records a reader's earlier choice, as the switcher does."""
    browser.open(base + "about/index.html")
    browser.driver.execute_script("localStorage.setItem(arguments[0], arguments[1]);", KEY, edition)


def path(browser, base: str) -> str:
    return browser.driver.current_url[len(base):]


def test_first_visit_picks_the_edition_of_the_browser_language(sample, browser):
    # A reader in Taiwan: the browser's languages say zh-TW before anything else.
    browser.driver.execute_cdp_cmd(
        "Page.addScriptToEvaluateOnNewDocument",
        {"source": "Object.defineProperty(navigator, 'languages', {get: () => ['zh-TW', 'en']});"},
    )
    browser.open(sample + "groups/hangzhou/index.html")
    browser.wait_for("location.pathname.endsWith('/zh-Hant/groups/hangzhou/index.html')")
    browser.wait_for("document.readyState === 'complete'")
    assert browser.driver.execute_script("return localStorage.getItem(arguments[0]);", KEY) == "zh-Hant-TW"
    assert browser.driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-Hant-TW"
    # Only the first visit: the choice stands until the reader switches.
    browser.open(sample + "rules/network-rules/index.html")
    browser.wait_for("location.pathname.endsWith('/zh-Hant/rules/network-rules/index.html')")


def test_switcher_leads_to_the_same_page_and_the_choice_is_remembered(sample, browser):
    browser.open(sample + "groups/hangzhou/index.html")
    assert browser.driver.find_element(By.TAG_NAME, "h1").text == "杭州分会 Hangzhou Chapter"
    browser.driver.find_element(By.CSS_SELECTOR, '.edition-switch a[data-edition="zh-Hant-TW"]').click()
    browser.wait_for("location.pathname.endsWith('/zh-Hant/groups/hangzhou/index.html')")
    browser.wait_for("document.readyState === 'complete'")
    assert browser.driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-Hant-TW"
    assert browser.driver.find_element(By.TAG_NAME, "h1").text == "杭州分會 Hangzhou Chapter"
    current = browser.driver.find_element(By.CSS_SELECTOR, '.edition-switch a[aria-current="true"]')
    assert current.text == "繁體"
    # An anchor written for the Simplified page reaches the converted heading.
    browser.open(sample + "zh-Hant/groups/hangzhou/index.html#二结构-structure")
    heading = browser.driver.find_element(By.ID, "二结构-structure")
    assert heading.text.startswith("二、結構")
    # Later visits to the Simplified edition go to the reader's edition.
    browser.open(sample + "groups/taipei/index.html")
    browser.wait_for("location.pathname.endsWith('/zh-Hant/groups/taipei/index.html')")
    back = browser.driver.find_element(By.CSS_SELECTOR, '.edition-switch a[data-edition="zh-Hans"]')
    back.click()
    browser.wait_for("location.pathname.endsWith('/groups/taipei/index.html') && !location.pathname.includes('zh-Hant')")
    assert browser.driver.find_element(By.TAG_NAME, "h1").text.startswith("台北分会")


def test_search_in_each_edition_finds_pages_written_in_either_script(sample, browser):
    choose(browser, sample, "zh-Hant-TW")
    search(browser, sample + "zh-Hant/", "群规")
    # A chapter's copy of the template's rules may be listed under another chapter's (issue 24).
    traditional = pages_found(browser, sample + "zh-Hant/")
    assert "rules/network-rules/" in traditional  # written in Simplified, shown converted
    assert "groups/taipei/rules/" in traditional  # written in Traditional
    choose(browser, sample, "zh-Hans")
    search(browser, sample, "群規")
    simplified = pages_found(browser, sample)
    assert "rules/network-rules/" in simplified
    assert "groups/taipei/rules/" in simplified
