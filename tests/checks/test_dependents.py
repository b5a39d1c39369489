"""Checking a page also checks the pages that link to it or cite it (kb/checks/dependents.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kb.checks.runner import collect
from tests.checks.conftest import PAGE, DocsTree

ROOT = Path(__file__).resolve().parents[2]
TARGET = PAGE + "## 申请步骤\n\n先写申请书。\n"
LINKING = PAGE + "见[申请步骤](../help/steps.md#申请步骤)。\n"


def test_a_renamed_heading_breaks_the_linking_page(tree: DocsTree) -> None:
    tree.write("help/steps.md", TARGET)
    tree.write("guides/order.md", LINKING)
    assert not [p for p in tree.check("help/steps.md") if p.rule == "LINK002"]
    tree.write("help/steps.md", TARGET.replace("## 申请步骤", "## 怎样申请"))
    broken = [p for p in tree.check("help/steps.md") if p.rule == "LINK002"]
    assert [(p.path, p.line) for p in broken] == [("docs/guides/order.md", 8)], broken


def test_pages_that_do_not_link_are_left_out(tree: DocsTree) -> None:
    tree.write("help/steps.md", TARGET)
    tree.write("help/steps-more.md", PAGE + "steps.md 这个名字出现在文字里，但不是链接。\n")
    tree.write("guides/order.md", LINKING)
    files, _ = collect([tree.docs / "help" / "steps.md"], tree.docs)
    assert files == [tree.docs / "guides" / "order.md", tree.docs / "help" / "steps.md"]


def test_an_english_page_linking_to_the_chinese_name_is_included(tree: DocsTree) -> None:
    tree.write("help/steps.md", TARGET)
    tree.write("help/steps.en.md", TARGET)
    tree.write("guides/order.en.md", LINKING)
    files, _ = collect([tree.docs / "help" / "steps.en.md"], tree.docs)
    assert tree.docs / "guides" / "order.en.md" in files


def test_pages_citing_a_law_page_are_checked_with_it(tree: DocsTree) -> None:
    law = tree.write("law/anti-domestic-violence-law.md", PAGE)
    citing = tree.write("cases/a.md", PAGE + "依据[[反家庭暴力法 23]]申请。\n")
    in_front_matter = tree.write("cases/b.md", PAGE.replace("---\n\n", "cites: [反家庭暴力法 23]\n---\n\n", 1))
    other = tree.write("cases/c.md", PAGE + "依据[[刑法 260]]。\n")
    files, _ = collect([law], tree.docs)
    assert citing in files and in_front_matter in files
    assert other not in files


def test_fix_changes_only_the_named_pages(tree: DocsTree) -> None:
    tree.write("help/steps.md", TARGET)
    tree.write("guides/order.md", LINKING)
    files, _ = collect([tree.docs / "help" / "steps.md"], tree.docs, dependent=False)
    assert files == [tree.docs / "help" / "steps.md"]


def test_check_py_with_only_the_edited_page_reports_the_broken_link() -> None:
    """The command a volunteer, the pre-commit hook and the pull-request step run."""
    target = ROOT / "docs" / "about" / "zz-dependents-target.md"
    linking = ROOT / "docs" / "about" / "zz-dependents-linking.md"
    target.write_text(TARGET.replace("## 申请步骤", "## 怎样申请"), encoding="utf-8")
    linking.write_text(PAGE + "见[申请步骤](zz-dependents-target.md#申请步骤)。\n", encoding="utf-8")
    try:
        result = subprocess.run([sys.executable, "scripts/check.py", str(target)], cwd=ROOT,
                                capture_output=True, text=True, check=False)
    finally:
        target.unlink()
        linking.unlink()
    assert result.returncode == 1, result.stdout
    assert "docs/about/zz-dependents-linking.md:8:" in result.stdout and " LINK002 " in result.stdout, result.stdout
