"""One module per concern. Each exposes ``check(ctx)`` and reports through ``ctx``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kb.checks.model import Problem, problem
from kb.checks.workspace import Page, Workspace
from kb.paths import ROOT


def display_path(path: Path, docs: Path) -> str:
    """The path as the volunteer sees it: relative to the repository (docs/…)."""
    if path.is_relative_to(ROOT):
        return path.relative_to(ROOT).as_posix()
    return path.relative_to(docs.parent).as_posix() if path.is_relative_to(docs.parent) else path.as_posix()


@dataclass
class Context:
    """The page being checked, the workspace around it, and the problems so far."""

    page: Page
    workspace: Workspace
    shared_laws: Path | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def path(self) -> str:
        return display_path(self.page.path, self.workspace.docs)

    def at(self, rule: str, offset: int, **params: object) -> None:
        """Report ``rule`` at a character offset of the page."""
        line, col = self.page.position(offset)
        self.at_line(rule, line, col, **params)

    def at_line(self, rule: str, line: int, col: int = 1, **params: object) -> None:
        if rule in self.page.allowed.get(line, set()):
            return
        self.problems.append(problem(self.path, line, col, rule, **params))
