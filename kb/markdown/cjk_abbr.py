"""Make the ``abbr`` extension find terms inside Chinese text.

Python-Markdown wraps abbreviations only between ``\\b`` word boundaries. In
Chinese there is no space between words, so 申请人身安全保护令 never matches
人身安全保护令 and the glossary tooltips would never appear. This extension
replaces the abbr tree processor's pattern with one that asks for a boundary
only where a term begins or ends with an ASCII letter or digit.

It also loads the site's glossary (``glossary_file``: data/glossary.yml) into
``abbr`` once, instead of appending a file of ``*[term]: definition`` lines to
every page and parsing it again each time (pymdownx.snippets did that, at a
cost of a third of the Markdown time of a short page).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from pathlib import Path

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.abbr import AbbrExtension, AbbrTreeprocessor

from kb.glossary import tooltips
from kb.paths import ROOT

def read_glossary(path: Path) -> dict[str, str]:
    """The terms and definitions of the glossary (data/glossary.yml, kb.glossary).

    MkDocs makes a new Markdown instance, and so loads this extension again,
    for every page: kb.glossary reads the file once per version.
    """
    return tooltips(path)


def term_pattern(term: str) -> str:
    """Regex for one glossary term, bounded only on its ASCII word edges."""
    pattern = re.escape(term)
    if re.match(r"[A-Za-z0-9_]", term):
        pattern = r"(?<![A-Za-z0-9_])" + pattern
    if re.search(r"[A-Za-z0-9_]$", term):
        pattern += r"(?![A-Za-z0-9_])"
    return pattern


SECTION_HEADINGS = {"h1", "h2"}


def keep_first_per_section(root: etree.Element) -> None:
    """Unwrap every ``<abbr>`` but the first of its term in each h2 section.

    A law page names 人身安全保护令 a hundred times; a definition on each made
    the page 20 KB heavier and its layout slower on phones, while a reader
    needs it once per part of the page they read.
    """
    parents = {child: parent for parent in root.iter() for child in parent}
    seen: set[str] = set()
    for element in list(root.iter()):
        if element.tag in SECTION_HEADINGS:
            seen.clear()
        elif element.tag == "abbr" and element in parents:
            term = element.text or ""
            if term not in seen:
                seen.add(term)
                continue
            parent = parents[element]
            text = term + (element.tail or "")
            index = list(parent).index(element)
            if index:
                previous = parent[index - 1]
                previous.tail = (previous.tail or "") + text
            else:
                parent.text = (parent.text or "") + text
            parent.remove(element)


class CjkAbbrTreeprocessor(AbbrTreeprocessor):
    """``AbbrTreeprocessor`` with CJK-aware term boundaries, one definition per term and section."""

    def run(self, root: etree.Element) -> etree.Element | None:
        if not self.abbrs:
            return None
        terms = sorted(self.abbrs, key=len, reverse=True)
        self.RE = re.compile("|".join(term_pattern(term) for term in terms))
        self.iter_element(root)
        keep_first_per_section(root)
        return None


class CjkAbbrExtension(Extension):
    """Swap in :class:`CjkAbbrTreeprocessor` and load the glossary; requires ``abbr`` to be loaded first."""

    def __init__(self, **kwargs: object) -> None:
        self.config = {"glossary_file": ["", "The glossary (data/glossary.yml), relative to the repository"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        abbr = next((e for e in md.registeredExtensions if isinstance(e, AbbrExtension)), None)
        if abbr is None or "abbr" not in md.treeprocessors:
            raise ValueError("kb.markdown.cjk_abbr needs the 'abbr' extension listed before it")
        if self.getConfig("glossary_file"):
            abbr.load_glossary(read_glossary(ROOT / self.getConfig("glossary_file")))
            abbr.abbrs.update(abbr.glossary)
        md.treeprocessors.register(CjkAbbrTreeprocessor(md, abbr.abbrs), "abbr", 7)


def makeExtension(**kwargs: object) -> CjkAbbrExtension:
    return CjkAbbrExtension(**kwargs)
