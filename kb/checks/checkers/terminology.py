"""English pages use the glossary's English for legal terms (data/glossary.yml).

A reader who follows a citation from a help page to the statute, or from a case to a guide,
must meet the same words for the same thing: 告诫书 is a "warning letter" everywhere, not a
"written warning" on one page. A discouraged rendering is a warning (TERM001) naming the term
to use; citations, code and HTML comments are not read (the page's masked text).
"""

from __future__ import annotations

from kb.checks.checkers import Context
from kb.glossary import terms


def check(ctx: Context) -> None:
    page = ctx.page
    if not page.is_english:
        return
    text = page.masked
    start = page.body_offset
    for term in terms():
        pattern = term.pattern
        if pattern is None:
            continue
        for match in pattern.finditer(text, start):
            ctx.at("TERM001", match.start(), found=match.group(0), preferred=term.en, zh=term.zh)
