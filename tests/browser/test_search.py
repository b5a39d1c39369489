"""Search finds what people actually type, in a real browser, in both languages.

Each query of data/search/queries.yml is typed into the real search box of
the built site (followed by a key press, as an input method's commit does),
and the expected page must be among the first five results. At least 95 %
of the queries must pass. With KB_RECALL_FILE set, the recall is written
there as JSON (``make bench`` records it in benchmarks/).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml

from kb.paths import DATA

pytestmark = pytest.mark.browser
QUERIES = yaml.safe_load((DATA / "search" / "queries.yml").read_text(encoding="utf-8"))


RESULTS_READY = """() => {
    const meta = document.querySelector('.md-search-result__meta');
    return meta !== null && /\\d|没有|No matching/.test(meta.textContent);
}"""


def top_results(page: object, query: str) -> list[str]:
    box = page.locator(".md-search__input")
    box.fill("")
    page.keyboard.press("End")
    # An empty box clears the previous results, so what is read next belongs to this query.
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length === 0", timeout=15000)
    box.type(query, delay=20)
    page.keyboard.press("End")
    page.wait_for_function(RESULTS_READY, timeout=15000)
    page.wait_for_timeout(300)
    # The first five results (pages), each with the sections listed under it.
    return page.eval_on_selector_all(
        ".md-search-result__list > .md-search-result__item",
        "items => items.slice(0, 5).flatMap(li => [...li.querySelectorAll('a.md-search-result__link')].map(a => a.href))")


@pytest.mark.parametrize("language", ["zh", "en"])
def test_queries_find_the_expected_page(page: object, server: str, language: str) -> None:
    prefix = "" if language == "zh" else "en/"
    page.goto(server + prefix + "about/", wait_until="load")
    page.keyboard.press("/")
    # Warm up: the first query waits until the index has been fetched and built.
    page.locator(".md-search__input").type("法")
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=30000)
    found, missed = 0, []
    for item in QUERIES[language]:
        results = [href.replace(server + prefix, "") for href in top_results(page, str(item["query"]))]
        other = [r for r in results if r.startswith("en/")] if language == "zh" else []
        assert not other, f"{item['query']}: English results on the Chinese site: {other}"
        if any(result.startswith(item["expect"]) for result in results):
            found += 1
        else:
            missed.append(f"{item['query']} → {item['expect']} (got {results})")
    recall = found / len(QUERIES[language])
    if os.environ.get("KB_RECALL_FILE"):
        path = Path(os.environ["KB_RECALL_FILE"])
        data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        data[language] = {"queries": len(QUERIES[language]), "found_in_top5": found, "recall": round(recall, 3),
                          "missed": missed}
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    assert recall >= 0.95, f"recall {recall:.0%}; missed:\n" + "\n".join(missed)


def test_query_set_is_large_enough() -> None:
    assert len(QUERIES["zh"]) + len(QUERIES["en"]) >= 40


@pytest.mark.parametrize("opener", ["click", "shortcut"])
def test_index_is_fetched_only_when_search_is_opened(page: object, server: str, opener: str) -> None:
    """docs/assets/javascripts/search-on-demand.js: no index download for readers who never search."""
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url) if "search_index" in request.url else None)
    page.goto(server + "law/anti-domestic-violence-law/", wait_until="load")
    page.wait_for_timeout(1500)
    assert fetched == [], "the search index was fetched before search was opened"
    if opener == "click":
        page.locator(".md-search__input").click()
    else:
        page.keyboard.press("/")
    page.locator(".md-search__input").type("保护令")
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=30000)
    assert any(url.endswith("search/search_index.json") for url in fetched)
