"""Statute integrity on law pages.

* LAW001 articles are numbered without gap or duplicate (excerpts: in order),
  and each Chinese heading's label matches its ID;
* LAW002 the article count equals ``articles:``;
* LAW003 the SHA-256 of the normalised statute text equals ``text_sha256:``;
* LAW004/LAW005 when ../shared/reference/laws/ exists, every article equals
  the official text, and the first differing character is named.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from kb.checks.checkers import Context
from kb.laws import (
    ARTICLE_ID,
    PREAMBLE,
    Article,
    article_number,
    entry_for_page,
    first_difference,
    label_from_article_id,
    parse_page_articles,
    parse_source_articles,
    statute_label,
    statute_sha256,
)


@lru_cache(maxsize=32)
def reference_articles(path: Path) -> dict[str, Article]:
    return {a.id: a for a in parse_source_articles(path.read_text(encoding="utf-8"))}


def check(ctx: Context) -> None:
    page = ctx.page
    if page.kind != "law" or not isinstance(page.meta.get("law"), dict):
        return  # no law block, or a malformed one: the schema reports it (FM003/FM004)
    articles = parse_page_articles(page.text)
    numbered = [a for a in articles if a.id != PREAMBLE]
    check_numbering(ctx, numbered, excerpt=bool(page.meta["law"].get("excerpt")))
    expected = page.meta.get("articles")
    if isinstance(expected, int) and expected != len(numbered):
        ctx.at_line("LAW002", 1, 1, found=len(numbered), expected=expected)
    translated = "translation" in page.meta
    if any(not ARTICLE_ID.match(a.id) for a in numbered):
        return  # LAW001 names the heading; the text cannot be labelled or hashed until it is fixed
    if not translated:
        check_labels(ctx, numbered)
        sha = page.meta.get("text_sha256")
        if sha is None:
            ctx.at_line("FM004", 1, 1, field="text_sha256")
        elif sha != statute_sha256(articles):
            ctx.at_line("LAW003", 1, 1)
        compare_with_reference(ctx, articles)


def check_numbering(ctx: Context, articles: list[Article], excerpt: bool) -> None:
    seen: dict[str, int] = {}
    previous: tuple[int, int] | None = None
    for article in articles:
        try:
            number = article_number(article.id)
        except ValueError:
            ctx.at_line("LAW001", article.line, 1, detail=f"{article.id}（条文锚点应为 art-23 或 art-260-1 这样的形式）")
            continue
        if article.id in seen:
            ctx.at_line("LAW001", article.line, 1, detail=f"{article.id} ×2")
        seen[article.id] = article.line
        if previous is not None:
            if number <= previous:
                ctx.at_line("LAW001", article.line, 1, detail=f"{article.id} ← art-{previous[0]}")
            elif not excerpt:
                follows = (number[0] == previous[0] and number[1] == previous[1] + 1) or \
                          (number[0] == previous[0] + 1 and number[1] == 0)
                if not follows:
                    ctx.at_line("LAW001", article.line, 1, detail=f"art-{previous[0]} → {article.id}")
        previous = number


def check_labels(ctx: Context, articles: list[Article]) -> None:
    """On a Chinese page, the heading 第二十三条 must carry the ID art-23."""
    if ctx.page.is_english:
        return
    for article in articles:
        try:
            label = label_from_article_id(article.id)
        except ValueError:
            continue
        if article.label != label:
            ctx.at_line("LAW001", article.line, 1, detail=f"{article.label} ≠ {article.id} ({label})")


def compare_with_reference(ctx: Context, articles: list[Article]) -> None:
    if ctx.shared_laws is None:
        return
    entry = entry_for_page(ctx.page.stem.split("/")[-1])
    if entry is None:
        return
    source = ctx.shared_laws / entry.source
    if not source.exists():
        return
    official = reference_articles(source)
    for article in articles:
        reference = official.get(article.id)
        label = "preamble" if article.id == PREAMBLE else statute_label(article)
        if reference is None:
            ctx.at_line("LAW005", article.line, 1, article=label)
            continue
        ours, theirs = article.text(), reference.text()
        index = first_difference(theirs, ours)
        if index is None:
            continue
        line = line_of_character(ctx, article, index)
        ctx.at_line("LAW004", line, 1, article=label, index=index + 1,
                    expected=theirs[index] if index < len(theirs) else "（结束）",
                    actual=ours[index] if index < len(ours) else "（结束）")


def line_of_character(ctx: Context, article: Article, index: int) -> int:
    """The file line of the paragraph that holds character ``index`` of the article."""
    remaining = index
    for paragraph in article.paragraphs:
        if remaining <= len(paragraph):
            position = ctx.page.text.find("\n" + paragraph + "\n", ctx.page.line_starts[article.line - 1])
            return ctx.page.position(position + 1)[0] if position >= 0 else article.line
        remaining -= len(paragraph) + 1
    return article.line
