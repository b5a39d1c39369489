"""Personal data in the forms volunteers paste (full-width, spaced, hyphenated), and the
ordinary numbers that must not be taken for it."""

from __future__ import annotations

import pytest

from tests.checks.conftest import CASE_FRONT, DocsTree, rules_of

CAUGHT = [
    ("PII002", "她的手机号是１３８１２３４５６７８。"),
    ("PII002", "联系电话 138 1234 5678。"),
    ("PII002", "联系电话 138-1234-5678。"),
    ("PII002", "联系电话１３８　１２３４　５６７８。"),
    ("PII001", "身份证号 110105 19491231 002X。"),
    ("PII001", "身份证号 110105-19491231-002X。"),
    ("PII001", "身份证号１１０１０５１９４９１２３１００２Ｘ。"),
    ("PII001", "身份证号 1101 0519 4912 3100 2X。"),
    ("PII004", "邮箱 zhang.san＠example.com。"),
    ("PII005", "她住在文三路 88 号。"),
    ("PII005", "她住在文三路８８号。"),
]
PASSING = [
    "依据反家庭暴力法第 23 条申请。",
    "2026 年 12 月 5 日，法院作出裁定。",
    "拨打 12338 或者 12348 求助，紧急时拨打 110。",
    "法院可以处一千元以下罚款，本案罚款 1000 元。",
    "抚养费每月 1500 元，至孩子年满 18 周岁。",
    "第二百六十条之一",
    "本站收录了 1,624 个网址。",
    "2023 年 6 月 15 日发布的 10 个案例中的第 5 号。",
]


@pytest.mark.parametrize(("rule", "line"), CAUGHT)
def test_pasted_forms_are_caught(tree: DocsTree, rule: str, line: str) -> None:
    tree.write("cases/a.md", CASE_FRONT + line + "\n")
    problems = tree.check("cases/a.md")
    found = [p for p in problems if p.rule == rule]
    assert found, (line, [(p.rule, p.message("zh")) for p in problems])
    assert found[0].line == CASE_FRONT.count("\n") + 1
    # The message quotes the text as written, full-width characters and all.
    assert dict(found[0].params)["value"] in line


@pytest.mark.parametrize("line", PASSING)
def test_ordinary_numbers_are_not_personal_data(tree: DocsTree, line: str) -> None:
    tree.write("cases/a.md", CASE_FRONT + line + "\n")
    assert not {rule for rule in rules_of(tree.check("cases/a.md")) if rule.startswith("PII")}, line
