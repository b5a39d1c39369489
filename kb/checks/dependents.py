"""The pages whose checks depend on a set of pages: the pages that link to them or cite them.

A link is checked on the page that holds it (LINK001 target, LINK002 anchor) and a citation
on the citing page (CITE003): renaming a heading, or renumbering a law page's articles, breaks
a page nobody edited. So checking some pages (``check.py FILE``, the pre-commit hook, the
pull-request report) also checks the pages that point into them. Generated lists (the case
index, a law page's "cited by") are not content to check: the strict build renders them.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from kb.checks.checkers.links import SCHEME, internal_target
from kb.checks.markdown import links
from kb.checks.workspace import Workspace
from kb.citations import page_citations
from kb.frontmatter import FrontMatterError


def _stem(rel: str) -> str:
    """``law/x.en.md`` → ``law/x``: a page and its twin share it."""
    return rel.removesuffix(".md").removesuffix(".en")


def dependents(targets: Iterable[Path], docs: Path) -> set[Path]:
    """The pages under ``docs`` outside ``targets`` that link to one of them or cite its articles."""
    targets = set(targets)
    rels = {path.relative_to(docs).as_posix() for path in targets if path.is_relative_to(docs)}
    if not rels:
        return set()
    names = {rel.rsplit("/", 1)[-1].removesuffix(".md").removesuffix(".en") for rel in rels}
    laws = {_stem(rel).removeprefix("law/") for rel in rels if rel.startswith("law/")}
    workspace = Workspace(docs)
    found: set[Path] = set()
    for path in docs.rglob("*.md"):
        if path in targets or path.is_dir():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # the page's own check reports it when it is checked
        # Cheap substring tests first: most pages name none of the targets.
        if any(name in text for name in names) and _links_into(workspace, path, rels):
            found.add(path)
        elif laws and ("[[" in text or "cites:" in text) and _cites_into(path, laws):
            found.add(path)
    return found


def _links_into(workspace: Workspace, path: Path, rels: set[str]) -> bool:
    page = workspace.page(path)
    if page is None:
        return False
    for link in links(page.masked):
        url = link.url.strip()
        if url and not url.startswith("//") and not SCHEME.match(url):
            written, target, _ = internal_target(page.rel, url)
            if written and target in rels:
                return True
    return False


def _cites_into(path: Path, laws: set[str]) -> bool:
    try:
        keys, _ = page_citations(path, "")
    except (FrontMatterError, ValueError, TypeError, KeyError):
        return False  # front matter the page's own check reports
    return any(key.split("#")[0] in laws for key in keys)
