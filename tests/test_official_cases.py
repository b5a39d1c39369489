"""Official typical cases: the release registry, the digests, and what the built site shows of them."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

from kb.checks.status import coverage_report, published_numbers
from kb.frontmatter import read_meta, split_front_matter
from kb.paths import DOCS, ROOT
from kb.releases import OFFICIAL_FOLDER, official_url, releases

SHARED_RELEASES = ROOT.parent / "shared" / "reference" / "cases" / "releases.yaml"
SECTIONS = ["facts", "decision", "significance", "legal-basis"]


def official_cases() -> list[tuple[Path, dict]]:
    found = []
    for path in sorted((DOCS / OFFICIAL_FOLDER).glob("*.md")):
        if not path.name.endswith(".en.md"):
            found.append((path, split_front_matter(path.read_text(encoding="utf-8"))[0]))
    return found


def test_registry_loads_and_names_every_issuer() -> None:
    registry = releases()
    assert len(registry) >= 8
    dates = [release.date for release in registry.values()]
    assert dates == sorted(dates), "releases are listed oldest first"
    for release in registry.values():
        assert release.cases is None or len(release.names) <= release.cases
        if release.url:
            assert official_url(release.url, release.issuers), release.id


@pytest.mark.skipif(not SHARED_RELEASES.is_file(), reason="../shared is not beside this clone")
def test_registry_agrees_with_the_reference_list() -> None:
    """Every fact ../shared established is in the registry unchanged; names may only be added."""
    registry = releases()
    for entry in yaml.safe_load(SHARED_RELEASES.read_text(encoding="utf-8")):
        release = registry[entry["id"]]
        assert release.date == entry["date"].isoformat(), entry["id"]
        assert list(release.issuers) == entry["issuers"], entry["id"]
        assert release.title == entry["title"], entry["id"]
        assert release.status == entry["status"], entry["id"]
        assert release.cases == entry["cases"], entry["id"]
        assert release.url == entry["url"], entry["id"]
        known = {name for name in release.names if name} | set(release.unplaced)
        assert set(entry["names"]) <= known, (entry["id"], set(entry["names"]) - known)


def test_at_least_one_official_case_per_digested_release_in_both_languages() -> None:
    cases = official_cases()
    assert cases, "no official case"
    for path, meta in cases:
        english = path.with_name(path.stem + ".en.md")
        assert english.is_file(), f"{path.name} has no English version"
        en_meta = read_meta(english)  # the source is the Chinese page's: written there once
        source = meta["source"]
        assert en_meta["source"] == source, path.name
        assert source["name"] in en_meta["title"], "the English title keeps the Chinese case name"
        release = releases()[source["release"]]
        assert release.publishable, path.name
        assert path.stem == release.slug(source["number"])
        for file in (path, english):
            ids = re.findall(r"^## .+\{#([a-z-]+)\}", file.read_text(encoding="utf-8"), re.M)
            assert ids[: len(SECTIONS)] == SECTIONS, f"{file.name}: {ids}"


def test_coverage_report_counts_the_digests() -> None:
    published = published_numbers()
    assert sum(len(numbers) for numbers in published.values()) == len(official_cases())
    report = coverage_report("en")
    for release_id, numbers in published.items():
        row = next(line for line in report.splitlines() if line.startswith(f"| {release_id} |"))
        assert f"| {', '.join(map(str, sorted(numbers)))} |" in row


def _page(site_dir: Path, prefix: str, uri: str) -> str:
    return (site_dir / prefix / uri / "index.html").read_text(encoding="utf-8")


def test_official_case_pages_say_who_released_them_when_and_where(site_dir: Path) -> None:
    for path, meta in official_cases():
        source = meta["source"]
        release = releases()[source["release"]]
        uri = f"cases/official/{path.stem}"
        for prefix, notice, names in (("", "官方典型案例（本站摘要）", release.issuers),
                                      ("en/", "unofficial English digest", None)):
            text = _page(site_dir, prefix, uri)
            header = text.split('class="admonition info kb-official-case"', 1)[1].split("</div>", 1)[0]
            assert notice in header, (prefix, uri)
            assert release.date in header and f'href="../../releases/{release.id}/"' in header, (prefix, uri)
            assert source["name"] in header, (prefix, uri)
            if names:
                assert all(name in header for name in names), uri
            url = source.get("url") or release.url
            assert (f'href="{html.escape(url)}"' in header) if url else ("未找到官方网址" in header or "no official address" in header)
            assert ('data-kb-verify' in text) == (source["verification"] == "single-copy"), (prefix, uri)
            assert 'id="sources"' in text and all(html.escape(s["url"]) in text for s in source["sources"]), (prefix, uri)
            assert "教学案例" not in header and "Teaching case" not in header


def test_release_pages_list_their_cases_in_order(site_dir: Path) -> None:
    published = published_numbers()
    for release in releases().values():
        for prefix in ("", "en/"):
            text = _page(site_dir, prefix, f"cases/releases/{release.id}")
            assert release.title in text and release.date in text
            table = text.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in text else ""
            numbers = [int(n) for n in re.findall(r"<tr><td>(\d+)</td>", table)]
            assert numbers == list(range(1, len(numbers) + 1))
            for number in published.get(release.id, set()):
                row = table.split(f"<tr><td>{number}</td>", 1)[1].split("</tr>", 1)[0]
                assert f'href="../../official/{release.slug(number)}/"' in row, (release.id, number)
            missing = ("尚未收录" if prefix == "" else "not yet digested")
            assert (missing in table) == (len(published.get(release.id, set())) < len(numbers))
            if not release.publishable:
                assert ("尚待确认" if prefix == "" else "one source only") in text
        index = _page(site_dir, "", "cases/releases")
        assert f'href="{release.id}/"' in index


def test_category_pages_list_official_and_teaching_cases_apart(site_dir: Path) -> None:
    for path, meta in official_cases():
        text = _page(site_dir, "", f"cases/category/{meta['category']}")
        official, teaching = text.split('id="official"', 1)[1].split('id="teaching"', 1)
        assert f"official/{path.stem}/" in official and f"official/{path.stem}/" not in teaching
        for tag in meta["tags"]:
            text = _page(site_dir, "", f"cases/tag/{tag}")
            assert f"official/{path.stem}/" in text.split('id="official"', 1)[1].split('id="teaching"', 1)[0]


def test_index_rows_carry_what_the_filters_need(site_dir: Path) -> None:
    index = _page(site_dir, "", "cases")
    for path, meta in official_cases():
        release = releases()[meta["source"]["release"]]
        row = re.search(rf'<tr([^>]*)><td><a href="official/{path.stem}/"', index)
        assert row, path.stem
        assert 'data-source="official"' in row.group(1) and f'data-release="{release.id}"' in row.group(1)
        assert f'data-year="{release.year}"' in row.group(1)
        assert f'data-procedure="{meta["source"]["procedure"]}"' in row.group(1)
    assert re.search(r'<tr data-source="teaching"[^>]*><td><a href="protection-order-spouse/"', index)


def test_law_articles_list_official_cases_apart(site_dir: Path) -> None:
    """An article cited by an official case lists it under "官方典型案例", never among teaching cases."""
    checked = 0
    for path, meta in official_cases():
        text = _page(site_dir, "", f"cases/official/{path.stem}")
        for law_page, article in set(re.findall(r'href="\.\./\.\./\.\./law/([a-z0-9-]+)/#(art-[0-9-]+)"', text)):
            law = _page(site_dir, "", f"law/{law_page}")
            start = law.index(f'id="{article}"')
            end = law.find('id="art-', start + 12)
            section = law[start:end if end > 0 else len(law)]
            if f"official/{path.stem}/" not in section:
                continue  # past the list's limit: reached through the filtered index
            official = section.split("官方典型案例", 1)[1]
            assert f"official/{path.stem}/" in official.split("教学案例", 1)[0], (path.stem, law_page, article)
            checked += 1
    assert checked
