"""The law library as published: article anchors, notes, previews, backlinks, index."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.htmlscan import find, parse
from kb.laws import LAW_DIR, page_articles, registry

ADVL_NOTES = [2, 3, 5, 13, 14, 15, 16, 17, 18, 19, 20, 21, 23, 24, 25, 27, 28, 29, 30, 31, 32, 33, 34, 37]


def html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("entry", registry(), ids=lambda e: e.page)
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_article_has_its_anchor_in_both_languages(site_dir: Path, entry: object, prefix: str) -> None:
    ids = set(re.findall(r'\sid="(art-[0-9-]+)"', html(site_dir, f"{prefix}law/{entry.page}")))
    expected = {a for a in page_articles(entry.path) if a != "preamble"}
    assert ids == expected


def test_article_23_lands_and_lists_citing_pages(site_dir: Path) -> None:
    for prefix, label in (("", "被引用"), ("en/", "Cited in")):
        text = html(site_dir, f"{prefix}law/anti-domestic-violence-law")
        start = text.index('id="art-23"')
        section = text[start:text.index('id="art-24"')]
        assert label in section
        assert "../../help/" in section or "help/" in section, "the help page cites art. 23"


def test_notes_for_the_articles_readers_need(site_dir: Path) -> None:
    for prefix in ("", "en/"):
        text = html(site_dir, f"{prefix}law/anti-domestic-violence-law")
        for number in ADVL_NOTES:
            start = text.index(f'id="art-{number}"')
            end = text.find('id="art-', start + 10)
            section = text[start:end if end > 0 else len(text)]
            assert '<details class="note"' in section, f"{prefix}art-{number} has no note"


def test_notes_never_interleave_with_statute_text() -> None:
    """Each article's statute paragraphs come first; a note only follows them."""
    text = (LAW_DIR / "anti-domestic-violence-law.md").read_text(encoding="utf-8")
    for block in re.split(r"\n(?=#{2,6} )", text):
        lines = [line for line in block.split("\n")[1:] if line.strip()]
        seen_note = False
        for line in lines:
            if line.startswith("??? ") or line.startswith("!!! "):
                seen_note = True
            elif seen_note and not line.startswith("    "):
                pytest.fail(f"statute text after a note: {line[:40]}")


def test_english_translation_is_marked_unofficial(site_dir: Path) -> None:
    text = html(site_dir, "en/law/anti-domestic-violence-law")
    assert "Unofficial translation" in text and "Chinese text" in text and "prevails" in text
    assert "Article 23" in text


def test_version_block(site_dir: Path) -> None:
    text = html(site_dir, "law/anti-domestic-violence-law")
    for fact in ("全国人民代表大会常务委员会", "中华人民共和国主席令第三十七号", "2015-12-27", "2016-03-01",
                 "文本最后核对", "国家法律法规数据库", "本页所示版本"):
        assert fact in text, fact


def test_citations_render_as_links_with_previews(site_dir: Path) -> None:
    elements = parse(site_dir / "help" / "index.html")
    cites = find(elements, "a", class_="kb-cite")
    assert cites, "the help page cites articles"
    previews = {e.attrs["data-kb-cite"]: e.text for e in find(elements, "div") if "data-kb-cite" in e.attrs}
    for link in cites:
        key = link.attrs["data-kb-cite"]
        page, article = key.split("#")
        assert link.attrs["href"].endswith(f"law/{page}/#{article}")
        expected = page_articles(LAW_DIR / f"{page}.md")[article].paragraphs[0]
        assert expected in previews[key]


def test_law_index_lists_every_law(site_dir: Path) -> None:
    for prefix in ("", "en/"):
        text = html(site_dir, f"{prefix}law")
        for entry in registry():
            assert f'href="{entry.page}/"' in text, entry.page


def test_unpublished_laws_have_no_article_numbers() -> None:
    """治安管理处罚法 and 婚姻登记条例 are not in the reference folder: never cite their articles."""
    pattern = re.compile(r"(治安管理处罚法|婚姻登记条例)第[零一二三四五六七八九十百]+条|\[\[(治安管理处罚法|婚姻登记条例)")
    offenders = [str(p) for p in (LAW_DIR.parent).rglob("*.md") if pattern.search(p.read_text(encoding="utf-8"))]
    assert not offenders, offenders
