"""Take the ``<link rel="alternate" hreflang>`` tags out of each page head.

Material writes one per language and its JavaScript fetches ``sitemap.xml``
next to each of them on the first page a reader opens: with the tags the i18n
plugin sets (the page's translations), that was two 404s per page; pointed
at the language homes, two 72 KB downloads a phone does not need. Lighthouse
also rejects the tags as written, with relative URLs. (The updates feed's
link is rel="alternate" too, so Material still reads the sitemap of the
page's own language once, a few KB gzip.)

Nothing is lost: crawlers find every page's translations in sitemap.xml,
where the i18n plugin lists them with absolute URLs (``xhtml:link
hreflang``), and the visible language links (``<a hreflang>``) keep pointing
at the same page in the other language.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]+">')


def without_alternates(output: str, where: str) -> str:
    head_end = output.find("</head>")
    if head_end < 0:
        raise ValueError(f"{where}: no </head> in the rendered page")
    return HEAD_ALTERNATE.sub("", output[:head_end]) + output[head_end:]


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return without_alternates(output, page.file.src_uri)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return without_alternates(output, template_name) if template_name == "404.html" else output
