"""Pages that show generated content (the case list, the question index, the glossary, the law
tables) say where it goes with an HTML comment such as ``<!-- case-index -->``. A page that has
lost its marker fails the build, naming the page and the marker, instead of silently showing
nothing where readers expect the list."""

from __future__ import annotations


def fill(markdown: str, marker: str, content: str, page: str, what: str) -> str:
    """``markdown`` with ``content`` in place of ``marker``; ``what`` names the content in the error."""
    if marker not in markdown:
        raise ValueError(f"{page}: the page needs a '{marker}' line where {what} goes")
    return markdown.replace(marker, content)
