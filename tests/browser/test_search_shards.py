"""The search worker that fetches the index in pieces answers exactly as Material's worker.

Both workers run side by side in Chromium on the built site: Material's own
(assets/javascripts/workers/search.*.min.js) given every entry of the index
(search_index.full.json), as stock Material would be, and ours
(workers/kb-search.js) given the manifest. For every query of the test set,
and queries using lunr's syntax (fields, required and excluded words, fuzzy
and leading wildcards), the pages, their order, each result's score and its
highlighted title and text must be equal, for the pages ours lists (the best
MAX_GROUPS), and the total number of pages must equal Material's. Then the pieces:
a first query fetches a small part of the index, and a second query with the
same words fetches nothing again.
"""

from __future__ import annotations

import re

import pytest
import yaml

from kb.paths import DATA, ROOT

pytestmark = pytest.mark.browser
WORKER = ROOT / "docs" / "assets" / "javascripts" / "workers" / "kb-search.js"
MAX_GROUPS = int(re.search(r"^var MAX_GROUPS = (\d+);", WORKER.read_text(encoding="utf-8"), re.M).group(1))
QUERIES = yaml.safe_load((DATA / "search" / "queries.yml").read_text(encoding="utf-8"))
SYNTAX = {
    "zh": ["保护", "离婚 财产", "+保护令 -离婚", "title:保护令", "*令", "保护令 离婚冷静期", "A", "的", "保護令"],
    "en": ["protection order", "divorce*", "-divorce protection", "prot", "a", "protection~1", "title:divorce"],
}

BOTH = """async ([prefix, queries, material, max]) => {
  const fetchJSON = async path => (await fetch(prefix + path)).json();
  const [manifest, full] = [await fetchJSON('search/search_index.json'), await fetchJSON('search/search_index.full.json')];
  function start(url, index) {
    const worker = new Worker(url), waiting = [];
    worker.onmessage = event => waiting.shift()(event.data);
    worker.onerror = event => waiting.splice(0).forEach(done => done({ error: event.message }));
    const send = message => new Promise(done => { waiting.push(done); worker.postMessage(message); });
    const ready = send({ type: 0, data: { config: index.config, docs: index.docs, options: { suggest: false } } });
    return { ready, query: text => send({ type: 2, data: text }) };
  }
  const ours = start('assets/javascripts/workers/kb-search.js', manifest);
  const theirs = start('assets/javascripts/workers/' + material, full);
  const setup = [await ours.ready, await theirs.ready];
  if (setup.some(message => message.type !== 1)) return { setup };
  const shape = groups => groups.map(group => group.map(item => [item.location, Math.round(item.score * 1000) / 1000, item.title, item.text]));
  const out = [];
  for (const text of queries) {
    const [a, b] = [await ours.query(text), await theirs.query(text)];
    out.push({ text, ours: shape(a.data.items), theirs: shape(b.data.items.slice(0, max)), total: a.data.total, pages: b.data.items.length });
  }
  return { out };
}"""


def first_difference(result: dict) -> str:
    if result["total"] != result["pages"]:
        return f"{result['total']} pages found, Material {result['pages']}"
    pairs = [(a, b) for group_a, group_b in zip(result["ours"], result["theirs"]) for a, b in zip(group_a, group_b)]
    return next((f"ours {a} / Material {b}" for a, b in pairs if a != b), "different group sizes")


@pytest.mark.parametrize("language", ["zh", "en"])
def test_results_equal_materials_worker(page: object, server: str, site_dir, language: str) -> None:
    prefix = "" if language == "zh" else "en/"
    material = next((site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js")).name
    page.goto(server, wait_until="load")  # both workers and both indexes are reached from the site root
    queries = [str(item["query"]) for item in QUERIES[language]] + SYNTAX[language]
    answer = page.evaluate(BOTH, [prefix, queries, material, MAX_GROUPS])
    assert "out" in answer, answer
    differ = {r["text"]: first_difference(r) for r in answer["out"] if r["ours"] != r["theirs"] or r["total"] != r["pages"]}
    assert not differ, f"results differ from Material's worker: {differ}"
    assert any(r["pages"] > MAX_GROUPS for r in answer["out"]), "no query found more pages than are listed: the cut is untested"
    assert all(r["ours"] for r in answer["out"] if r["text"] in ("保护", "protection order")), "common words found nothing"


def test_a_query_fetches_pieces_and_a_second_reuses_them(page: object, server: str, site_dir) -> None:
    fetched: list[tuple[str, int]] = []
    page.on("requestfinished", lambda request: fetched.append(
        (request.url, request.sizes()["responseBodySize"])) if "/search/" in request.url else None)
    page.goto(server + "about/", wait_until="load")
    page.keyboard.press("/")
    box = page.locator(".md-search__input")
    box.type("保护令", delay=20)
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=30000)
    page.wait_for_timeout(500)
    first = list(fetched)
    index_size = sum(path.stat().st_size for path in (site_dir / "search").rglob("*.json")
                     if path.name != "search_index.full.json")
    assert not [url for url, _ in first if url.endswith("search_index.full.json")]
    assert any("/search/terms/" in url for url, _ in first) and any("/search/postings/" in url for url, _ in first)
    assert sum(size for _, size in first) < index_size / 4, first
    fetched.clear()
    box.fill("")
    page.keyboard.press("End")
    box.type("保护令", delay=20)
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=30000)
    page.wait_for_timeout(500)
    assert not fetched, f"the same query fetched again: {fetched}"
