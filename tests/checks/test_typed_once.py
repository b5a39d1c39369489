"""Front matter typed once: an English page takes the language-neutral fields from its Chinese page.

The build (kb.frontmatter.read_meta) and the checks (Workspace) see the merged fields; a neutral
field written in the English page too is an error in Chinese at its line (FM008, or FM006 when the
value differs), which ``--fix`` removes when it repeats the Chinese value and leaves when it differs.
"""

from __future__ import annotations

from kb.checks import fix
from kb.checks.rules import RULES
from kb.checks.runner import run
from kb.checks.workspace import Workspace
from kb.frontmatter import read_meta, read_page
from tests.checks.conftest import CASE_FRONT, DocsTree
from tests.checks.test_rules import CASE_EN


def test_english_page_sees_the_chinese_neutral_fields(tree: DocsTree) -> None:
    tree.write("cases/a.md", CASE_FRONT)
    english = tree.write("cases/a.en.md", CASE_EN)
    for meta in (read_meta(english), read_page(english)[0], Workspace(tree.docs).page(english).meta):
        assert meta["id"] == "case-901" and meta["category"] == "protection-order"
        assert meta["review"] == {"status": "draft"} and meta["updated"] == "2026-11-28"
        assert meta["title"] == "Test case" and meta["outcome"] == "The court issued a protection order"
    assert "id" not in Workspace(tree.docs).page(english).own_meta  # what the file itself says
    assert [p for p in run(docs=tree.docs) if p.severity == "error"] == []


def test_the_chinese_value_wins(tree: DocsTree) -> None:
    tree.write("cases/a.md", CASE_FRONT)
    english = tree.write("cases/a.en.md", CASE_EN.replace("title:", "category: divorce\ntitle:"))
    assert read_meta(english)["category"] == "protection-order"
    assert Workspace(tree.docs).page(english).meta["category"] == "protection-order"


def test_a_repeated_field_is_reported_in_chinese_at_its_line(tree: DocsTree) -> None:
    tree.write("cases/a.md", CASE_FRONT)
    tree.write("cases/a.en.md", CASE_EN.replace("outcome:", "tags: [protection-order]\noutcome:"))
    found = [p for p in run(docs=tree.docs) if p.rule == "FM008"]
    assert [(p.path, p.line) for p in found] == [("docs/cases/a.en.md", 4)]
    assert "此字段只写在中文页面里" in found[0].message("zh") and "tags" in found[0].message("zh")
    assert "make fix" in RULES["FM008"].fix_zh


def test_a_different_value_is_fm006_with_both_values(tree: DocsTree) -> None:
    tree.write("cases/a.md", CASE_FRONT)
    tree.write("cases/a.en.md", CASE_EN.replace("outcome:", "relationship: dating\noutcome:"))
    found = [p for p in run(docs=tree.docs) if p.rule in ("FM006", "FM008")]
    assert [(p.rule, p.line) for p in found] == [("FM006", 4)]
    message = found[0].message("zh")
    assert "此字段只写在中文页面里" in message and '"spouse"' in message and '"dating"' in message


def test_fix_removes_repeats_and_leaves_what_differs(tree: DocsTree) -> None:
    tree.write("cases/a.md", CASE_FRONT)
    english = tree.write("cases/a.en.md", CASE_FRONT.replace("category: protection-order", "category: divorce")
                         .replace("测试案例", "Test case"))
    lines = fix.fix_files([english], "zh", tree.docs)
    text = english.read_text(encoding="utf-8")
    assert "category: divorce" in text  # the volunteer decides which is right
    for field in ("id:", "tags:", "cites:", "source:", "relationship:", "measures:", "review:", "updated:"):
        assert f"\n{field}" not in text, field
    assert "title: Test case" in text and "outcome:" in text and "依据[[反家庭暴力法 23]]" in text
    assert any("未删除 category" in line and "中文页面" in line for line in lines), lines
    assert [p.rule for p in run(docs=tree.docs) if p.severity == "error"] == ["FM006"]


def test_fix_of_an_english_page_written_once_changes_nothing(tree: DocsTree) -> None:
    tree.write("cases/a.md", CASE_FRONT)
    english = tree.write("cases/a.en.md", CASE_EN)
    assert fix.fix_file(english, tree.docs) == fix.UNCHANGED


def test_english_page_without_a_chinese_page_keeps_and_needs_its_fields(tree: DocsTree) -> None:
    """No Chinese page to take them from: the English page is checked as a whole (and I18N005 says why)."""
    tree.write("cases/a.en.md", CASE_FRONT.replace("测试案例", "Test case"))
    rules = {p.rule for p in run(docs=tree.docs)}
    assert "I18N005" in rules and "FM008" not in rules and "FM004" not in rules
    tree.write("cases/b.en.md", CASE_EN)
    missing = {dict(p.params).get("field") for p in run(docs=tree.docs) if p.rule == "FM004"}
    assert "id" in missing  # a case without an id, as any Chinese case page would be
