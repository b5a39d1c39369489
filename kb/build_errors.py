"""Content mistakes stop the build with the checks' own report, not a Python traceback.

A hook that meets a page it cannot render (a misspelled category, an unknown article, a case
without an id) raises KeyError or ValueError deep inside MkDocs, which prints a traceback in
English and, under ``make serve``, stops the live preview. Hooks wrap their work on one page in
``content_errors(path, docs)``: such an error becomes a ``ContentError``, a MkDocs BuildError,
which MkDocs prints as a message and ``make serve`` survives. The message is the content checks'
report on that page (``docs/cases/x.md:5:1: error FM003 …``, in Chinese with the fix), the same
lines ``scripts/check.py`` prints; the hook's own reason follows.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.exceptions import PluginError

from kb.citations import CitationError

CONTENT_ERRORS = (KeyError, ValueError, TypeError, CitationError)


class ContentError(PluginError):
    """A page the build cannot render, reported as the checks report it."""


def report(path: Path, docs: Path, reason: str) -> str:
    """The checks' errors for ``path`` (Chinese, with file and line), then the build's reason."""
    from kb.checks.report import text
    from kb.checks.rules import ERROR
    from kb.checks.runner import check_files
    from kb.checks.workspace import Workspace

    problems, _ = check_files([path], docs, None, Workspace(docs))
    errors = [p for p in problems if p.severity == ERROR]
    lines = [text(errors, "zh")] if errors else []
    lines.append(f"构建中止：{path.relative_to(docs.parent) if path.is_relative_to(docs.parent) else path} "
                 f"无法生成（{reason}）。改正上面的问题后重新构建；详见 CONTRIBUTING.md。")
    return "\n".join(lines)


@contextmanager
def content_errors(path: str | Path | None, docs: str | Path) -> Iterator[None]:
    """Turn a content mistake met while building the page at ``path`` into a ContentError."""
    try:
        yield
    except ContentError:
        raise
    except CONTENT_ERRORS as error:
        if path is None:  # a generated page: the mistake is the project's, keep the traceback
            raise
        reason = error.message_en if isinstance(error, CitationError) else str(error)
        raise ContentError(report(Path(path), Path(docs), reason)) from None
