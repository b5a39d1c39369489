"""No dead ends in search: a query that finds nothing shows help instead of an empty list."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

RESULTS_READY = """() => {
    const meta = document.querySelector('.md-search-result__meta');
    return meta !== null && /\\d|没有|No matching/.test(meta.textContent);
}"""
# Nothing on the site contains these words; 鉴伤 is two characters that appear, in this
# order, only apart (鉴定伤情), so search finds no word but the fallback finds pages.
NOTHING = {"zh": "飞船火箭", "en": "qqzzxv"}
IN_ORDER = "鉴伤"


def search(tab: object, query: str) -> None:
    """Type ``query`` into the open search box as a reader does, and wait for Material's answer."""
    box = tab.locator(".md-search__input")
    box.fill("")
    tab.keyboard.press("End")
    box.type(query, delay=20)
    tab.keyboard.press("End")
    tab.wait_for_function(RESULTS_READY, timeout=30000)
    tab.wait_for_timeout(300)


def open_search(tab: object, url: str) -> None:
    tab.goto(url)
    tab.keyboard.press("/")
    # Warm up: the first query waits until the index has been fetched and built.
    search(tab, "法" if "/en/" not in url else "law")
    tab.wait_for_selector(".md-search-result__item", timeout=30000)


def assert_help_panel(tab: object, language: str) -> None:
    panel = tab.locator(".kb-search-help")
    panel.wait_for(state="visible")
    text = panel.inner_text()
    assert NOTHING[language] in text or IN_ORDER in text
    for number in ("110", "12338", "12348"):
        assert tab.locator(f'.kb-search-help a[href="tel:{number}"]').count() == 1
        # Named as the emergency strip names them (kb/ui_strings.yml), not by a second list.
        strip = " ".join(tab.locator(f'.kb-emergency a[href="tel:{number}"]').text_content().split())
        assert tab.locator(f'.kb-search-help a[href="tel:{number}"]').text_content() == strip
    assert ("各地服务时间不同" if language == "zh" else "hours vary") in panel.inner_text()
    hrefs = [a.get_attribute("href") for a in tab.locator(".kb-search-help__pages a").all()]
    root = "/en/" if language == "en" else "/"
    # Served: .../help/; from disk (the offline bundle): .../help/index.html.
    assert [h.split("womens-rights-kb", 1)[-1].removesuffix("index.html") for h in hrefs] == \
        [root + "help/", root + "questions/"], hrefs


@pytest.mark.parametrize("language", ["zh", "en"])
def test_nothing_found_shows_numbers_help_and_questions(page: object, server: str, language: str) -> None:
    open_search(page, server + ("en/" if language == "en" else ""))
    assert not page.locator(".kb-search-help").is_visible(), "the panel shows while results are listed"
    search(page, NOTHING[language])
    assert page.locator(".md-search-result__item").count() == 0
    assert_help_panel(page, language)
    for link in page.locator(".kb-search-help__pages a").all():
        assert page.request.get(link.get_attribute("href")).status == 200
    search(page, "保护令" if language == "zh" else "protection order")
    page.wait_for_selector(".md-search-result__item")
    assert not page.locator(".kb-search-help").is_visible()


def test_chinese_characters_in_order_are_found_when_no_word_matches(page: object, server: str) -> None:
    open_search(page, server)
    search(page, IN_ORDER)
    assert page.locator(".md-search-result__item").count() == 0, "鉴伤 became a word on the site: pick another"
    similar = page.locator(".kb-search-help__similar a")
    similar.first.wait_for(state="visible")
    assert 0 < similar.count() <= 8
    target = similar.first.get_attribute("href")
    page.goto(target)
    text = page.locator("article").inner_text().replace("\n", "")
    assert "鉴" in text and text.index("鉴") < text.rindex("伤")
