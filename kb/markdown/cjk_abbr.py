"""Make the ``abbr`` extension find terms inside Chinese text.

Python-Markdown wraps abbreviations only between ``\\b`` word boundaries. In
Chinese there is no space between words, so 申请人身安全保护令 never matches
人身安全保护令 and the glossary tooltips would never appear. This extension
replaces the abbr tree processor's pattern with one that asks for a boundary
only where a term begins or ends with an ASCII letter or digit.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.abbr import AbbrTreeprocessor


def term_pattern(term: str) -> str:
    """Regex for one glossary term, bounded only on its ASCII word edges."""
    pattern = re.escape(term)
    if re.match(r"[A-Za-z0-9_]", term):
        pattern = r"(?<![A-Za-z0-9_])" + pattern
    if re.search(r"[A-Za-z0-9_]$", term):
        pattern += r"(?![A-Za-z0-9_])"
    return pattern


class CjkAbbrTreeprocessor(AbbrTreeprocessor):
    """``AbbrTreeprocessor`` with CJK-aware term boundaries."""

    def run(self, root: etree.Element) -> etree.Element | None:
        if not self.abbrs:
            return None
        terms = sorted(self.abbrs, key=len, reverse=True)
        self.RE = re.compile("|".join(term_pattern(term) for term in terms))
        self.iter_element(root)
        return None


class CjkAbbrExtension(Extension):
    """Swap in :class:`CjkAbbrTreeprocessor`; requires ``abbr`` to be loaded first."""

    def extendMarkdown(self, md: Markdown) -> None:
        existing = md.treeprocessors["abbr"] if "abbr" in md.treeprocessors else None
        if existing is None:
            raise ValueError("kb.markdown.cjk_abbr needs the 'abbr' extension listed before it")
        md.treeprocessors.register(CjkAbbrTreeprocessor(md, existing.abbrs), "abbr", 7)


def makeExtension(**kwargs: object) -> CjkAbbrExtension:
    return CjkAbbrExtension(**kwargs)
