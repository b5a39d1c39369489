"""Review status: reviewed pages must be reviewed again within 12 months."""

from __future__ import annotations

import datetime as dt

from kb.checks.checkers import Context
from kb.frontmatter import key_line

MAX_AGE = dt.timedelta(days=365)


def check(ctx: Context, today: dt.date | None = None) -> None:
    review = ctx.page.meta.get("review") if isinstance(ctx.page.meta, dict) else None
    if not isinstance(review, dict) or review.get("status") != "reviewed":
        return
    try:
        on = dt.date.fromisoformat(str(review.get("on")))
    except ValueError:
        return  # the schema reports the bad date
    if (today or dt.date.today()) - on > MAX_AGE:
        line, col = key_line(ctx.page.text, ["review", "on"])
        ctx.at_line("REVIEW001", line, col, on=on.isoformat())
