"""The offline bundle: `make offline` builds a zip that works from file://, search included."""

from __future__ import annotations

import os
import subprocess
import zipfile
from pathlib import Path

import pytest

from kb.paths import ROOT

pytestmark = pytest.mark.browser
ZIP = ROOT / "build" / "womens-rights-kb-offline.zip"


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    result = subprocess.run(["make", "offline"], cwd=ROOT, capture_output=True, text=True, check=False,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    target = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(ZIP) as bundle:
        bundle.extractall(target)
    return target / "womens-rights-kb"


@pytest.mark.parametrize(("page", "query"), [("help/index.html", "保护令"), ("en/help/index.html", "protection order")])
def test_bundle_works_from_disk_with_search(browser: object, unpacked: Path, page: str, query: str) -> None:
    context = browser.new_context()
    try:
        tab = context.new_page()
        errors: list[str] = []
        requests: list[str] = []
        tab.on("console", lambda message: message.type == "error" and errors.append(message.text))
        tab.on("request", lambda request: requests.append(request.url))
        tab.goto((unpacked / page).as_uri())
        assert "tel:12338" in tab.content()
        tab.keyboard.press("/")
        tab.locator(".md-search__input").type(query)
        tab.keyboard.press("End")
        tab.wait_for_selector(".md-search-result__item", timeout=20000)
        first = tab.eval_on_selector_all(".md-search-result__item a", "links => links.map(a => a.href)")
        assert first and all(href.startswith("file://") for href in first)
        # Following a result opens the page from the bundle.
        tab.goto(first[0])
        assert tab.locator("h1").count() >= 1
        # Material reads sitemap.xml next to the site; browsers refuse any request
        # from a file:// page, so that one error is expected and harmless offline.
        errors = [e for e in errors if "sitemap.xml" not in e and "net::ERR_FAILED" not in e]
        assert not errors, errors
        assert all(url.startswith(("file://", "data:", "blob:", "about:")) for url in requests), \
            [url for url in requests if not url.startswith("file://")]
    finally:
        context.close()


@pytest.mark.parametrize(("page", "language"), [("help/index.html", "zh"), ("en/help/index.html", "en")])
def test_bundle_search_without_results_shows_help_from_disk(browser: object, unpacked: Path, page: str,
                                                            language: str) -> None:
    """The no-dead-end panel and the Chinese character fallback work from file:// too."""
    from tests.browser.test_search_help import IN_ORDER, NOTHING, assert_help_panel, search

    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.goto((unpacked / page).as_uri())
        tab.keyboard.press("/")
        search(tab, NOTHING[language])
        assert_help_panel(tab, language)
        if language == "zh":
            search(tab, IN_ORDER)
            similar = tab.locator(".kb-search-help__similar a")
            similar.first.wait_for(state="visible")
            assert all(href.startswith("file://") for href in
                       tab.eval_on_selector_all(".kb-search-help a[href^='file'], .kb-search-help__similar a",
                                                "links => links.map(a => a.href)"))
    finally:
        context.close()
