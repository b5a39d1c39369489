"""A problem found by a check: where, which rule, and the message parameters."""

from __future__ import annotations

from dataclasses import dataclass, field

from kb.checks.rules import RULES


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the repository root, as the volunteer sees it
    line: int
    col: int
    rule: str
    params: tuple[tuple[str, object], ...] = field(default=(), compare=False)

    @property
    def severity(self) -> str:
        return RULES[self.rule].severity

    def message(self, language: str) -> str:
        return RULES[self.rule].message(language, dict(self.params))

    def fix(self, language: str) -> str:
        return RULES[self.rule].fix(language)


def problem(path: str, line: int, col: int, rule: str, **params: object) -> Problem:
    if rule not in RULES:
        raise KeyError(f"unknown rule {rule}")
    return Problem(path, line, col, rule, tuple(sorted(params.items())))
