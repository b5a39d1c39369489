"""The colour palette (docs/assets/javascripts/palette.js, in place of Material's
palette component): the reader's system setting is applied before the page's
content is parsed, the toggle switches and shows the right button, the keyboard
works, and the page follows a change of the system setting until the reader
picks a palette."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

LAW = "law/anti-domestic-violence-law/"

# Records the palette <body> has when the page's <article> is inserted, i.e. before the content is parsed.
RECORD_AT_ARTICLE = """
new MutationObserver((records, observer) => {
  const article = document.querySelector("article");
  if (article && !("kbSchemeAtArticle" in window)) {
    window.kbSchemeAtArticle = document.body.getAttribute("data-md-color-scheme");
    window.kbColorSchemeMetaAtArticle = (document.head.querySelector('meta[name="color-scheme"]') || {}).content;
    observer.disconnect();
  }
}).observe(document, {childList: true, subtree: true});
"""

STATE = """() => ({
  scheme: document.body.getAttribute("data-md-color-scheme"),
  colorScheme: (document.head.querySelector('meta[name="color-scheme"]') || {}).content,
  themeColor: (document.head.querySelector('meta[name="theme-color"]') || {}).content,
  shown: [...document.querySelectorAll("[data-kb-palette] label")].filter(l => !l.hidden).map(l => l.htmlFor),
  checked: [...document.querySelectorAll("[data-kb-palette] input")].filter(i => i.checked).map(i => i.id),
})"""

EXPECTED = {
    "light": {"scheme": "default", "colorScheme": "light", "shown": ["__palette_1"], "checked": ["__palette_0"]},
    "dark": {"scheme": "slate", "colorScheme": "dark", "shown": ["__palette_0"], "checked": ["__palette_1"]},
}
OTHER = {"light": "dark", "dark": "light"}


def state(page: object) -> dict[str, object]:
    found = page.evaluate(STATE)
    assert found["themeColor"] and found["themeColor"].startswith("#"), found
    del found["themeColor"]
    return found


@pytest.fixture(params=["light", "dark"])
def scheme_page(request: pytest.FixtureRequest, browser: object) -> object:
    context = browser.new_context(color_scheme=request.param)
    page = context.new_page()
    page.scheme = request.param
    yield page
    context.close()


def test_system_setting_applied_before_the_content_is_parsed(scheme_page: object, server: str) -> None:
    page = scheme_page
    page.add_init_script(RECORD_AT_ARTICLE)
    page.goto(server + LAW, wait_until="load")
    assert state(page) == EXPECTED[page.scheme]
    assert page.evaluate("window.kbSchemeAtArticle") == EXPECTED[page.scheme]["scheme"]
    assert page.evaluate("window.kbColorSchemeMetaAtArticle") == EXPECTED[page.scheme]["colorScheme"]
    # Material's own palette component (which restyles the whole page after load) is not mounted.
    assert page.locator("[data-md-component=palette]").count() == 0


def test_toggle_switches_both_ways(scheme_page: object, server: str) -> None:
    page = scheme_page
    page.goto(server + LAW, wait_until="load")
    page.locator("[data-kb-palette] label:not([hidden])").click()
    assert state(page) == EXPECTED[OTHER[page.scheme]]
    page.locator("[data-kb-palette] label:not([hidden])").click()
    assert state(page) == EXPECTED[page.scheme]
    page.wait_for_function("!document.body.hasAttribute('data-md-color-switching')")


def test_enter_on_the_focused_option_moves_to_the_next_palette(scheme_page: object, server: str) -> None:
    page = scheme_page
    page.goto(server + "en/" + LAW, wait_until="load")
    page.focus("#" + EXPECTED[page.scheme]["checked"][0])
    page.keyboard.press("Enter")
    assert state(page) == EXPECTED[OTHER[page.scheme]]
    assert page.evaluate("document.activeElement.id") == EXPECTED[OTHER[page.scheme]]["checked"][0]


def test_follows_the_system_until_the_reader_chooses(scheme_page: object, server: str) -> None:
    page = scheme_page
    page.goto(server + LAW, wait_until="load")
    page.emulate_media(color_scheme=OTHER[page.scheme])
    page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') === "
                           f"'{EXPECTED[OTHER[page.scheme]]['scheme']}'")
    assert state(page) == EXPECTED[OTHER[page.scheme]]
    page.locator("[data-kb-palette] label:not([hidden])").click()
    assert state(page) == EXPECTED[page.scheme]
    page.emulate_media(color_scheme=page.scheme)
    page.emulate_media(color_scheme=OTHER[page.scheme])
    page.wait_for_timeout(200)
    assert state(page) == EXPECTED[page.scheme], "the reader's choice was overridden by the system setting"
