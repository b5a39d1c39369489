"""Point the ``<link rel="alternate" hreflang>`` tags in each page head at the
language homes (/ and /en/).

Material's language selector reads those tags and fetches ``sitemap.xml``
next to each of them. The i18n plugin sets them to the current page's
translations, so every page made the browser request /help/sitemap.xml and
/en/help/sitemap.xml, which do not exist (two 404s per page). The visible
language links (``<a hreflang>``) keep pointing at the same page in the other
language; only the head tags change.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from kb.hooks.offline import offline_enabled

HEAD_ALTERNATE = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="([^"]+)">')


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    homes = {alt["lang"]: alt["link"] for alt in config.plugins["i18n"].extra_alternate}
    head_end = output.find("</head>")
    if head_end < 0:
        raise ValueError(f"{page.file.src_uri}: no </head> in the rendered page")
    if offline_enabled(config):
        # Opened from disk, a sitemap cannot be fetched: leave the tags out.
        return HEAD_ALTERNATE.sub("", output[:head_end]) + output[head_end:]

    def replace(match: re.Match[str]) -> str:
        language = match.group(1)
        if language not in homes:
            raise ValueError(f"alternate_links: no home page for language '{language}'")
        return f'<link rel="alternate" href="{homes[language]}" hreflang="{language}">'

    return HEAD_ALTERNATE.sub(replace, output[:head_end]) + output[head_end:]
