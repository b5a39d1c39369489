"""Text left from a page template (scripts/new.py writes 待填写 / "To write" where content goes).

A scaffolded page builds and reads like a page, so a forgotten placeholder would be published;
each one is an error (FILE010) at its line.
"""

from __future__ import annotations

import re

from kb.checks.checkers import Context

PLACEHOLDER = re.compile(r"待填写|\bTo write\b")


def check(ctx: Context) -> None:
    text = ctx.page.masked
    for match in PLACEHOLDER.finditer(text):
        line_end = text.find("\n", match.start())
        snippet = text[match.start(): line_end if line_end >= 0 else len(text)].strip()[:30]
        ctx.at("FILE010", match.start(), text=snippet)
