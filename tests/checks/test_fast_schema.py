"""The compiled fast path (kb/checks/fast_schema.py) and jsonschema agree.

The fast path may only skip jsonschema for front matter jsonschema accepts;
if it ever accepted something jsonschema rejects, a volunteer's mistake
would go unreported.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kb.checks.checkers.frontmatter import validator
from kb.checks.fast_schema import is_valid
from kb.checks.workspace import Workspace
from kb.paths import DOCS

KINDS = ("case", "guide", "help", "law", "training", "page")


def jsonschema_valid(kind: str, meta: Any) -> bool:
    return not any(True for _ in validator(kind).iter_errors(meta))


@cache
def real_metas() -> list[tuple[str, dict[str, Any]]]:
    workspace = Workspace(DOCS)
    pages = (workspace.page(path) for path in workspace.all_markdown())
    return [(page.kind, page.meta) for page in pages if page is not None and page.front_matter_error is None]


def test_every_real_page_passes_both() -> None:
    metas = real_metas()
    assert len(metas) > 100
    for kind, meta in metas:
        assert is_valid(kind, meta) and jsonschema_valid(kind, meta), meta.get("title")


# Values a volunteer might type, including the ones where validators tend to differ:
# impossible dates, floats that are whole numbers, booleans where numbers go, empty strings.
ODD: list[Any] = [
    "", " ", "x", "2024-02-30", "2024-13-01", "2024-1-1", "2023-02-28", "case-001", "case-1", "case-0001",
    "draft", "reviewed", "divorce", "court", 0, 1, 1.0, 1.5, -1, True, False, None, [], ["court"], ["court", "court"],
    ["nope"], {}, {"status": "draft"}, {"status": "nope"}, "反家庭暴力法 23", ["反家庭暴力法 23"], ["反家庭暴力法"],
    "https://example.org/x", "not a url", "a" * 300, dt.date(2024, 1, 1),
]
ODD_VALUES = st.sampled_from(ODD)


def test_every_odd_value_in_every_field_agrees() -> None:
    """One real page per kind, each field set to each odd value: the two validators agree."""
    examples = {kind: meta for kind, meta in real_metas()}
    checked = 0
    for kind, meta in examples.items():
        for key in sorted(meta):
            for value in ODD:
                changed = {**meta, key: value}
                assert is_valid(kind, changed) == jsonschema_valid(kind, changed), (kind, key, value)
                checked += 1
    assert checked > 1000


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    metas = real_metas()
    kind, meta = draw(st.sampled_from(metas))
    meta = dict(meta)
    for _ in range(draw(st.integers(1, 3))):
        action = draw(st.sampled_from(["set", "drop", "nested", "add"]))
        key = draw(st.sampled_from(sorted(meta) or ["title"]))
        if action == "set":
            meta[key] = draw(ODD_VALUES)
        elif action == "drop":
            meta.pop(key, None)
        elif action == "nested" and isinstance(meta.get(key), dict) and meta[key]:
            inner = dict(meta[key])
            inner[draw(st.sampled_from(sorted(inner)))] = draw(ODD_VALUES)
            meta[key] = inner
        else:
            meta[draw(st.sampled_from(["extra", "status", "Title"]))] = draw(ODD_VALUES)
    return kind, meta


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_fast_path_never_accepts_what_jsonschema_rejects(case: tuple[str, dict[str, Any]]) -> None:
    kind, meta = case
    if is_valid(kind, meta):
        assert jsonschema_valid(kind, meta), meta


@pytest.mark.parametrize("kind", KINDS)
def test_fast_path_rejects_a_missing_title(kind: str) -> None:
    assert not is_valid(kind, {"description": "x"})
