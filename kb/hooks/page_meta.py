"""Normalise page front matter before templates and other hooks read it.

MkDocs parses front matter with YAML 1.1, where the key ``on`` in
``review: {status: reviewed, by: lawyer, on: 2026-11-28}`` becomes the boolean
True and dates become date objects. The checks see the same normalisation
(kb.frontmatter.normalise), so the build and the checks agree.

An English page's language-neutral fields (id, category, tags, review, dates, …)
are written in its Chinese page only; they are merged in here, once, so the
templates and every later hook see them (kb.frontmatter.with_twin).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from kb.frontmatter import normalise, with_twin


@event_priority(100)  # before every other hook reads page.meta
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    meta = normalise(page.meta)
    page.meta = with_twin(Path(page.file.abs_src_path), meta) if page.file.abs_src_path else meta
    return markdown
