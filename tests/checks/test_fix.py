"""``check.py --fix``: what it repairs, and that it never hides personal data."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.checks import fix
from tests.checks.conftest import CASE_FRONT, DocsTree, rules_of


def test_fix_repairs_line_endings_and_keyboard_brackets(tree: DocsTree) -> None:
    path = tree.write("cases/a.md", (CASE_FRONT + "依据【【反家庭暴力法 23】】申请。\n").replace("\n", "\r\n"))
    assert {"FILE009", "CITE006"} <= rules_of(tree.check("cases/a.md"))
    assert fix.fix_file(path, tree.docs) == fix.CHANGED
    assert b"\r" not in path.read_bytes()
    assert "[[反家庭暴力法 23]]申请" in path.read_text(encoding="utf-8")
    assert not {"FILE009", "CITE006"} & rules_of(tree.check("cases/a.md"))


def test_fix_never_turns_a_personal_data_error_into_a_pass(tree: DocsTree, monkeypatch: pytest.MonkeyPatch) -> None:
    """Were a fixer to space a phone number apart where the rule no longer sees it, the file is left alone."""
    path = tree.write("cases/a.md", CASE_FRONT + "她的手机号是 13812345678，需要保密。\n")
    before = path.read_bytes()
    monkeypatch.setattr(fix, "fixed", lambda text, offset, statute: text.replace("13812345678", "138·1234·5678"))
    assert fix.fix_file(path, tree.docs) == fix.REFUSED
    assert path.read_bytes() == before
    lines = fix.fix_files([path], "zh", tree.docs)
    assert lines and lines[0].startswith("未修正") and str(path) in lines[0]


def test_spaced_addresses_stay_caught_after_fix(tree: DocsTree) -> None:
    path: Path = tree.write("cases/a.md", CASE_FRONT + "她住在文三路88号。\n")
    fix.fix_file(path, tree.docs)
    assert "PII005" in rules_of(tree.check("cases/a.md"))
