"""Each point of the legal review of 2026-12-05 (issue 23, point 2), pinned in both languages:
the page cites the article that now governs and states the rule's key words."""

from __future__ import annotations

import re

import pytest

from kb.paths import DOCS

# (review point, page without .md, citations both languages must carry, words the Chinese page must state,
#  words the English page must state)
POINTS = [
    ("2.1 competent courts", "guides/mediation/agreement", ["民事诉讼法 205", "民事诉讼法 206"],
     ["住所地", "标的物所在地", "调解组织所在地", "裁定"], ["domicile", "ruling"]),
    ("2.1 legal basis", "guides/mediation/legal-basis", ["民事诉讼法 205"], ["住所地"], ["domicile"]),
    ("2.1 training kit", "training/family-mediation", ["民事诉讼法 205"], [], []),
    ("2.1 teaching case", "cases/mediation-done-right", ["民事诉讼法 205", "民事诉讼法 206"], ["裁定调解协议有效"], []),
    ("2.2 objections and grounds", "guides/mediation/agreement", ["民诉法解释 355", "民诉法解释 358", "民诉法解释 372"],
     ["十五日", "六个月", "违反自愿原则"], ["15 days", "six months", "free will"]),
    ("2.3 child support", "guides/mediation/custody", ["婚姻家庭编解释（一） 49"], ["百分之二十至三十"], ["20", "30"]),
    ("2.4 debts and creditors", "guides/mediation/property-debts", ["婚姻家庭编解释（一） 35", "婚姻家庭编解释（二） 3"],
     ["债权人"], ["creditor"]),
    ("2.5 custody priority", "guides/mediation/custody",
     ["婚姻家庭编解释（二） 12", "婚姻家庭编解释（二） 13", "婚姻家庭编解释（二） 14"], ["应当"], ["must"]),
    ("2.5 teaching case", "cases/custody-violent-parent", ["婚姻家庭编解释（二） 14"], [], []),
    ("2.6 no fee, no security", "help/protection-order", [], ["法释〔2016〕15号", "担保", "待专业人员核实"],
     ["security", "to be checked by a professional"]),
    ("2.6 no fee, in the kit", "training/protection-orders", [], ["法释〔2016〕15号", "担保"], ["security"]),
    ("2.7 review", "help/protection-order", ["反家庭暴力法 31"], ["驳回", "五日"], ["reject", "effect"]),
    ("2.9 carers", "training/family-education-minors-handout", ["未成年人保护法 22"], ["完全民事行为能力人"],
     ["full civil capacity"]),
    ("2.10 heavier liability", "cases/workplace-sexual-harassment", ["刑法 237", "妇女权益保障法 85"], [], []),
    ("2.11 capacity", "help/support-services", ["民法典 18", "民法典 19", "民法典 20"], ["十六周岁"], ["16"]),
    ("2.12 shelters in Shandong", "help/support-services", ["山东省反家庭暴力条例 36"], ["山东"], ["Shandong"]),
    ("2.12 mediation in Shandong", "guides/mediation/screening", ["山东省反家庭暴力条例 20"], ["山东"], ["Shandong"]),
]


def citations(text: str) -> set[str]:
    """Every article a page cites, one "法律 条号" per article (lists like 反家庭暴力法 15、16 split)."""
    found = set()
    for inner in re.findall(r"\[\[([^\]|]+)(?:\|[^\]]*)?\]\]", text):
        name, _, numbers = inner.strip().rpartition(" ")
        for number in re.split(r"[、,，\s]+", numbers):
            if number:
                found.add(f"{name} {number}")
    return found


@pytest.mark.parametrize(("point", "page", "cites", "zh_words", "en_words"), POINTS, ids=[p[0] for p in POINTS])
def test_review_point_is_fixed_in_both_languages(point: str, page: str, cites: list[str], zh_words: list[str],
                                                 en_words: list[str]) -> None:
    for suffix, words in ((".md", zh_words), (".en.md", en_words)):
        text = (DOCS / f"{page}{suffix}").read_text(encoding="utf-8")
        missing = set(cites) - citations(text)
        assert not missing, f"{point}: {page}{suffix} does not cite {sorted(missing)}"
        for word in words:
            assert word in text, f"{point}: {page}{suffix} does not say {word!r}"


def test_wrpl_29_in_english_keeps_its_scope() -> None:
    """2.8: the danger limb is there; leaking information is part of the harassment, not a ground of its own."""
    text = (DOCS / "help" / "protection-order.en.md").read_text(encoding="utf-8")
    sentence = next(line for line in text.splitlines() if "[[妇女权益保障法 29]]" in line and "dating" in line)
    assert "real danger" in sentence
    assert "or whose private or personal information is leaked" not in sentence


def test_the_capacity_definition_is_no_longer_marked_unverified() -> None:
    """2.11: with the Civil Code articles on the site, the definition needs no （待专业人员核实）."""
    text = (DOCS / "help" / "support-services.md").read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if "限制民事行为能力人" in line and "民法典" in line)
    assert "待专业人员核实" not in line
