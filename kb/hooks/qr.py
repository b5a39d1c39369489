"""A QR code of every page's canonical URL, made at build time.

Trainers print handouts and put links on slides; readers scan them with a
phone. The code is an inline SVG (segno), so it needs no request, prints
sharply and works in the offline bundle. Templates show it in the "share and
print" panel (``overrides/partials/kb/share.html``) and on printed pages.
"""

from __future__ import annotations

from typing import Any

import segno
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page


# A fixed mask pattern: searching for the best of the eight took 80 % of the
# time (27 ms a page); any mask gives a valid, readable code.
QR_MASK = 2


def qr_svg(url: str, title: str) -> str:
    """An inline, scalable SVG QR code for ``url`` (error correction M)."""
    code = segno.make(url, error="m", mask=QR_MASK)
    return code.svg_inline(scale=1, omitsize=True, title=title, svgclass="kb-qr", lineclass="kb-qr__modules",
                           dark="#000", light="#fff")


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    if not page.canonical_url:
        raise ValueError("qr hook: site_url must be set in mkdocs.yml so pages have canonical URLs")
    context["kb_canonical_url"] = page.canonical_url
    context["kb_qr_svg"] = qr_svg(page.canonical_url, page.title or page.canonical_url)
    return context
