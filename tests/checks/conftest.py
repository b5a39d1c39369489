"""Helpers for testing the content checks on small temporary docs/ trees."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.checks.model import Problem
from kb.checks.runner import run

PAGE = "---\ntitle: 测试页面\ndescription: 用于测试内容检查的页面。\n---\n\n# 测试页面\n\n"
CASE_FRONT = """---
id: case-901
title: 测试案例
description: 用于测试内容检查的教学案例。
category: protection-order
tags: [protection-order]
cites: [反家庭暴力法 23]
source: {kind: teaching}
relationship: spouse
measures: [protection-order]
outcome: 法院作出人身安全保护令
review: {status: draft}
updated: 2026-11-28
---

# 测试案例

依据[[反家庭暴力法 23]]申请。

"""


class DocsTree:
    """A temporary docs/ folder; ``check()`` runs the real checks over it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.docs = root / "docs"
        self.docs.mkdir(parents=True)

    def write(self, rel: str, text: str | bytes) -> Path:
        path = self.docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def check(self, *rels: str, shared: Path | None = None) -> list[Problem]:
        paths = [self.docs / rel for rel in rels] or None
        return run(paths, docs=self.docs, shared_laws=shared)


@pytest.fixture
def tree(tmp_path: Path) -> DocsTree:
    return DocsTree(tmp_path)


def rules_of(problems: list[Problem]) -> set[str]:
    return {p.rule for p in problems}
