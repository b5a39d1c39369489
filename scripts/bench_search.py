#!/usr/bin/env python3
"""Search speed in a real browser: the project, stock Material and Pagefind on the same built site.

    .venv/bin/python scripts/bench_search.py                      # 500, 2,000 and 5,000 pages and the real site
    .venv/bin/python scripts/bench_search.py --sizes 500 --runs 1 # a quick look

For each size, the corpus of scripts/bench.py (the real docs/ plus generated
zh + en cases and guides) is built once with the project's mkdocs.yml, and
Pagefind (extended, with its Chinese segmentation) indexes the built pages'
article content. The same site is then served three ways, gzip on, as a web
server would:

* **project**: as built, with our search worker and the index in pieces
  (kb/search_shards.py, docs/assets/javascripts/workers/kb-search.js);
* **stock**: the same pages with Material's own worker and the whole index
  (search_index.full.json served as search_index.json), which is what the
  site did before the index was cut into pieces;
* **pagefind**: Pagefind's own search page (its default UI, typing debounce
  set to zero so it is not charged for waiting) on the same site.

In headless Chromium, on a fresh profile each time, a run opens a page, waits
until it has settled, opens search, types the first query (one input, then
End, as an input method's commit does) and times from opening search to the
first result on screen; the bytes are every response body (as sent,
compressed) from opening search until then, plus search files the page
fetched before (worker scripts). Then it types a second query and counts the
bytes again. Each engine runs ``--runs`` times per size, without and with the
CPU slowed ``--throttle`` times (as on a mid-range phone); medians go to
benchmarks/search-speed.json and the table in benchmarks/results.md (between
its search-speed markers), with the budgets of issue 24.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import bench  # noqa: E402  (scripts/bench.py: corpora, builds, the gzip server)

from kb.markers import fill  # noqa: E402

ROOT = bench.ROOT
RESULTS = ROOT / "benchmarks"
MARKER_BEGIN, MARKER_END = "<!-- search-speed:begin -->", "<!-- search-speed:end -->"
ENGINES = ("project", "stock", "pagefind")
QUERIES = ("保护令", "离婚")  # the first is the query issue 24 measured; the second shares no character with it
RESULT_SELECTOR = {"project": ".md-search-result__item", "stock": ".md-search-result__item",
                   "pagefind": ".pagefind-ui__result"}
SEARCH_FILES = ("/search/", "/workers/", "/lunr/", "/pagefind/")
PAGEFIND_PAGE = "pagefind-bench/"
BUDGET_PAGES = 3000  # the budgets against Pagefind hold from this size up
TIME_RATIO, BYTES_RATIO = 1.2, 1.5
TIMEOUT_MS = 120_000

# Pagefind's search page: its default UI, in the site's Chinese, with no typing debounce.
PAGEFIND_HTML = """<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>Pagefind</title>
<link href="../pagefind/pagefind-ui.css" rel="stylesheet"></head>
<body><div id="search"></div><script src="../pagefind/pagefind-ui.js"></script>
<script>new PagefindUI({ element: "#search", showSubResults: true, debounceTimeoutMs: 0 });</script>
</body></html>
"""

# Set up before search opens: records when the first result appears.
WATCH = """selector => {
  window.kbFirstResult = null;
  new MutationObserver((_, observer) => {
    if (document.querySelector(selector)) { window.kbFirstResult = performance.now(); observer.disconnect(); }
  }).observe(document.body, { childList: true, subtree: true });
  return performance.now();
}"""


class VariantHandler(bench.GzipHandler):
    """The gzip server; under /stock/ it serves the site as stock Material would search it."""

    material_worker = ""

    def send_head(self):  # type: ignore[no-untyped-def]
        parts = urlsplit(self.path)
        if not parts.path.startswith("/stock/"):
            return super().send_head()
        path = parts.path[len("/stock"):]
        if path.endswith("/search/search_index.json"):
            path = path.replace("search_index.json", "search_index.full.json")
        self.path = path + (f"?{parts.query}" if parts.query else "")
        target = Path(self.translate_path(self.path))
        if target.is_dir() and path.endswith("/"):
            target = target / "index.html"
        if not target.name.endswith(".html") or not target.is_file():
            return super().send_head()
        body = target.read_text(encoding="utf-8").replace("workers/kb-search.js", f"workers/{self.material_worker}")
        return self.send_gzipped(body.encode("utf-8"), "text/html")


@contextmanager
def serve(site: Path, base_path: str, work: Path) -> Iterator[str]:
    """The site under ``base_path`` (and again under /stock + ``base_path``); yields the server's root URL."""
    shutil.rmtree(work / "serve", ignore_errors=True)
    worker = next((site / "assets" / "javascripts" / "workers").glob("search.*.min.js")).name
    handler = type("Handler", (VariantHandler,), {"material_worker": worker})
    with bench.serve_site(site, base_path, work, handler) as url:
        yield url[: -len(base_path)]


def add_pagefind(site: Path, log: Path) -> None:
    """Pagefind's index of the built pages' articles, and its search page."""
    bench.run_child([sys.executable, "-m", "pagefind", "--site", str(site), "--root-selector", "article"],
                    site.parent, log)
    page = site / PAGEFIND_PAGE / "index.html"
    page.parent.mkdir(exist_ok=True)
    page.write_text(PAGEFIND_HTML, encoding="utf-8")


def engine_url(root: str, base_path: str, engine: str) -> str:
    if engine == "pagefind":
        return root + base_path + PAGEFIND_PAGE
    return root + ("/stock" if engine == "stock" else "") + base_path + "about/"


def open_and_type(page: Any, engine: str, query: str) -> None:
    if engine == "pagefind":
        page.click(".pagefind-ui__search-input")
    else:
        page.keyboard.press("/")  # Material's shortcut: opens search and focuses its field
    page.keyboard.insert_text(query)
    page.keyboard.press("End")


def clear_and_type(page: Any, engine: str, query: str) -> None:
    field = ".pagefind-ui__search-input" if engine == "pagefind" else ".md-search__input"
    page.fill(field, "")
    page.keyboard.press("End")
    page.wait_for_function(f"() => !document.querySelector('{RESULT_SELECTOR[engine]}')", timeout=TIMEOUT_MS)
    page.keyboard.insert_text(query)
    page.keyboard.press("End")


def one_run(browser: Any, url: str, engine: str, throttle: float) -> dict[str, float]:
    """Time to the first result and bytes of the first and the second query, on a fresh profile."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    requests: list[tuple[Any, int]] = []
    phase = [0]  # 0 page load, 1 first query, 2 second query
    page.on("requestfinished", lambda request: requests.append((request, phase[0])))
    if throttle > 1:
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": throttle})
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    start = page.evaluate(WATCH, RESULT_SELECTOR[engine])
    phase[0] = 1
    open_and_type(page, engine, QUERIES[0])
    page.wait_for_function("() => window.kbFirstResult !== null", timeout=TIMEOUT_MS)
    first_ms = page.evaluate("() => window.kbFirstResult") - start
    page.wait_for_load_state("networkidle")
    phase[0] = 2
    clear_and_type(page, engine, QUERIES[1])
    page.wait_for_selector(RESULT_SELECTOR[engine], timeout=TIMEOUT_MS)
    page.wait_for_load_state("networkidle")

    def body_bytes(wanted: int) -> int:
        return sum(request.sizes()["responseBodySize"] for request, at in requests
                   if at == wanted or (wanted == 1 and at == 0 and any(p in request.url for p in SEARCH_FILES)))

    result = {"first_ms": round(first_ms), "first_bytes": body_bytes(1), "second_bytes": body_bytes(2)}
    context.close()
    return result


def measure_site(browser: Any, root: str, base_path: str, runs: int, throttle: float,
                 engines: tuple[str, ...] = ENGINES) -> dict[str, Any]:
    """Medians per engine, unthrottled and throttled; the engines take turns, run after run."""
    rows: dict[str, Any] = {}
    for rate in (1.0, throttle):
        samples: dict[str, list[dict[str, float]]] = {engine: [] for engine in engines}
        for _ in range(runs):
            for engine in engines:
                samples[engine].append(one_run(browser, engine_url(root, base_path, engine), engine, rate))
        for engine in engines:
            rows[f"{engine}@{rate:g}x"] = {key: statistics.median(s[key] for s in samples[engine])
                                          for key in ("first_ms", "first_bytes", "second_bytes")} | {
                "runs_ms": [s["first_ms"] for s in samples[engine]]}
    return rows


def budgets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Issue 24: at 3,000 pages or more, first result ≤ 1.2 × Pagefind's time and first-query bytes
    ≤ 1.5 × Pagefind's; on the real site, no slower than stock Material (what the site did before)."""
    out = []
    for size, rows in results["sizes"].items():
        if int(size) < BUDGET_PAGES:
            continue
        for rate in ("1x", f"{results['throttle']:g}x"):
            project, pagefind = rows[f"project@{rate}"], rows[f"pagefind@{rate}"]
            out.append(_budget(f"{size} pages, CPU {rate}: time to first result ≤ {TIME_RATIO} × Pagefind",
                               project["first_ms"] / pagefind["first_ms"], TIME_RATIO,
                               f"project {project['first_ms']:.0f} ms, Pagefind {pagefind['first_ms']:.0f} ms"))
            out.append(_budget(f"{size} pages, CPU {rate}: first-query bytes ≤ {BYTES_RATIO} × Pagefind",
                               project["first_bytes"] / pagefind["first_bytes"], BYTES_RATIO,
                               f"project {kib(project['first_bytes'])} KB, Pagefind {kib(pagefind['first_bytes'])} KB"))
    real = results.get("real")
    if real:
        for rate in ("1x", f"{results['throttle']:g}x"):
            project, stock = real[f"project@{rate}"], real[f"stock@{rate}"]
            out.append(_budget(f"real site, CPU {rate}: time to first result ≤ stock Material (before the pieces)",
                               project["first_ms"] / stock["first_ms"], 1.0,
                               f"project {project['first_ms']:.0f} ms, stock {stock['first_ms']:.0f} ms"))
    return out


def _budget(name: str, value: float, limit: float, detail: str) -> dict[str, Any]:
    return {"budget": name, "value": round(value, 2), "limit": limit, "met": value <= limit, "detail": detail}


def kib(value: float) -> str:
    return f"{value / 1024:,.1f}"


def markdown(results: dict[str, Any]) -> str:
    lines = [
        f"Measured {results['date']} by `scripts/bench_search.py` (`make bench`) in headless Chromium "
        f"{results['chromium']}, medians of {results['runs']} runs, gzip on; the first query is {QUERIES[0]}, "
        f"the second {QUERIES[1]}. *First result*: from opening search to the first result on screen. "
        "*Bytes*: response bodies as sent (compressed), for the first query including the search files fetched "
        "with the page (worker scripts); for the second query, what it fetched on top. *stock* is the same site "
        "with Material's worker and the whole index (the site before the index was cut into pieces); *pagefind* "
        f"is Pagefind {results['pagefind']} (extended) with its default UI on the same pages. The "
        f"{results['throttle']:g}x rows slow the CPU through Chromium's DevTools protocol, which slows the page's "
        "main thread only: Chromium refuses it for web workers (\"Operation is only supported for pages\"), where "
        "all three engines do their searching.",
        "",
        "| budget | value | limit | status | detail |",
        "| --- | --- | --- | --- | --- |",
    ]
    lines += [f"| {b['budget']} | {b['value']} | {b['limit']} | {'**met**' if b['met'] else '**NOT MET**'} | {b['detail']} |"
              for b in results["budgets"]]
    lines += ["", "| site | engine | CPU | first result ms | first query KB | second query KB | runs (ms) |",
              "| --- | --- | --- | --- | --- | --- | --- |"]
    sites = [(f"{size} pages", rows) for size, rows in results["sizes"].items()]
    if results.get("real"):
        sites.append(("real site", results["real"]))
    for label, rows in sites:
        for key, row in rows.items():
            engine, rate = key.split("@")
            lines.append(f"| {label} | {engine} | {rate} | {row['first_ms']:.0f} | {kib(row['first_bytes'])} | "
                         f"{kib(row['second_bytes'])} | {', '.join(str(r) for r in row['runs_ms'])} |")
    return "\n".join(lines)


def write(results: dict[str, Any]) -> None:
    (RESULTS / "search-speed.json").write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    target = RESULTS / "results.md"
    text = target.read_text(encoding="utf-8")
    if MARKER_BEGIN in text:
        before, rest = text.split(MARKER_BEGIN, 1)
        text = before + "<!-- search-speed -->" + rest.split(MARKER_END, 1)[1]
    text = fill(text, "<!-- search-speed -->", f"{MARKER_BEGIN}\n{markdown(results)}\n{MARKER_END}",
                "benchmarks/results.md", "the search-speed table")
    target.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="500,2000,5000", help="corpus sizes in Markdown files (default 500,2000,5000)")
    parser.add_argument("--runs", type=int, default=3, help="runs per engine, size and CPU rate (default 3)")
    parser.add_argument("--throttle", type=float, default=4.0, help="CPU slowdown of the throttled rows (default 4)")
    parser.add_argument("--no-real", action="store_true", help="skip the real site")
    parser.add_argument("--keep", action="store_true", help="keep the corpora and sites")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",") if size]
    project = bench.project_config()
    base_path = urlsplit(project["site_url"]).path
    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("Debian's chromium is needed: sudo apt-get install chromium")
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="bench-search-"))
    pools = bench.harvest(bench.DOCS)
    results: dict[str, Any] = {"date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                               "runs": args.runs, "throttle": args.throttle, "queries": list(QUERIES),
                               "chromium": bench.chromium_version(chromium),
                               "pagefind": subprocess.run([sys.executable, "-m", "pagefind", "--version"],
                                                          capture_output=True, text=True).stdout.split()[-1],
                               "sizes": {}}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=bench.CHROME_FLAGS.split()[1:], headless=True)
            for size in sizes:
                folder = work / f"corpus-{size}"
                counts = bench.make_corpus(folder, size, pools, project)
                bench.progress(f"search {size}: building ({counts.total} Markdown files), then Pagefind")
                site = folder / "site"
                bench.run_child(bench.build_command(folder, "project", site), folder, folder / "build.log",
                                env=bench.corpus_env(folder))
                add_pagefind(site, folder / "pagefind.log")
                bench.progress(f"search {size}: measuring")
                with serve(site, base_path, work) as root:
                    results["sizes"][str(size)] = measure_site(browser, root, base_path, args.runs, args.throttle)
                if not args.keep:
                    shutil.rmtree(folder)
            if not args.no_real:
                bench.progress("search, real site: building")
                site = work / "real-site"
                bench.run_child([str(bench.MKDOCS), "build", "--strict", "--site-dir", str(site)], ROOT,
                                work / "real-build.log")
                with serve(site, base_path, work) as root:
                    results["real"] = measure_site(browser, root, base_path, args.runs, args.throttle,
                                                   ("project", "stock"))
            browser.close()
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    results["budgets"] = budgets(results)
    write(results)
    print(markdown(results))
    return 0 if all(b["met"] for b in results["budgets"]) else 1


if __name__ == "__main__":
    sys.exit(main())
