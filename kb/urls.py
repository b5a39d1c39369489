"""Page URLs as MkDocs gives them, for links written as HTML by the hooks.

Hooks that emit many links (case tables, citations) write them as HTML
rather than Markdown: MkDocs resolves each Markdown link through the i18n
plugin's file lookup, which was a large part of the build on a big site. The
URLs are computed here the way MkDocs computes them; a language's pages all
sit under the same prefix (en/), so a relative URL is the same in every
language.
"""

from __future__ import annotations

import html
from functools import lru_cache
from typing import TYPE_CHECKING

from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

if TYPE_CHECKING:
    from kb.citations import Target


@lru_cache(maxsize=None)
def page_url(src_uri: str, directory_urls: bool) -> str:
    """The URL of a page relative to its language's root (``cases/x.en.md`` → ``cases/x/``)."""
    if src_uri.endswith(".en.md"):
        src_uri = src_uri[: -len(".en.md")] + ".md"
    return File(src_uri, None, "", directory_urls).url


def href(target_uri: str, from_uri: str, directory_urls: bool) -> str:
    """An HTML-escaped relative URL from the page ``from_uri`` to the page ``target_uri``."""
    return html.escape(get_relative_url(page_url(target_uri, directory_urls), page_url(from_uri, directory_urls)))


def page_link(target_uri: str, text: str, from_uri: str, directory_urls: bool) -> str:
    """A link to the page ``target_uri`` from the page ``from_uri``, with ``text`` escaped."""
    return f'<a href="{href(target_uri, from_uri, directory_urls)}">{html.escape(text)}</a>'


def article_link(target: Target, text: str, from_uri: str, directory_urls: bool, css_class: str = "") -> str:
    """A link to a cited article; ``data-kb-cite`` names it for previews and the case index filter."""
    url = href(f"law/{target.law.page}.md", from_uri, directory_urls)
    attribute = f' class="{css_class}"' if css_class else ""
    return (f'<a{attribute} href="{url}#{target.article_id}" data-kb-cite="{target.key}">'
            f"{html.escape(text)}</a>")
