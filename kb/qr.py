"""QR codes of page URLs as inline SVG (segno).

A module of its own, not part of the hook, so a worker process can import
it: MkDocs loads hook files under names that cannot be imported again.
"""

from __future__ import annotations

import segno

# A fixed mask pattern: searching for the best of the eight took 80 % of the
# time (27 ms a page); any mask gives a valid, readable code.
QR_MASK = 2
# segno escapes the title; this placeholder is replaced by the page's escaped
# title once the page has one (titles are read only when a page is rendered).
TITLE_SLOT = "KB-QR-TITLE-SLOT"


def svg(url: str) -> str:
    """An inline, scalable SVG QR code for ``url`` (error correction M), titled TITLE_SLOT."""
    code = segno.make(url, error="m", mask=QR_MASK)
    return code.svg_inline(scale=1, omitsize=True, title=TITLE_SLOT, svgclass="kb-qr", lineclass="kb-qr__modules",
                           dark="#000", light="#fff")


def svgs(urls: list[str]) -> dict[str, str]:
    """``svg`` of each URL: one batch of work for a worker process."""
    return {url: svg(url) for url in urls}
