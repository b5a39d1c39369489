"""A QR code of every page's canonical URL, made at build time.

Trainers print handouts and put links on slides; readers scan them with a
phone. The code is an inline SVG (kb/qr.py), so it needs no request, prints
sharply and works in the offline bundle. Templates show it in the "share and
print" panel (``overrides/partials/kb/share.html``) and on printed pages.

A code costs under 1 ms (zxing-cpp), about 2 s for each language of a
2,000-page site. It was made in a worker process while segno, pure Python,
took 2 ms and more; measured against the worker since, encoding in place was
no slower on two cores and is simpler (benchmarks/results.md).
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from kb.qr import svg


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    if not page.canonical_url:
        raise ValueError("qr hook: site_url must be set in mkdocs.yml so pages have canonical URLs")
    context["kb_canonical_url"] = page.canonical_url
    context["kb_qr_svg"] = svg(page.canonical_url, page.title or page.canonical_url)
    return context
