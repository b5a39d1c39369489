"""The citation syntax: how any page points at a law article.

In Markdown::

    [[反家庭暴力法 23]]                 one article
    [[反家庭暴力法 15、16、17]]         several articles of one law
    [[刑法 260-1]]                      第二百六十条之一
    [[民法典 1091]]                     the Civil Code page whose range holds 1091
    [[反家庭暴力法 23|第二十三条第二款]]  own link text

In front matter (``cites:``) the same text without brackets: ``反家庭暴力法 23``.
The law name is any name listed under ``cite:`` in data/laws.yml. The build
turns each citation into a link to the article; the checks verify that the law
and the article exist. Documented in CONTRIBUTING.md, "引用条文".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from kb.frontmatter import read_page
from kb.twins import original
from kb.laws import LawEntry, english_label, label_from_article_id, registry

# [[name numbers|label]] — name has no digits-first; numbers are 23, 260-1, lists.
CITATION = re.compile(r"\[\[([^\[\]|]+?)\s+([0-9][0-9\-、,， ]*?)(?:\|([^\[\]]+))?\]\]")
LOOKS_LIKE_CITATION = re.compile(r"\[\[[^\[\]]*\]\]")
NUMBER = re.compile(r"^(\d+)(?:-(\d+))?$")
NUMBER_SEPARATORS = re.compile(r"[、,，\s]+")


@dataclass(frozen=True)
class Target:
    """One cited article: the law page and the article ID."""

    law: LawEntry
    article_id: str

    @property
    def key(self) -> str:
        return f"{self.law.page}#{self.article_id}"


@dataclass(frozen=True)
class Citation:
    """A citation found in text, with its position for error reports."""

    raw: str
    name: str
    numbers: tuple[str, ...]
    label: str | None
    start: int
    end: int


class CitationError(ValueError):
    """A citation that names an unknown law or is malformed; ``code`` is the rule ID."""

    def __init__(self, code: str, message_zh: str, message_en: str) -> None:
        super().__init__(message_en)
        self.code = code
        self.message_zh = message_zh
        self.message_en = message_en


@lru_cache(maxsize=1)
def _names() -> dict[str, tuple[LawEntry, ...]]:
    names: dict[str, list[LawEntry]] = {}
    for entry in registry():
        for name in entry.cite:
            names.setdefault(name, []).append(entry)
    return {name: tuple(entries) for name, entries in names.items()}


def known_names() -> list[str]:
    return sorted(_names())


def find_citations(text: str) -> list[Citation]:
    """Every ``[[…]]`` in ``text`` that has the shape of a citation."""
    found = []
    for match in CITATION.finditer(text):
        numbers = tuple(n for n in NUMBER_SEPARATORS.split(match.group(2).strip()) if n)
        found.append(Citation(match.group(0), match.group(1).strip(), numbers, match.group(3), match.start(), match.end()))
    return found


def find_malformed(text: str) -> list[tuple[int, str]]:
    """``[[…]]`` that are not citations (e.g. a missing article number)."""
    good = {m.start() for m in CITATION.finditer(text)}
    return [(m.start(), m.group(0)) for m in LOOKS_LIKE_CITATION.finditer(text) if m.start() not in good]


@lru_cache(maxsize=4096)
def parse_reference(text: str) -> Citation:
    """A front-matter citation such as ``反家庭暴力法 23``.

    Kept per text (a Citation is immutable): thousands of cases list the same
    few hundred articles under ``cites:``, and the checks and the build parse
    each list."""
    citations = find_citations(f"[[{text.strip()}]]")
    if len(citations) != 1:
        raise CitationError(
            "CITE001",
            f"“{text}”不是有效的引用，应写成“法律名称 条号”，例如“反家庭暴力法 23”",
            f'"{text}" is not a citation; write "law-name article", e.g. "反家庭暴力法 23"',
        )
    return citations[0]


def resolve(citation: Citation) -> list[Target]:
    """The articles a citation names; raise CitationError for an unknown law or number."""
    entries = _names().get(citation.name)
    if not entries:
        raise CitationError(
            "CITE002",
            f"未知的法律名称“{citation.name}”，可用的名称见 data/laws.yml 的 cite 字段",
            f'unknown law name "{citation.name}"; the names are listed under cite: in data/laws.yml',
        )
    targets = []
    for number in citation.numbers:
        match = NUMBER.match(number)
        if not match:
            raise CitationError(
                "CITE001",
                f"条号“{number}”无效，应为阿拉伯数字，如 23 或 260-1（第二百六十条之一）",
                f'article number "{number}" is invalid; use digits such as 23 or 260-1',
            )
        article_id = f"art-{number}"
        law = next((entry for entry in entries if entry.holds(article_id)), None)
        if law is None:
            raise CitationError(
                "CITE003",
                f"“{citation.name}”没有第 {number} 条（本站收录的条文范围之外）",
                f'"{citation.name}" has no article {number} on this site',
            )
        targets.append(Target(law, article_id))
    return targets


def link_text(target: Target, first: bool, language: str) -> str:
    """How a cited article reads in a link: the law's short name on the first article of a citation."""
    if language == "zh":
        label = label_from_article_id(target.article_id)
        return f"{target.law.cite[0]}{label}" if first else label
    label = english_label(target.article_id).replace("Article", "art.")
    return f"{target.law.cite_en}, {label}" if first else label


def reference(citation: Citation) -> str:
    """A citation found in the text written as a ``cites:`` entry: [[刑法 260-1|…]] → 刑法 260-1."""
    return f"{citation.name} {'、'.join(citation.numbers)}"


def page_references(meta: dict[str, Any], body: str) -> list[str]:
    """Every article a page cites, as ``cites:`` entries, once each: the release's list
    (``source.cites``), the front-matter list, then each citation of the text in order.

    ``cites`` is derived from the text, so a page whose text cites an article is found under that
    article (case filters, "cited in" lists) without a second list to keep in step; entries listed in
    front matter still count while they exist. A reference that does not resolve is kept as it is
    (the page's own rendering and the checks report it); one naming only articles already listed is left out.
    """
    source = meta.get("source") if isinstance(meta.get("source"), dict) else {}
    listed = [str(r) for r in [*(source.get("cites") or []), *(meta.get("cites") or [])]]
    found: list[str] = []
    seen: set[str] = set()
    for text in [*listed, *(reference(c) for c in find_citations(body))]:
        try:
            keys = {target.key for target in resolve(parse_reference(text))}
        except CitationError:
            keys = {text}
        if not keys <= seen or (text in listed and text not in found):
            found.append(text)
            seen |= keys
    return found


def page_citations(path: Path, fallback_title: str) -> tuple[frozenset[str], str]:
    """The article keys (``law-page#art-23``) a page cites (:func:`page_references`), and its title.

    Citations that do not resolve are left out: the page's own rendering and
    the checks report them.
    """
    versions = (path.stat().st_mtime_ns, original(path).stat().st_mtime_ns)
    return _page_citations(path, versions, fallback_title)


@lru_cache(maxsize=None)
def _page_citations(path: Path, versions: tuple[int, int], fallback_title: str) -> tuple[frozenset[str], str]:
    # Once per version of the file and its Chinese twin (whose cites it takes): both languages'
    # builds, and every rebuild of make serve, scan the pages.
    meta, body = read_page(path)
    keys: set[str] = set()
    for text in page_references(meta, body):
        try:
            keys.update(target.key for target in resolve(parse_reference(text)))
        except CitationError:
            continue
    return frozenset(keys), str(meta.get("title") or fallback_title)
