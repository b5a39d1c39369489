"""Accessibility in a real browser: axe-core (WCAG 2.1 A/AA) in both languages
and both palettes, keyboard use, language attributes, phones and print."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

import pytest

from tests.browser.pages import CONTENT_PAGES, PAGES

pytestmark = pytest.mark.browser

WCAG_TAGS = {"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}
# Current axe-core, vendored (tests/browser/vendor/axe-core/README.md): axe-playwright-python
# bundles 4.12.1, which does not report everything current axe-core does.
AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
AXE_VERSION = "4.14.1"
AXE_SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"


@lru_cache(maxsize=1)
def axe_source() -> str:
    source = AXE.read_bytes()
    assert hashlib.sha256(source).hexdigest() == AXE_SHA256, "tests/browser/vendor/axe-core/axe.min.js changed"
    return source.decode("utf-8")


def serious_violations(page: object) -> list[str]:
    page.add_script_tag(content=axe_source())
    assert page.evaluate("axe.version") == AXE_VERSION
    # Label in name (WCAG 2.5.3) too: axe-core files it as experimental, so it is asked for by name.
    response = page.evaluate(
        "options => axe.run(document, options)",
        {"runOnly": {"type": "tag", "values": sorted(WCAG_TAGS)}, "resultTypes": ["violations"],
         "rules": {"label-content-name-mismatch": {"enabled": True}}})
    found = []
    for violation in response["violations"]:
        if violation["impact"] in ("serious", "critical"):
            targets = [node["target"] for node in violation["nodes"][:3]]
            found.append(f"{violation['id']} ({violation['impact']}): {targets}")
    return found


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("url", PAGES)
def test_axe_finds_no_serious_violation(browser: object, server: str, url: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme, bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(server + url, wait_until="load")
        expected = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
        violations = serious_violations(page)
        assert not violations, "\n".join(violations)
    finally:
        context.close()


@pytest.mark.parametrize("url", PAGES)
def test_lang_attribute_matches_the_language(page: object, server: str, url: str) -> None:
    page.goto(server + url)
    assert page.evaluate("document.documentElement.lang") == ("en" if url.startswith("en/") else "zh")


def test_skip_link_and_visible_focus(page: object, server: str) -> None:
    page.goto(server + "law/anti-domestic-violence-law/")
    page.keyboard.press("Tab")
    first = page.evaluate("({cls: document.activeElement.className, text: document.activeElement.textContent.trim()})")
    assert "md-skip" in first["cls"], first
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle + getComputedStyle(document.activeElement).transform")
    assert outline != "none" + "none"
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    style = focused.evaluate("e => { const s = getComputedStyle(e); return [s.outlineStyle, s.outlineWidth]; }")
    assert style[0] != "none" and style[1] != "0px", f"focus is not visible: {style}"


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_search_usable_by_keyboard(page: object, server: str, prefix: str) -> None:
    page.goto(server + prefix + "help/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("告诫书")
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.closest('.md-search-result__item') !== null")


def test_images_have_alt_text(page: object, server: str) -> None:
    for url in ["", "law/", "en/cases/"]:
        page.goto(server + url)
        missing = page.evaluate("[...document.images].filter(i => !i.hasAttribute('alt')).map(i => i.src)")
        assert not missing, missing


@pytest.mark.parametrize("url", CONTENT_PAGES + ["en/" + u for u in CONTENT_PAGES] + ["cases/", "law/"])
def test_no_horizontal_scroll_at_360px(browser: object, server: str, url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True,
                                  has_touch=True)
    try:
        page = context.new_page()
        page.goto(server + url, wait_until="load")
        widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert widths[0] <= widths[1], f"{url}: page is {widths[0]} px wide in a {widths[1]} px viewport"
        # Wide tables scroll inside their own container.
        overflowing = page.evaluate("""[...document.querySelectorAll('.md-typeset table')]
            .filter(t => t.scrollWidth > t.parentElement.clientWidth)
            .map(t => getComputedStyle(t.parentElement).overflowX)""")
        assert all(value in ("auto", "scroll") for value in overflowing), overflowing
    finally:
        context.close()


@pytest.mark.parametrize("url", CONTENT_PAGES + ["help/application-template/", "training/adv-law-handout/"])
def test_print_hides_navigation_and_shows_address(page: object, server: str, url: str) -> None:
    page.goto(server + url, wait_until="load")
    page.emulate_media(media="print")
    hidden = page.evaluate("""['.md-header', '.md-sidebar--primary', '.md-search', '.kb-quick-exit', '.md-footer',
                              '[data-md-component=announce]', '.kb-share']
        .map(s => document.querySelector(s)).filter(Boolean)
        .filter(e => getComputedStyle(e).display !== 'none').map(e => e.className)""")
    assert not hidden, hidden
    footer = page.locator(".kb-print-footer")
    assert footer.evaluate("e => getComputedStyle(e).display") != "none"
    assert server.split("/")[-2] in footer.inner_text() or "womens-rights-kb" in footer.inner_text()
    assert footer.locator("svg").count() == 1
    pdf = page.pdf(format="A4")
    assert pdf[:4] == b"%PDF"
