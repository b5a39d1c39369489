"""Safety in a real browser: quick exit, nothing stored, no third-party request,
the Content-Security-Policy holds without console errors or failed requests."""

from __future__ import annotations

import pytest

from tests.browser.conftest import EXIT_URL_PREFIX
from tests.browser.pages import PAGES

pytestmark = pytest.mark.browser


def visit(page: object, server: str, url: str) -> None:
    page.goto(server + url, wait_until="load")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_quick_exit_by_click_leaves_no_history_entry(page: object, server: str, prefix: str) -> None:
    visit(page, server, prefix + "help/")
    visit(page, server, prefix + "law/anti-domestic-violence-law/")
    length = page.evaluate("history.length")
    control = page.locator(".kb-quick-exit__link")
    assert control.is_visible()
    assert control.get_attribute("aria-label")
    control.click()
    page.wait_for_url(f"{EXIT_URL_PREFIX}**")
    assert page.evaluate("history.length") == length
    page.go_back(wait_until="load")
    assert page.url == server + prefix + "help/", "the exited page must not be in the history"


def test_quick_exit_by_pressing_shift_three_times(page: object, server: str) -> None:
    visit(page, server, "help/")
    visit(page, server, "cases/")
    length = page.evaluate("history.length")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(f"{EXIT_URL_PREFIX}**")
    assert page.evaluate("history.length") == length
    page.go_back(wait_until="load")
    assert page.url == server + "help/"


def test_shift_pressed_slowly_does_not_exit(page: object, server: str) -> None:
    visit(page, server, "help/")
    for _ in range(3):
        page.keyboard.press("Shift")
        page.wait_for_timeout(600)
    assert page.url == server + "help/"


def test_quick_exit_blanks_the_page_at_once(page: object, server: str) -> None:
    """The moment the control is used, the page is hidden, before the neutral site loads."""
    seen: list[str] = []
    page.expose_function("kbReportExit", lambda visibility, title: seen.append(f"{visibility}|{title}"))
    visit(page, server, "help/")
    page.evaluate("""() => document.addEventListener('kb:exiting', () =>
        window.kbReportExit(getComputedStyle(document.body).visibility, document.title))""")
    page.locator(".kb-quick-exit__link").click()
    page.wait_for_url(f"{EXIT_URL_PREFIX}**")
    assert seen and seen[0].startswith("hidden|"), seen


def test_quick_exit_without_javascript_is_a_link(browser: object, server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(server + "help/")
        href = page.locator(".kb-quick-exit__link").get_attribute("href")
        assert href.startswith(EXIT_URL_PREFIX)
    finally:
        context.close()


def test_quick_exit_is_early_in_keyboard_order(page: object, server: str) -> None:
    visit(page, server, "law/anti-domestic-violence-law/")
    for _ in range(3):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('kb-quick-exit__link')"):
            return
    pytest.fail("the quick-exit control is not among the first three keyboard stops")


@pytest.mark.parametrize("width", [360, 1280])
def test_quick_exit_always_in_view(browser: object, server: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 720})
    try:
        page = context.new_page()
        page.goto(server + "law/anti-domestic-violence-law/")
        page.mouse.wheel(0, 5000)
        page.wait_for_timeout(200)
        box = page.locator(".kb-quick-exit__link").bounding_box()
        assert box and 0 <= box["y"] < 720 and box["x"] + box["width"] <= width
    finally:
        context.close()


def test_nothing_is_left_in_the_browser(page: object, server: str) -> None:
    visit(page, server, "")
    page.locator("label[for='__palette_1']").first.click() if page.locator("label[for='__palette_1']").count() else None
    page.locator(".md-search__input").click() if page.locator(".md-search__input").is_visible() else None
    page.keyboard.type("保护令")
    page.keyboard.press("End")
    page.wait_for_timeout(800)
    visit(page, server, "law/anti-domestic-violence-law/")
    visit(page, server, "en/help/")
    stored = page.evaluate("""async () => ({
        local: Object.keys(localStorage), session: Object.keys(sessionStorage), cookies: document.cookie,
        caches: 'caches' in window ? await caches.keys() : [],
        workers: navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).length : 0})""")
    assert stored == {"local": [], "session": [], "cookies": "", "caches": [], "workers": 0}


@pytest.mark.parametrize("url", PAGES)
def test_no_third_party_request_no_console_error(page: object, server: str, url: str) -> None:
    visit(page, server, url)
    page.wait_for_timeout(300)
    recorder = page.recorder
    assert not recorder.third_party(), recorder.third_party()
    assert not recorder.failures, recorder.failures
    assert not recorder.console_errors, recorder.console_errors


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_search_makes_no_third_party_request(page: object, server: str, prefix: str) -> None:
    visit(page, server, prefix + "help/")
    page.keyboard.press("s")
    page.wait_for_timeout(200)
    page.keyboard.type("保护令" if not prefix else "protection order")
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    recorder = page.recorder
    assert not recorder.third_party(), recorder.third_party()
    assert not recorder.failures, recorder.failures
    assert not recorder.console_errors, recorder.console_errors


def test_content_security_policy_is_set(page: object, server: str) -> None:
    visit(page, server, "help/")
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert "default-src 'self'" in policy and "script-src 'self'" in policy and "img-src 'self' data:" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    # An injected inline script is refused by the policy.
    page.evaluate("""() => { const s = document.createElement('script'); s.textContent = 'window.__inline = 1';
                     document.body.appendChild(s); }""")
    assert page.evaluate("window.__inline === undefined")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_emergency_strip_is_compact_on_a_phone(browser: object, server: str, prefix: str) -> None:
    """At 390 × 844 the strip takes at most 15 % of the first screen, every number and "more"
    is one tap on a target of at least 44 × 44 px, and the 12338 hours caveat is shown."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(server + prefix + "help/")
        strip = page.locator("[data-md-component='announce']").bounding_box()
        assert strip["y"] == 0 and strip["height"] <= 0.15 * 844, strip
        targets = page.locator(".kb-emergency a")
        hrefs = [a.evaluate("a => a.href") for a in targets.all()]
        assert hrefs[:3] == ["tel:110", "tel:12338", "tel:12348"] and hrefs[3].endswith(prefix + "help/"), hrefs
        for link in targets.all():
            box = link.bounding_box()
            assert box["width"] >= 44 and box["height"] >= 44, (link.get_attribute("href"), box)
            assert box["y"] + box["height"] <= strip["height"] + 1
        note = page.locator(".kb-emergency__note")
        assert note.is_visible() and "12338" in note.inner_text()
        exit_box = page.locator(".kb-quick-exit__link").bounding_box()
        assert exit_box["width"] >= 44 and exit_box["height"] >= 44
    finally:
        context.close()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_quick_exit_hint_clears_the_repository_link_on_a_wide_screen(browser: object, server: str,
                                                                     prefix: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto(server + prefix)
        hint = page.locator(".kb-quick-exit__hint").bounding_box()
        source = page.locator(".md-header__source").bounding_box()
        overlap_x = min(hint["x"] + hint["width"], source["x"] + source["width"]) - max(hint["x"], source["x"])
        overlap_y = min(hint["y"] + hint["height"], source["y"] + source["height"]) - max(hint["y"], source["y"])
        assert overlap_x <= 0 or overlap_y <= 0, (hint, source)
    finally:
        context.close()


@pytest.mark.parametrize(("prefix", "visible"), [("", "快速离开"), ("en/", "Quick exit")])
def test_quick_exit_name_contains_its_visible_text(page: object, server: str, prefix: str, visible: str) -> None:
    """Label in name (WCAG 2.5.3): speech users say what they see."""
    page.goto(server + prefix)
    link = page.locator(".kb-quick-exit__link")
    assert link.inner_text().strip() == visible
    assert (link.get_attribute("aria-label") or visible).startswith(visible)
