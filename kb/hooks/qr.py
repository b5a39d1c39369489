"""A QR code of every page's canonical URL, made at build time.

Trainers print handouts and put links on slides; readers scan them with a
phone. The code is an inline SVG (kb/qr.py), so it needs no request, prints
sharply and works in the offline bundle. Templates show it in the "share and
print" panel (``overrides/partials/kb/share.html``) and on printed pages.

Encoding costs just under 1 ms a page, about 2 s of CPU for each language
of a 2,000-page site. Every page's URL is known once the nav is built, so
the codes are made in a second process while this one renders pages, and
each page picks up its code when it is rendered.
"""

from __future__ import annotations

import html
import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from kb.i18n_builds import is_outermost
from kb.qr import TITLE_SLOT, svg, svgs

BATCH = 50

_pool: ProcessPoolExecutor | None = None
_pending: dict[str, Future[dict[str, str]]] = {}
_ready: dict[str, str] = {}


@event_priority(-200)  # after the i18n plugin has given this language's pages their URLs
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Start encoding every page's URL in a worker process."""
    global _pool
    urls = sorted({file.page.canonical_url for file in files.documentation_pages()
                   if file.page is not None and file.page.canonical_url} - set(_ready) - set(_pending))
    if len(urls) < BATCH or "fork" not in multiprocessing.get_all_start_methods():
        return nav  # a small site: encoding on the spot costs less than a process
    if _pool is None:
        _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
    for start in range(0, len(urls), BATCH):
        batch = urls[start:start + BATCH]
        future = _pool.submit(svgs, batch)
        for url in batch:
            _pending[url] = future
    return nav


def _encoded(url: str) -> str:
    """The SVG of ``url``: from the worker if it was sent there, else made now."""
    if url not in _ready:
        future = _pending.pop(url, None)
        if future is None:
            _ready[url] = svg(url)
        else:
            _ready.update(future.result())
    return _ready[url]


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    if not page.canonical_url:
        raise ValueError("qr hook: site_url must be set in mkdocs.yml so pages have canonical URLs")
    context["kb_canonical_url"] = page.canonical_url
    title = page.title or page.canonical_url
    context["kb_qr_svg"] = _encoded(page.canonical_url).replace(TITLE_SLOT, html.escape(title), 1)
    return context


@event_priority(-300)  # after the i18n plugin has built every language
def on_post_build(config: MkDocsConfig) -> None:
    """Free the worker once the last language is built.

    The codes made stay for the next build of ``make serve``: a URL's code
    never changes, and encoding every URL again after each edit kept the
    worker busy, and pages waiting for it, for seconds on a large site.
    """
    if is_outermost(config):
        _close_pool()


def on_shutdown() -> None:
    """Free the worker when the process ends without an outermost build finishing
    (the process kb/hooks/parallel_languages.py forks for the other languages)."""
    _close_pool()


def on_build_error(error: Exception) -> None:
    _close_pool()


def _close_pool() -> None:
    global _pool
    if _pool is not None:
        _pool.shutdown(cancel_futures=True)
        _pool = None
    _pending.clear()
