"""The law library: the registry, article IDs, and statute text as the site holds it.

One definition serves the importer (scripts/import_law.py), the build hooks
(version blocks, citations, backlinks) and the checks (integrity, citations).

Law pages are Markdown. Each article is a heading with an explicit ID::

    ### 第二十三条 {#art-23}

    当事人因遭受家庭暴力……

followed by its paragraphs, one per line, verbatim. The article ends at the
next heading or at the first block that is not statute text: a collapsible
note (``??? note``), an admonition (``!!!``) or raw HTML. Notes therefore
never interleave with the statute text.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import yaml

from kb.numerals import chinese_to_int, int_to_chinese
from kb.paths import DATA, DOCS

REGISTRY_FILE = DATA / "laws.yml"
LAW_DIR = DOCS / "law"

# 第二百六十条之一 → ("二百六十", "一")
ZH_ARTICLE_LABEL = re.compile(r"^第([零一二三四五六七八九十百千]+)条(?:之([一二三四五六七八九十]+))?$")
ARTICLE_ID = re.compile(r"^art-(\d+)(?:-(\d+))?$")
# A heading that carries an article ID: "### 第二十三条 {#art-23}".
# The text before the first article (document header, enacting clause) is a
# pseudo-article with the ID "preamble".
ARTICLE_HEADING = re.compile(r"^(#{2,6})[ \t]+(.+?)[ \t]+\{[ \t]*#(art-[0-9-]+|preamble)[^}]*\}[ \t]*$")
PREAMBLE = "preamble"
HEADING = re.compile(r"^#{1,6}[ \t]")
# Lines where statute text stops: notes, admonitions, HTML, tabs.
NON_STATUTE_BLOCK = re.compile(r"^(\?\?\?|!!!|<|===|\*\[)")


@dataclass(frozen=True)
class LawEntry:
    """One law page of the registry (data/laws.yml)."""

    page: str
    source: str
    cite: tuple[str, ...]
    cite_en: str
    range: tuple[int, int] | None = None
    excerpt: tuple[str, ...] | None = None
    # Local regulations: where they apply, {zh, en}. (Left out of equality and hashing, being dicts.)
    region: dict[str, str] | None = field(default=None, compare=False)
    # Article ID (art-2) -> what replaced it.
    superseded: dict[str, Superseded] = field(default_factory=dict, compare=False)
    # What changed on the site when a text came in or was updated: ({date, zh, en}, …), oldest first.
    changes: tuple[dict[str, str], ...] = field(default=(), compare=False)

    @cached_property
    def path(self) -> Path:
        return LAW_DIR / f"{self.page}.md"

    def holds(self, article_id: str) -> bool:
        """Whether a citation of this law's name for ``article_id`` belongs on this page."""
        if self.range is None:
            return True
        number = article_number(article_id)[0]
        return self.range[0] <= number <= self.range[1]


@dataclass(frozen=True)
class Superseded:
    """A later rule has replaced an article: ``by`` is its citation, ``since`` the date from which
    the governing text shown on this site applies."""

    by: str
    since: str


@dataclass
class Article:
    """One article: its ID, its label as printed (第二十三条) and its paragraphs."""

    id: str
    label: str
    paragraphs: list[str] = field(default_factory=list)
    line: int = 0  # 1-based line of the heading in the page, or of the article in a source

    def text(self) -> str:
        return "\n".join(self.paragraphs)


@lru_cache(maxsize=1)
def registry() -> tuple[LawEntry, ...]:
    """All law entries, validated: unique pages, known sources."""
    raw = yaml.safe_load(REGISTRY_FILE.read_text(encoding="utf-8"))
    entries = []
    for item in raw:
        entries.append(
            LawEntry(
                page=item["page"],
                source=item["source"],
                cite=tuple(item["cite"]),
                cite_en=item["cite_en"],
                range=tuple(item["range"]) if item.get("range") else None,
                excerpt=tuple(item["excerpt"]) if item.get("excerpt") else None,
                region=dict(item["region"]) if item.get("region") else None,
                superseded={f"art-{number}": Superseded(str(value["by"]), str(value["since"]))
                            for number, value in (item.get("superseded") or {}).items()},
                changes=tuple({"date": str(c["date"]), "zh": str(c["zh"]), "en": str(c["en"])}
                              for c in item.get("changes") or []),
            )
        )
    pages = [e.page for e in entries]
    if len(pages) != len(set(pages)):
        raise ValueError(f"{REGISTRY_FILE}: a page is listed twice")
    return tuple(entries)


def entry_for_page(page: str) -> LawEntry | None:
    return next((e for e in registry() if e.page == page), None)


def article_id_from_label(label: str) -> str:
    """第二百六十条之一 → art-260-1; raise ValueError for anything else."""
    match = ZH_ARTICLE_LABEL.match(label.strip())
    if not match:
        raise ValueError(f"not an article label: {label!r}")
    number = chinese_to_int(match.group(1))
    if match.group(2):
        return f"art-{number}-{chinese_to_int(match.group(2))}"
    return f"art-{number}"


def article_number(article_id: str) -> tuple[int, int]:
    """art-260-1 → (260, 1); art-23 → (23, 0). Sorts articles in statute order."""
    match = ARTICLE_ID.match(article_id)
    if not match:
        raise ValueError(f"not an article ID: {article_id!r}")
    return int(match.group(1)), int(match.group(2) or 0)


def label_from_article_id(article_id: str) -> str:
    """art-260-1 → 第二百六十条之一."""
    number, sub = article_number(article_id)
    label = f"第{int_to_chinese(number)}条"
    return label + (f"之{int_to_chinese(sub)}" if sub else "")


def english_label(article_id: str) -> str:
    """art-260-1 → Article 260-1."""
    number, sub = article_number(article_id)
    return f"Article {number}" + (f"-{sub}" if sub else "")


def parse_page_articles(markdown: str, first_line: int = 1) -> list[Article]:
    """Articles of a law page, in order, with their statute paragraphs.

    ``first_line`` is the file line of ``markdown``'s first line, so that
    reported lines match what the volunteer sees when front matter was cut off.
    """
    articles: list[Article] = []
    current: Article | None = None
    in_statute = False
    for offset, raw_line in enumerate(markdown.splitlines()):
        line = raw_line.rstrip()
        heading = ARTICLE_HEADING.match(line)
        if heading:
            current = Article(id=heading.group(3), label=heading.group(2).strip(), line=first_line + offset)
            articles.append(current)
            in_statute = True
            continue
        if HEADING.match(line):
            current, in_statute = None, False
            continue
        if current is None or not in_statute or not line:
            continue
        if NON_STATUTE_BLOCK.match(line) or raw_line[:1] in (" ", "\t"):
            in_statute = False
            continue
        current.paragraphs.append(line)
    return articles


def parse_source_articles(text: str) -> list[Article]:
    """Articles of an official text in ../shared/reference/laws/ (after its header)."""
    body_start = text.find("<!-- INFO END -->")
    header_lines = text[:body_start].count("\n") + 1 if body_start >= 0 else 0
    body = text[body_start + len("<!-- INFO END -->"):] if body_start >= 0 else text
    articles: list[Article] = []
    preamble = Article(id=PREAMBLE, label=PREAMBLE, line=header_lines + 1)
    current: Article | None = preamble
    label_re = re.compile(r"^(第[零一二三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?)[ \u3000]+(.*)$")
    for offset, raw in enumerate(body.splitlines()):
        line = raw.rstrip()
        if not line.strip("\u200b"):
            continue  # a stray zero-width space on an otherwise empty line is layout, not text
        if line.startswith("#"):
            current = None
            continue
        match = label_re.match(line)
        if match and preamble.paragraphs and preamble not in articles:
            articles.insert(0, preamble)
        if match:
            current = Article(
                id=article_id_from_label(match.group(1)),
                label=match.group(1),
                paragraphs=[match.group(2)] if match.group(2) else [],
                line=header_lines + offset,
            )
            articles.append(current)
        elif current is not None and line:
            current.paragraphs.append(line)
    if preamble.paragraphs and preamble not in articles:
        articles.insert(0, preamble)
    return articles


def normalised_statute(articles: list[Article]) -> str:
    """The text that ``text_sha256`` covers (documented in CONTRIBUTING.md).

    Each article contributes its label (第二十三条, from its ID) and its paragraphs, one per
    line, trailing whitespace removed; articles are separated by a blank line.
    Markdown structure (headings, IDs, chapter titles) and notes are left out,
    so only a change of statute characters changes the hash.
    """
    return "\n\n".join(statute_label(article) + "\n" + article.text() for article in articles) + "\n"


def statute_label(article: Article) -> str:
    """The label that belongs to the statute text: 第二十三条, or "preamble".

    Derived from the article ID, not the heading, so an English page that
    carries the Chinese text under "Article 23" headings has the same hash.
    """
    return PREAMBLE if article.id == PREAMBLE else label_from_article_id(article.id)


def statute_sha256(articles: list[Article]) -> str:
    return hashlib.sha256(normalised_statute(articles).encode("utf-8")).hexdigest()


def first_difference(expected: str, actual: str) -> int | None:
    """Index of the first differing character, or None when equal."""
    for index, (a, b) in enumerate(zip(expected, actual)):
        if a != b:
            return index
    if len(expected) != len(actual):
        return min(len(expected), len(actual))
    return None


@lru_cache(maxsize=64)
def _page_articles_cached(path: Path, mtime_ns: int) -> dict[str, Article]:
    return {article.id: article for article in parse_page_articles(path.read_text(encoding="utf-8"))}


def page_articles(path: Path) -> dict[str, Article]:
    """Articles of a law page by ID; cached until the file changes."""
    return _page_articles_cached(path, path.stat().st_mtime_ns)
