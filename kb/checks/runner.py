"""Run the checkers over pages and collect problems."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from kb.checks.checkers import Context, display_path, characters, citations, files, frontmatter, html, links, personal_data
from kb.checks.checkers import review, statutes, translations
from kb.checks.model import Problem, problem
from kb.checks.workspace import Workspace
from kb.paths import DOCS, SHARED_LAWS

CHECKERS = [files, frontmatter, links, citations, statutes, personal_data, html, characters, translations, review]


def collect(paths: Iterable[Path], docs: Path = DOCS) -> tuple[list[Path], list[Problem]]:
    """Markdown files to check under ``paths`` (default: all of docs/), plus path errors."""
    found: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        path = path if path.is_absolute() else Path.cwd() / path
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*.md")) if not p.is_dir())
        elif path.suffix == ".md" and (path.exists() or path.is_symlink()):
            found.append(path)
    return sorted(set(found)), problems


def first_case_ids(workspace: Workspace, docs: Path) -> dict[str, str]:
    """Each case id and the first Chinese case page (by file name) that uses it."""
    ids: dict[str, str] = {}
    for path in sorted((docs / "cases").glob("*.md")):
        if path.name.endswith(".en.md") or path.name == "index.md":
            continue
        page = workspace.page(path)
        if page is not None and isinstance(page.meta.get("id"), str):
            ids.setdefault(page.meta["id"], page.rel)
    return ids


def run(paths: list[Path] | None = None, rules: set[str] | None = None, docs: Path = DOCS,
        shared_laws: Path | None = SHARED_LAWS) -> list[Problem]:
    """Check ``paths`` (all of docs/ when None); keep only ``rules`` if given."""
    workspace = Workspace(docs)
    targets, problems = collect(paths or [docs], docs)
    shared = shared_laws if shared_laws is not None and shared_laws.is_dir() else None
    case_ids = first_case_ids(workspace, docs)
    for path in targets:
        page = workspace.page(path)
        rel = display_path(path, docs)
        for load in workspace.load_problems.get(Path(path), []) or workspace.load_problems.get(path.resolve(), []):
            problems.append(problem(rel, load.line, load.col, load.rule, **load.params))
        if page is None:
            continue
        ctx = Context(page, workspace, shared)
        for checker in CHECKERS:
            checker.check(ctx)
        problems.extend(ctx.problems)
        if page.kind == "case" and not page.is_english and isinstance(page.meta.get("id"), str):
            first = case_ids.get(page.meta["id"])
            if first is not None and first != page.rel:
                problems.append(problem(rel, 1, 1, "FM007", id=page.meta["id"], other=f"docs/{first}"))
    if rules:
        problems = [p for p in problems if p.rule in rules]
    return sorted(set(problems))
