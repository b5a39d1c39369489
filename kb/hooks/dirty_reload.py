"""Fast previews: ``make serve`` re-renders the pages that changed, and the pages that list them.

``mkdocs serve --dirty`` renders a page again only when its source is newer
than its output. That is right for a page alone, but some pages show what
others say: the case index lists every case (title, category, tags, cited
articles), and a law page lists under each article the pages that cite it.
So when a page changes, this hook makes MkDocs render those too, by marking
their output older than their source, MkDocs's own test. Category and tag
pages are generated and always rendered again; the search index keeps every
page (kb/hooks/search_index.py). What may stay stale until ``make serve`` is
restarted: the navigation and "related cases" on other pages. ``make
build``, the checks and CI always build everything, strictly.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from kb.citations import page_citations

CASE_INDEXES = ("cases/index.md", "cases/index.en.md")

_dirty = False
_cited_before: dict[str, frozenset[str]] = {}  # src_uri -> article keys it cited when last rendered


def on_startup(*, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    global _dirty
    _dirty = dirty


def _changed(file: File) -> bool:
    return file.abs_src_path is not None and file.is_modified()


def _render_again(file: File) -> None:
    """Make ``file.is_modified()`` true: its output becomes older than its source."""
    if os.path.isfile(file.abs_dest_path):
        os.utime(file.abs_dest_path, ns=(0, 0))


@event_priority(-150)  # after the i18n plugin (-100) has chosen this language's files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    if not _dirty:
        return files
    changed = [file for file in files.documentation_pages() if _changed(file)]
    if not changed:
        return files
    cited: set[str] = set()
    for file in changed:
        keys, _ = page_citations(Path(file.abs_src_path), file.src_uri)
        cited |= keys | _cited_before.get(file.src_uri, frozenset())
        _cited_before[file.src_uri] = keys
    law_pages = {key.split("#")[0] for key in cited}
    for file in files.documentation_pages():
        if file.src_uri in CASE_INDEXES and any(f.src_uri.startswith("cases/") for f in changed):
            _render_again(file)
        elif file.src_uri.startswith("law/") and file.src_uri.split("/")[-1].split(".")[0] in law_pages:
            _render_again(file)
    return files
