"""Question pages (docs/questions/) answer briefly and point further.

A reader on a phone needs the answer first and short: the text between the
title and the "learn more" section holds two to six sentences (QUESTION001).
Every answer then links to the guide, case or law article that goes deeper,
in a ``{#more}`` section of its own (QUESTION002); the links themselves are
checked by the link rules. Variants are other wordings of the question, so
one that repeats the title adds nothing for search or readers (QUESTION003).
"""

from __future__ import annotations

import re

from kb.checks.checkers import Context
from kb.checks.markdown import LINK
from kb.frontmatter import key_line

MORE = re.compile(r"^## .*\{#more\}[ \t]*$", re.M)
H1 = re.compile(r"^# .*$", re.M)
# A sentence ends at 。！？ (or . ! ? followed by a space or the end of a line, in English).
SENTENCE_END = re.compile(r"[。！？]+|[.!?]+(?=\s|$)")
# Citations and link targets, so "art. 23" or "（[[反家庭暴力法 23]]）" do not end sentences.
INLINE = re.compile(r"\[\[[^\]]*\]\]|\]\([^)]*\)")
SENTENCES = (2, 6)


def answer_sentences(answer: str) -> int:
    """How many sentences the answer has (a last sentence without its full stop counts too)."""
    text = INLINE.sub("", answer).strip()
    if not text:
        return 0
    ends = list(SENTENCE_END.finditer(text))
    trailing = text[ends[-1].end():] if ends else text
    return len(ends) + (1 if re.sub(r"[\s（）()“”\"*_]", "", trailing) else 0)


def _normalise(text: str) -> str:
    return re.sub(r"[\s？?！!。.,，、]", "", text).lower()


def check(ctx: Context) -> None:
    page = ctx.page
    if page.kind != "question" or not isinstance(page.meta, dict) or page.front_matter_error is not None:
        return
    masked = page.masked
    title = H1.search(masked, page.body_offset)
    more = MORE.search(masked, page.body_offset)
    if more is None:
        ctx.at("QUESTION002", title.start() if title else page.body_offset)
        return
    start = title.end() if title else page.body_offset
    count = answer_sentences(masked[start:more.start()])
    low, high = SENTENCES
    if not low <= count <= high:
        text = masked[start:more.start()]
        first = start + len(text) - len(text.lstrip()) if text.strip() else start
        ctx.at("QUESTION001", first, count=count, low=low, high=high)
    following = re.search(r"^## ", masked[more.end():], re.M)
    section = masked[more.end(): more.end() + following.start() if following else len(masked)]
    if not LINK.search(section):
        ctx.at("QUESTION002", more.start())
    variants = page.meta.get("variants")
    title_text = page.meta.get("title")
    if isinstance(variants, list) and isinstance(title_text, str):
        for index, variant in enumerate(variants):
            if isinstance(variant, str) and _normalise(variant) == _normalise(title_text):
                line, col = key_line(page.text, ["variants", index])
                ctx.at_line("QUESTION003", line, col, variant=variant)
