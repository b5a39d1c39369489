"""Translation status: every Chinese page has an English one that is not older
than its source, and English pages keep the Chinese page's anchors."""

from __future__ import annotations

import hashlib
import re

from kb.checks.checkers import Context
from kb.checks.workspace import Page
from kb.frontmatter import key_line

# Whitespace (as str.rstrip() strips it) at the end of a line.
TRAILING_SPACE = re.compile(r"[^\S\n]+(?:\n|$)")


def source_hash(page: Page) -> str:
    """SHA-256 of a Chinese page's body (front matter excluded), lines right-stripped.

    Changing only front matter (review status, dates) does not make a
    translation outdated; changing the text does.
    """
    body = page.body.strip("\n")
    if TRAILING_SPACE.search(body):  # most pages have none, and need no pass over their lines
        body = "\n".join(line.rstrip() for line in body.split("\n"))
    return hashlib.sha256((body + "\n").encode("utf-8")).hexdigest()


def status(page: Page, english: Page | None) -> str:
    """"missing", "unmarked", "outdated" or "current" for a Chinese page."""
    if english is None:
        return "missing"
    recorded = english.meta.get("translated_from") if isinstance(english.meta, dict) else None
    if not recorded:
        return "unmarked"
    return "current" if recorded == source_hash(page) else "outdated"


def check(ctx: Context) -> None:
    page = ctx.page
    other = ctx.workspace.counterpart(page)
    if not page.is_english:
        if other is None:
            ctx.at_line("I18N001", 1, 1, expected=page.path.name[:-3] + ".en.md")
        return
    if other is None:
        ctx.at_line("I18N005", 1, 1)
        return
    state = status(other, page)
    if state == "unmarked":
        ctx.at_line("I18N003", 1, 1)
    elif state == "outdated":
        line, col = key_line(page.text, ["translated_from"])
        ctx.at_line("I18N002", line, col)
    missing = sorted(other.explicit_anchors - page.explicit_anchors)
    if missing:
        shown = ", ".join(f"#{anchor}" for anchor in missing[:8]) + (" …" if len(missing) > 8 else "")
        ctx.at_line("I18N004", 1, 1, ids=shown)
