"""Run the checkers over pages and collect problems."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable
from pathlib import Path

from kb.checks.checkers import Context, display_path, characters, citations, files, frontmatter, html, links, personal_data
from kb.checks.checkers import official_cases, placeholders, questions, review, statutes, terminology, translations
from kb.checks.dependents import dependents
from kb.checks.model import Problem, problem
from kb.checks.workspace import Page, Workspace
from kb.paths import DOCS, SHARED_LAWS
from kb.releases import case_files
from kb.twins import twin

CHECKERS = [files, placeholders, frontmatter, official_cases, questions, links, citations, statutes, personal_data, html, characters,
            translations, terminology, review]


def collect(paths: Iterable[Path], docs: Path = DOCS, dependent: bool = True) -> tuple[list[Path], list[Problem]]:
    """Markdown files to check under ``paths`` (default: all of docs/), plus path errors.

    A page's other-language twin is always checked with it: an edit to the Chinese page can put
    its English page out of step (FM006, I18N002), and the pre-commit hook and the pull-request
    annotations check only the files a change touched. So are, unless ``dependent`` is false
    (``--fix`` changes only the pages named and their twins), the pages that link to or cite
    them (kb/checks/dependents.py): a renamed heading breaks the link on another page.
    """
    found: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        path = path if path.is_absolute() else Path.cwd() / path
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*.md")) if not p.is_dir())
        elif path.suffix == ".md" and (path.exists() or path.is_symlink()):
            found.append(path)
    twins = [twin(path) for path in found if path.is_relative_to(docs)]
    found.extend(path for path in twins if path.is_file())
    if dependent:
        found.extend(dependents(found, docs))
    return sorted(set(found)), problems


# Below this many files a second process costs more than it saves.
PARALLEL_MIN = 200
BATCH = 25


def _case_id(page: Page | None) -> str | None:
    """The id of a Chinese case page (the one FM007 compares), else None."""
    if page is None or page.kind != "case" or page.is_english or page.path.name == "index.md":
        return None
    value = page.meta.get("id")
    return value if isinstance(value, str) else None


def check_files(targets: list[Path], docs: Path, shared: Path | None,
                workspace: Workspace | None = None) -> tuple[list[Problem], dict[str, str]]:
    """Every per-page rule over ``targets``; also each checked Chinese case page's id, by page."""
    workspace = workspace or Workspace(docs)
    problems: list[Problem] = []
    case_ids: dict[str, str] = {}
    for path in targets:
        page = workspace.page(path)
        for load in workspace.load_problems(path):
            problems.append(problem(display_path(path, docs), load.line, load.col, load.rule, **load.params))
        if page is None:
            continue
        ctx = Context(page, workspace, shared)
        for checker in CHECKERS:
            checker.check(ctx)
        problems.extend(ctx.problems)
        case_id = _case_id(page)
        if case_id is not None:
            case_ids[page.rel] = case_id
    return problems, case_ids


# Each worker process keeps one workspace for all the batches it checks.
_worker: dict[str, object] = {}


def _start_worker(docs: Path, shared: Path | None) -> None:
    _worker.update(docs=docs, shared=shared, workspace=Workspace(docs))


def _check_batch(batch: list[Path]) -> tuple[list[Problem], dict[str, str]]:
    return check_files(batch, _worker["docs"], _worker["shared"], _worker["workspace"])  # type: ignore[arg-type]


def check_parallel(targets: list[Path], docs: Path, shared: Path | None) -> tuple[list[Problem], dict[str, str]]:
    """``check_files`` spread over the machine's cores.

    Pages are checked independently (each process reads the few pages a rule
    looks across to, such as law pages and counterparts, itself), so the work
    splits without shared state. Small batches handed out as workers free up
    keep the cores evenly busy: a law page costs fifty case pages. Fork
    starts the workers with the parent's imports at no cost.
    """
    workers = min(os.cpu_count() or 1, 8)
    if workers < 2 or len(targets) < PARALLEL_MIN or "fork" not in multiprocessing.get_all_start_methods():
        return check_files(targets, docs, shared)
    batches = [targets[index:index + BATCH] for index in range(0, len(targets), BATCH)]
    # Heaviest batches first (a law page costs fifty case pages), so that no
    # core is left with one at the end while the other has nothing to do.
    batches.sort(key=lambda batch: sum(map(_size, batch)), reverse=True)
    problems: list[Problem] = []
    case_ids: dict[str, str] = {}
    with multiprocessing.get_context("fork").Pool(workers, _start_worker, (docs, shared)) as pool:
        for batch_problems, batch_ids in pool.imap_unordered(_check_batch, batches):
            problems.extend(batch_problems)
            case_ids.update(batch_ids)
    return problems, case_ids


def _size(path: Path) -> int:
    """The file's size in bytes; 0 if it cannot be read (the checks report why)."""
    try:
        return path.stat().st_size
    except OSError:
        return 0


def duplicate_case_ids(known: dict[str, str], docs: Path) -> list[Problem]:
    """FM007 for every checked case page whose id an earlier page (by file name) already uses.

    ``known`` holds the ids of the pages just checked; the other case pages
    (when only some files are checked) are read here.
    """
    workspace = Workspace(docs)
    first: dict[str, str] = {}
    for path in case_files(docs):
        if path.name.endswith(".en.md"):
            continue
        rel = path.relative_to(docs).as_posix()
        case_id = known[rel] if rel in known else _case_id(workspace.page(path))
        if case_id is not None:
            first.setdefault(case_id, rel)
    return [problem(display_path(docs / rel, docs), 1, 1, "FM007", id=case_id, other=f"docs/{first[case_id]}")
            for rel, case_id in known.items() if first[case_id] != rel]


def shared_laws_folder(shared_laws: Path | None = SHARED_LAWS) -> Path | None:
    """The official texts to compare statutes with, or None where ../shared is not beside the clone."""
    return shared_laws if shared_laws is not None and shared_laws.is_dir() else None


def run(paths: list[Path] | None = None, rules: set[str] | None = None, docs: Path = DOCS,
        shared_laws: Path | None = SHARED_LAWS) -> list[Problem]:
    """Check ``paths`` (all of docs/ when None); keep only ``rules`` if given."""
    targets, problems = collect(paths or [docs], docs)
    page_problems, case_ids = check_parallel(targets, docs, shared_laws_folder(shared_laws))
    problems += page_problems + duplicate_case_ids(case_ids, docs)
    if rules:
        problems = [p for p in problems if p.rule in rules]
    return sorted(set(problems))
