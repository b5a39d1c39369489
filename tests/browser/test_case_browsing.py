"""Browsing the cases in a real browser: the index filters and the release pages."""

from __future__ import annotations

import pytest

from kb.releases import releases
from tests.test_official_cases import official_cases


def visible_rows(page: object) -> list[object]:
    rows = page.locator(".md-typeset table tbody tr")
    return [row for row in rows.all() if row.is_visible()]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_source_filter_from_the_address_and_the_select(page: object, server: str, prefix: str) -> None:
    official = official_cases()
    page.goto(server + prefix + "cases/?source=official")
    page.locator(".kb-case-filter").wait_for(state="visible")
    shown = visible_rows(page)
    assert len(shown) == len(official)
    assert all(row.get_attribute("data-source") == "official" for row in shown)
    page.select_option('select[data-kb-filter="source"]', "teaching")
    shown = visible_rows(page)
    assert shown and all(row.get_attribute("data-source") == "teaching" for row in shown)
    total = page.locator(".md-typeset table tbody tr").count()
    assert len(shown) == total - len(official)
    assert f"{len(shown)}" in page.locator("[data-kb-filter-count]").inner_text()


def test_release_year_issuer_and_procedure_filters_combine(page: object, server: str) -> None:
    cases = official_cases()
    page.goto(server + "cases/")
    page.locator(".kb-case-filter").wait_for(state="visible")
    release_id = max({meta["source"]["release"] for _, meta in cases},
                     key=lambda r: sum(meta["source"]["release"] == r for _, meta in cases))
    release = releases()[release_id]
    page.select_option('select[data-kb-filter="release"]', release_id)
    expected = {f"official/{path.stem}/" for path, meta in cases if meta["source"]["release"] == release_id}
    assert {row.locator("a").first.get_attribute("href") for row in visible_rows(page)} == expected
    page.select_option('select[data-kb-filter="release"]', "")
    page.select_option('select[data-kb-filter="year"]', release.year)
    in_year = {f"official/{path.stem}/" for path, meta in cases if meta["source"]["date"][:4] == release.year}
    assert {row.locator("a").first.get_attribute("href") for row in visible_rows(page)} == in_year
    page.select_option('select[data-kb-filter="year"]', "")
    # An issuer that released jointly: rows of every release it took part in, none of the others.
    page.select_option('select[data-kb-filter="issuer"]', "最高人民法院")
    shown = visible_rows(page)
    assert shown and all("最高人民法院" in (row.get_attribute("data-issuers") or "").split("|") for row in shown)
    procedure = cases[0][1]["source"]["procedure"]
    page.select_option('select[data-kb-filter="procedure"]', procedure)
    assert all(row.get_attribute("data-procedure") == procedure for row in visible_rows(page))
    page.fill('input[data-kb-filter="text"]', "no such case title at all")
    assert visible_rows(page) == []


def test_release_index_to_release_to_case(page: object, server: str) -> None:
    path, meta = official_cases()[0]
    release = releases()[meta["source"]["release"]]
    page.goto(server + "cases/")
    page.get_by_role("link", name="官方典型案例的发布").click()
    page.get_by_role("link", name=release.title, exact=True).click()
    assert page.url.endswith(f"cases/releases/{release.id}/")
    row = page.locator("tbody tr").nth(meta["source"]["number"] - 1)
    assert row.locator("td").first.inner_text() == str(meta["source"]["number"])
    row.locator("a").click()
    assert page.url.endswith(f"cases/official/{path.stem}/")
    notice = page.locator(".kb-official-case")
    notice.wait_for(state="visible")
    assert release.date in notice.inner_text()
