"""Citation previews in a real browser: hover, keyboard focus and touch."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser
URL = "help/"


def test_hover_shows_the_article(page: object, server: str) -> None:
    page.goto(server + URL)
    link = page.locator("a.kb-cite").first
    link.hover()
    popover = page.locator("#kb-cite-popover")
    popover.wait_for(state="visible")
    key = link.get_attribute("data-kb-cite")
    expected = page.evaluate(f"document.querySelector('.kb-cite-previews [data-kb-cite=\"{key}\"]').textContent")
    assert popover.inner_text().split()[0] in expected
    assert link.get_attribute("aria-describedby") == "kb-cite-popover"
    page.mouse.move(0, 0)
    popover.wait_for(state="hidden")


def test_keyboard_focus_shows_and_escape_hides(page: object, server: str) -> None:
    page.goto(server + URL)
    page.locator("a.kb-cite").first.focus()
    popover = page.locator("#kb-cite-popover")
    popover.wait_for(state="visible")
    page.keyboard.press("Escape")
    popover.wait_for(state="hidden")
    assert page.evaluate("document.activeElement.classList.contains('kb-cite')")


def test_first_tap_previews_second_tap_follows(browser: object, server: str) -> None:
    context = browser.new_context(has_touch=True, is_mobile=True, viewport={"width": 360, "height": 740})
    try:
        tab = context.new_page()
        tab.goto(server + URL)
        link = tab.locator("a.kb-cite").first
        href = link.get_attribute("href")
        link.tap()
        popover = tab.locator("#kb-cite-popover")
        popover.wait_for(state="visible")
        assert server + URL == tab.url, "the first tap must not leave the page"
        assert popover.locator("a").first.get_attribute("href").endswith(href.split("/")[-1])
        link.tap()
        tab.wait_for_url("**/law/**")
        assert "#art-" in tab.url
    finally:
        context.close()


def test_law_page_more_link_filters_the_case_index(page: object, server: str) -> None:
    """Under a much-cited article, "more" opens the case index filtered to that article."""
    page.goto(server + "law/anti-domestic-violence-law/")
    more = page.locator("a[href*='?cite=anti-domestic-violence-law:art-23']").first
    href = more.get_attribute("href")
    page.goto(server + "law/anti-domestic-violence-law/" + href)
    page.locator("[data-kb-filter-cite]").wait_for(state="visible")
    rows = page.locator(".md-typeset table tbody tr")
    shown = [row for row in rows.all() if row.is_visible()]
    assert 0 < len(shown) < rows.count()
    for row in shown:
        assert row.locator('[data-kb-cite="anti-domestic-violence-law#art-23"]').count() == 1
    assert "反家庭暴力法第二十三条" in page.locator("[data-kb-filter-cite-name]").inner_text()
