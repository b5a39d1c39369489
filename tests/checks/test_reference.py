"""LAW004/LAW005: law pages against the official texts in ../shared (when present)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.paths import DOCS, SHARED_LAWS
from tests.checks.conftest import DocsTree
from tests.checks.test_rules import ART1, ART2, law_page

SOURCE = """# 中华人民共和国反家庭暴力法

头部

<!-- INFO END -->

## 第一章 总则

第一条 为了预防和制止家庭暴力，保护家庭成员的合法权益，维护平等、和睦、文明的家庭关系，促进家庭和谐、社会稳定，制定本法。

第二条 本法所称家庭暴力，是指家庭成员之间以殴打、捆绑、残害、限制人身自由以及经常性谩骂、恐吓等方式实施的身体、精神等侵害行为。
"""


def make_shared(tmp_path: Path) -> Path:
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "anti-domestic-violence-law.md").write_text(SOURCE, encoding="utf-8")
    return shared


def test_changed_character_is_named(tmp_path: Path) -> None:
    tree = DocsTree(tmp_path)
    changed = ART2.replace("殴打、捆绑", "殴打、綑绑")
    tree.write("law/anti-domestic-violence-law.md", law_page(ART1 + changed))
    problems = [p for p in tree.check("law/anti-domestic-violence-law.md", shared=make_shared(tmp_path))
                if p.rule == "LAW004"]
    assert len(problems) == 1
    params = dict(problems[0].params)
    assert params["expected"] == "捆" and params["actual"] == "綑"
    assert params["article"] == "第二条"
    assert problems[0].line == law_page(ART1 + changed).split("\n").index(changed.split("\n")[2]) + 1


def test_article_missing_from_official_text(tmp_path: Path) -> None:
    tree = DocsTree(tmp_path)
    extra = "### 第三条 {#art-3}\n\n多出来的一条。\n\n"
    tree.write("law/anti-domestic-violence-law.md", law_page(ART1 + ART2 + extra))
    rules = [p.rule for p in tree.check("law/anti-domestic-violence-law.md", shared=make_shared(tmp_path))]
    assert "LAW005" in rules


def test_identical_text_passes(tmp_path: Path) -> None:
    tree = DocsTree(tmp_path)
    tree.write("law/anti-domestic-violence-law.md", law_page(ART1 + ART2))
    rules = {p.rule for p in tree.check("law/anti-domestic-violence-law.md", shared=make_shared(tmp_path))}
    assert not rules & {"LAW004", "LAW005"}


def test_skipped_without_shared_folder(tmp_path: Path) -> None:
    tree = DocsTree(tmp_path)
    tree.write("law/anti-domestic-violence-law.md", law_page(ART1 + ART2.replace("殴打", "打")))
    rules = {p.rule for p in tree.check("law/anti-domestic-violence-law.md", shared=tmp_path / "absent")}
    assert "LAW004" not in rules


@pytest.mark.skipif(not SHARED_LAWS.is_dir(), reason="../shared/reference/laws is absent")
def test_every_published_article_is_the_official_text() -> None:
    """Every article of every law page (zh, and en pages carrying the Chinese text) is verbatim."""
    from kb.checks.runner import run

    pages = sorted((DOCS / "law").glob("*.md"))
    problems = [p for p in run(pages, rules={"LAW001", "LAW002", "LAW003", "LAW004", "LAW005"})]
    assert not problems, problems[:5]
