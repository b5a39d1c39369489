"""File-level problems that need a real filesystem trick: unreadable files and symlinks."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.checks.conftest import PAGE, DocsTree, rules_of


def test_symlink_leaving_docs_is_an_error(tmp_path: Path) -> None:
    tree = DocsTree(tmp_path)
    outside = tmp_path / "secret.md"
    outside.write_text(PAGE, encoding="utf-8")
    (tree.docs / "about").mkdir()
    os.symlink(outside, tree.docs / "about" / "link.md")
    problems = tree.check("about/link.md")
    assert "FILE007" in rules_of(problems)


def test_symlink_inside_docs_is_fine(tmp_path: Path) -> None:
    tree = DocsTree(tmp_path)
    target = tree.write("about/real.md", PAGE)
    os.symlink(target, tree.docs / "about" / "alias.md")
    assert "FILE007" not in rules_of(tree.check("about/alias.md"))


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a file without read permission")
def test_unreadable_file_is_an_error(tmp_path: Path) -> None:
    tree = DocsTree(tmp_path)
    path = tree.write("about/a.md", PAGE)
    path.chmod(0)
    try:
        assert "FILE001" in rules_of(tree.check("about/a.md"))
    finally:
        path.chmod(0o644)


def test_directory_named_like_a_page_is_an_error(tmp_path: Path) -> None:
    """Reading a folder fails like an unreadable file: FILE001, no traceback."""
    from kb.checks.workspace import Workspace

    tree = DocsTree(tmp_path)
    (tree.docs / "about" / "odd.md").mkdir(parents=True)
    workspace = Workspace(tree.docs)
    assert workspace.page(tree.docs / "about" / "odd.md") is None
    assert [p.rule for p in workspace.load_problems(tree.docs / "about" / "odd.md")] == ["FILE001"]
