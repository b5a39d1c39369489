"""Put the HTML that hooks left in slots (kb/html_slots.py) into each converted page.

First of the content hooks, so that whatever reads ``page.content`` next
(search indexing, the other hooks, the templates) sees the finished HTML.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from kb.html_slots import fill, start


@event_priority(100)  # before the hooks that add slots
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    start(page.file.src_uri)
    return markdown


@event_priority(100)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return fill(page.file.src_uri, html)
