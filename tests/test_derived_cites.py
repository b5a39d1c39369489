"""``cites`` is derived from the text: a page that cites an article only in its text is listed
under that article ("cited in" on the law page) and found by the case index's article filter."""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File, Files

from kb.citations import page_citations, page_references
from kb.hooks import citations as citation_hook
from kb.hooks.cases import load_case
from tests.checks.conftest import CASE_FRONT
from tests.checks.test_rules import CASE_EN

ONLY_IN_TEXT = "anti-domestic-violence-law#art-29"
TEXT_ONLY = CASE_FRONT + "告诫书的内容见[[反家庭暴力法 29]]。\n"


def test_page_references_list_front_matter_then_new_text_citations() -> None:
    meta = {"cites": ["反家庭暴力法 23"], "source": {"kind": "official", "cites": ["刑法 260-1"]}}
    body = "依据[[反家庭暴力法 23]]和[[反家庭暴力法 29|第二十九条]]，又见[[刑法 260-1]]。"
    assert page_references(meta, body) == ["刑法 260-1", "反家庭暴力法 23", "反家庭暴力法 29"]
    assert page_references({}, "见[[反家庭暴力法 15、16]]。") == ["反家庭暴力法 15、16"]


def _files(docs: Path, *rels: str) -> Files:
    return Files([File(rel, str(docs), str(docs.parent / "site"), use_directory_urls=True) for rel in rels])


def test_a_page_citing_an_article_only_in_its_text_is_in_its_cited_in_list(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "cases").mkdir(parents=True)
    (docs / "cases" / "a.md").write_text(TEXT_ONLY, encoding="utf-8")
    keys, _ = page_citations(docs / "cases" / "a.md", "cases/a.md")
    assert ONLY_IN_TEXT in keys
    citation_hook.on_nav(None, None, _files(docs, "cases/a.md"))  # type: ignore[arg-type]
    assert ("cases/a.md", "测试案例") in citation_hook._backlinks[ONLY_IN_TEXT]


def test_the_case_filter_finds_a_case_by_an_article_cited_only_in_its_text(tmp_path: Path) -> None:
    """Both languages: the English case takes what it cites from the Chinese text, as its other shared fields."""
    docs = tmp_path / "docs"
    (docs / "cases").mkdir(parents=True)
    (docs / "cases" / "a.md").write_text(TEXT_ONLY, encoding="utf-8")
    (docs / "cases" / "a.en.md").write_text(CASE_EN, encoding="utf-8")
    for rel in ("cases/a.md", "cases/a.en.md"):
        case = load_case(File(rel, str(docs), str(tmp_path / "site"), use_directory_urls=True))
        assert ONLY_IN_TEXT in case.targets, rel
        assert case.cites == ["反家庭暴力法 23", "反家庭暴力法 29"], rel
        assert case.id == "case-901" and case.category == "protection-order"
