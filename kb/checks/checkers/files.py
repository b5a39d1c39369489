"""File names: lowercase ASCII slugs, because file names are URLs forever."""

from __future__ import annotations

import re

from kb.checks.checkers import Context

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.en)?\.md$")
FOLDER = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def check(ctx: Context) -> None:
    parts = ctx.page.rel.split("/")
    for part in parts[:-1]:
        if not FOLDER.match(part):
            ctx.at_line("FILE008", 1, 1, name=part)
    if not SLUG.match(parts[-1]):
        ctx.at_line("FILE008", 1, 1, name=parts[-1])
