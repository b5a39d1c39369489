""""Last updated" dates from git: one ``git log`` for the whole site.

Material shows ``page.meta.git_revision_date_localized`` at the foot of each
page, and the print footer (overrides/partials/kb/share.html) uses the ISO
date. The git-revision-date-localized plugin filled these by running git
once per page and language: 4,000 processes for a 2,000-page site, an eighth
of the build. One log of the docs folder, read once per build, gives every
file its last commit.

Files git does not know (new, generated, or a checkout without history) get
the build date, as the plugin's ``fallback_to_build_date`` did.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from babel.dates import format_date
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from kb.i18n_builds import is_outermost

_dates: dict[str, dt.date] = {}


def last_commit_dates(docs: Path) -> dict[str, dt.date]:
    """Each file under ``docs`` (as a docs-relative path) and the UTC date of its last commit."""
    try:
        log = subprocess.run(["git", "log", "--relative", "--no-renames", "--name-only", "--format=%x00%ct", "--", "."],
                             cwd=docs, capture_output=True, text=True, encoding="utf-8", check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}  # not a git checkout: every page falls back to the build date
    dates: dict[str, dt.date] = {}
    current: dt.date | None = None
    for line in log.splitlines():
        if line.startswith("\0"):
            current = dt.datetime.fromtimestamp(int(line[1:]), dt.timezone.utc).date()
        elif line and current is not None:
            dates.setdefault(line, current)  # the log is newest first
    return dates


def on_pre_build(config: MkDocsConfig) -> None:
    """Read the log once per site; the i18n plugin's per-language builds reuse it."""
    if is_outermost(config):
        _dates.clear()
        _dates.update(last_commit_dates(Path(config.docs_dir)))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    date = _dates.get(page.file.src_uri) or dt.datetime.now(dt.timezone.utc).date()
    page.meta["git_revision_date_localized"] = format_date(date, format="long", locale=str(config.theme["language"]))
    page.meta["git_revision_date_localized_raw_iso_date"] = date.isoformat()
    return markdown
