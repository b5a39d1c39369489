"""The case collection: size, structure, browsing pages and backlinks."""

from __future__ import annotations

import json
import re
from pathlib import Path

from kb.citations import parse_reference, resolve
from kb.frontmatter import split_front_matter
from kb.hooks.cases import TEXT
from kb.hooks.citations import BACKLINK_LIMIT
from kb.paths import DOCS

SECTIONS = ["facts", "handling", "legal-basis", "significance", "advice"]


def cases() -> list[tuple[Path, dict]]:
    found = []
    for path in sorted((DOCS / "cases").glob("*.md")):
        if path.name.endswith(".en.md") or path.name == "index.md":
            continue
        meta, _, _ = split_front_matter(path.read_text(encoding="utf-8"))
        found.append((path, meta))
    return found


def test_at_least_30_cases_in_12_categories_in_both_languages() -> None:
    found = cases()
    assert len(found) >= 30
    assert len({meta["category"] for _, meta in found}) >= 12
    for path, meta in found:
        assert path.with_name(path.stem + ".en.md").exists(), f"{path.name} has no English version"
        assert meta["cites"], path.name
        assert meta["source"] == {"kind": "teaching"}, path.name


def test_case_structure_in_both_languages() -> None:
    for path, _ in cases():
        for file in (path, path.with_name(path.stem + ".en.md")):
            text = file.read_text(encoding="utf-8")
            ids = re.findall(r"^## .+\{#([a-z-]+)\}", text, re.M)
            assert ids[: len(SECTIONS)] == SECTIONS, f"{file.name}: {ids}"


def test_case_pages_say_they_are_teaching_cases(site_dir: Path) -> None:
    for path, _ in cases():
        for prefix, notice in (("", "教学案例"), ("en/", "Teaching case")):
            text = (site_dir / prefix / "cases" / path.stem / "index.html").read_text(encoding="utf-8")
            assert notice in text, f"{prefix}{path.stem}"


def test_index_category_and_tag_pages_list_every_case(site_dir: Path) -> None:
    for prefix in ("", "en/"):
        index = (site_dir / prefix / "cases" / "index.html").read_text(encoding="utf-8")
        for path, meta in cases():
            assert f'href="{path.stem}/"' in index, path.stem
            category = (site_dir / prefix / "cases" / "category" / meta["category"] / "index.html").read_text(encoding="utf-8")
            assert f'href="../../{path.stem}/"' in category, (meta["category"], path.stem)
            for tag in meta["tags"]:
                page = (site_dir / prefix / "cases" / "tag" / tag / "index.html").read_text(encoding="utf-8")
                assert f'href="../../{path.stem}/"' in page, (tag, path.stem)


def test_every_cited_article_links_back_to_the_case(site_dir: Path) -> None:
    """Each cited article lists the case, or (past BACKLINK_LIMIT pages) links to the
    case index filtered to the article, where the case's row carries the article."""
    index = (site_dir / "cases" / "index.html").read_text(encoding="utf-8")
    rows = {row.split('"', 1)[0]: row for row in re.split(r'<tr[^>]*><td><a href="', index)[1:]}
    capped = 0
    for path, meta in cases():
        for reference in meta["cites"]:
            for target in resolve(parse_reference(reference)):
                law = (site_dir / "law" / target.law.page / "index.html").read_text(encoding="utf-8")
                start = law.index(f'id="{target.article_id}"')
                end = law.find('id="art-', start + 12)
                section = law[start:end if end > 0 else len(law)]
                if f"cases/{path.stem}/" in section:
                    continue
                capped += 1
                assert f"cases/?cite={target.law.page}:{target.article_id}" in section, \
                    f"{target.key} neither lists {path.stem} nor links to the filtered case index"
                assert f'data-kb-cite="{target.key}"' in rows[f"{path.stem}/"], (path.stem, target.key)
    assert capped, "no article is cited by more than BACKLINK_LIMIT pages: the capped path is untested"


def test_backlinks_are_capped(site_dir: Path) -> None:
    """The case and question groups of a "cited in" list name at most BACKLINK_LIMIT pages,
    plus one "more" link; help pages, guides and training are listed in full."""
    law = (site_dir / "law" / "anti-domestic-violence-law" / "index.html").read_text(encoding="utf-8")
    capped = 0
    for block in law.split('class="quote kb-backlinks"')[1:]:
        block = block.split("</details>", 1)[0]
        for heading, group in zip(re.findall(r"<strong>([^<]+)</strong>", block), block.split("<ul>")[1:]):
            if heading in ("官方典型案例", "教学案例", "常见问题"):
                capped += 1
                assert group.split("</ul>", 1)[0].count("<li>") <= BACKLINK_LIMIT + 1, heading
    assert capped


def test_related_cases_and_guides(site_dir: Path) -> None:
    text = (site_dir / "cases" / "protection-order-spouse" / "index.html").read_text(encoding="utf-8")
    assert 'id="related-cases"' in text and 'id="related-guides"' in text


def test_case_boilerplate_stays_out_of_search(site_dir: Path) -> None:
    """The teaching-case notice is on every case and the related lists name
    other cases: in the index they made every case match those words."""
    for prefix, language in (("", "zh"), ("en", "en")):
        entries = json.loads((site_dir / prefix / "search" / "search_index.full.json").read_text(encoding="utf-8"))["docs"]
        assert not [e["location"] for e in entries if e["location"].endswith(("#related-cases", "#related-guides"))]
        notice = TEXT[language]["notice"][:12]
        assert not [e["location"] for e in entries if notice in e["text"].replace("\u200b", "")], language
