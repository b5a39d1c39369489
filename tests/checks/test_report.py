"""The Markdown report a pull request's comment shows, and the fix text in every output format."""

from __future__ import annotations

import re

from kb.checks import report
from kb.checks.model import problem
from kb.checks.rules import RULES
from tests.checks.conftest import PAGE, DocsTree

GUIDE = "https://github.com/example/womens-rights-kb/blob/HEAD/CONTRIBUTING.md"
ZH = PAGE + "依据[[反家庭暴力法 99]]申请。\n"
EN = (PAGE.replace("测试页面", "Test page").replace("description: 用于测试内容检查的页面。\n", "")
      + "See [the steps](missing.md).\n")


def test_report_lists_both_twins_with_rules_lines_messages_and_fixes(tree: DocsTree) -> None:
    tree.write("about/a.md", ZH)
    tree.write("about/a.en.md", EN)
    problems = tree.check("about/a.md")  # only the Chinese page is named; its twin comes with it
    text = report.markdown(problems, "zh", GUIDE)
    assert text.startswith(report.MARKER + "\n")
    assert re.search(r"^❌ \d+ 个错误，\d+ 个警告，涉及 2 个文件$", text, re.M), text
    assert "### `docs/about/a.md`" in text and "### `docs/about/a.en.md`" in text
    rows = {line.split(" | ")[0]: line for line in text.splitlines() if line.startswith("| [")}
    cite = rows[f"| [CITE003]({GUIDE}#cite003) 错误"]
    assert "| 8:3 |" in cite
    assert "引用的条文不存在：反家庭暴力法第 99 条" in cite
    assert RULES["CITE003"].fix_zh in cite
    missing = rows[f"| [FM004]({GUIDE}#fm004) 错误"]
    assert "| 1:1 | 缺少必填字段“description” | " + RULES["FM004"].fix_zh in missing
    link = rows[f"| [LINK001]({GUIDE}#link001) 错误"]
    assert "| 7:17 | 链接目标不存在：missing.md | " + RULES["LINK001"].fix_zh in link
    # Each file's table holds its own problems.
    en_part = text.split("### `docs/about/a.en.md`")[1].split("### ")[0]
    assert "LINK001" in en_part and "CITE003" not in en_part


def test_no_problems_says_so() -> None:
    text = report.markdown([], "zh", GUIDE)
    assert text.startswith(report.MARKER)
    assert "没有发现问题" in text and "| [" not in text


def test_cells_cannot_break_the_table_or_inject_html() -> None:
    found = problem("docs/about/a.md", 3, 1, "HTML001", tag="script>|<img src=x onerror=alert(1)")
    row = next(line for line in report.markdown([found], "zh").splitlines() if line.startswith("| ["))
    assert "<img" not in row and "&lt;img" in row
    assert row.count(" | ") == 3  # four cells: the pipe in the message is escaped


def test_long_reports_are_cut_below_githubs_limit() -> None:
    many = [problem(f"docs/about/p{n:04}.md", 1, 1, "PII004", value="x" * 200 + "@example.org") for n in range(400)]
    text = report.markdown(many, "zh")
    assert len(text) < 65_536
    listed = sum(1 for line in text.splitlines() if line.startswith("| ["))
    assert 0 < listed < 400
    assert f"还有 {400 - listed} 个问题没有列出" in text


def test_fix_text_in_every_format() -> None:
    found = [problem("docs/about/a.md", 2, 1, "QUESTION002")]
    fix = "在答案后加 ## 深入了解 {#more}，列出一到三个指向求助页、指南、案例或条文的链接。"  # braces undoubled
    assert report.text(found, "zh").splitlines()[1] == f"    修改方法：{fix}"
    assert f"%0A修改方法：{fix} (CONTRIBUTING.md#question002)" in report.github(found, "zh")
    assert f'"fix": "{fix}"' in report.as_json(found, "zh")
    assert f"| {fix} |" in report.markdown(found, "zh")
    assert "How to fix: After the answer add ## Learn more {#more}" in report.text(found, "en")


def test_the_pull_request_report_does_not_repeat_personal_data() -> None:
    from kb.checks.model import problem
    from kb.checks.report import markdown

    found = [problem("docs/cases/a.md", 9, 3, "PII002", value="13812345678")]
    report = markdown(found, "zh")
    assert "13812345678" not in report
    assert "13*******78" in report and "PII002" in report
