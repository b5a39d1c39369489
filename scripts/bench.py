#!/usr/bin/env python3
"""Performance at scale: build, check and page-weight benchmarks with budgets.

``make bench`` (or ``.venv/bin/python scripts/bench.py``) generates corpora of 500 and
2,000 Markdown files (``--sizes 500,2000,5000`` adds 5,000): the real docs/
(law pages, help, guides, training, cases) plus generated zh + en teaching
cases and guides whose front matter, citations and links pass the project's
hooks and every content check. For each size it measures, as medians of
``--runs`` runs (default 3):

* the full build with the project's mkdocs.yml (``--strict``; hooks,
  overrides, plugins, extensions): wall time, CPU time and peak memory;
* the same content built with stock Material: the same theme settings and
  features, the search (jieba) and i18n plugins with the same options, the
  standard Markdown extensions the content is written for, the same nav, and
  no hooks, overrides, project extension (with its glossary), other plugins or extra
  CSS/JS;
* the content checks (``kb.checks.runner.run``) over the corpus, in process
  (medians of at least CHECK_RUNS runs);
* the size of the search indexes, raw and gzip;
* the rebuild after saving one page under ``mkdocs serve`` as ``make serve``
  runs it (``--dirty``: the changed pages and the pages listing them), checked
  by fetching the page; ``--serve-edits`` (default 3) sets how many.

The builds run in rounds: each round builds every size, project then stock,
so drifting machine speed meets the sizes and variants that budgets compare
alike, and the budgets that compare two builds take the median of the
rounds' ratios. The checks are measured on a 5,000-file docs folder in any case
(generating Markdown without building it is cheap). One project and one
stock build of the 500-file corpus are profiled with cProfile, and one
checks run of the smallest. The real site is built once to weigh the first
visit to a law page and to run Lighthouse against it.

Results go to benchmarks/results.md and benchmarks/results.json, with the
budgets marked met, NOT MET or not measured. On a 2-core machine the default
run takes about ten minutes; 5,000 files add about ten more.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import gzip
import io
import json
import math
import os
import platform
import posixpath
import pstats
import queue
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib import metadata
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import urljoin, urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kb.checks.checkers.translations import source_hash  # noqa: E402
from kb.checks.rules import ERROR  # noqa: E402
from kb.checks.runner import check_files, shared_laws_folder  # noqa: E402
from kb.checks.runner import collect as collect_pages  # noqa: E402
from kb.checks.runner import run as run_checks  # noqa: E402
from kb.checks.workspace import Page  # noqa: E402
from kb.frontmatter import split_front_matter  # noqa: E402
from kb.hooks.nav_glob import on_config as expand_nav_globs  # noqa: E402
from kb.taxonomy import taxonomy  # noqa: E402
from kb.twins import is_neutral  # noqa: E402
from kb.urls import page_url  # noqa: E402

DOCS = ROOT / "docs"
OUTPUT = ROOT / "benchmarks"
MKDOCS = Path(sys.executable).with_name("mkdocs")
CHECK_SIZE = 5000
INDEX_SIZE = 3000  # the search index (issue 9) and the checks' 3-second bar (issue 3) are set at 3,000 pages
PROFILE_SIZE = 500
# A check run takes seconds, a build minutes: the checks' medians take at least
# this many runs whatever --runs says, as the machine's speed drifts by a third.
CHECK_RUNS = 5
GZIP_LEVEL = 6  # what a typical web server or CDN uses
LAW_PAGE = "law/anti-domestic-violence-law/"
CASE_PAGE = "cases/protection-order-spouse/"
WEIGHED_PAGES = {"law": LAW_PAGE, "case": CASE_PAGE}
LIGHTHOUSE = "lighthouse@12.2.3"
LIGHTHOUSE_PAGES = {"home": "", **WEIGHED_PAGES}
LIGHTHOUSE_RUNS = 3
# Lighthouse budgets: the lowest median score each category may have on every page.
LIGHTHOUSE_MINIMUM = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking"
PACKAGES = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "pymdown-extensions", "Markdown", "jieba",
            "zxing-cpp", "PyYAML", "jsonschema")
# Extensions that belong to the project, not to stock Material (ours load the glossary).
PROJECT_EXTENSIONS = ("kb.",)
SECTION = re.compile(r"^## (.+?) \{#([a-z0-9-]+)\}\s*$", re.M)
H2 = re.compile(r"^## (.+?)(?: \{#[^}]*\})?\s*$", re.M)
BASIS_BULLET = re.compile(r"^- \[\[([^\]|]+)\]\][：:]\s*(.+)$")
LINK = re.compile(r"(\]\()([^)\s]+)(\))")
SKIP_BLOCK = re.compile(r"^(#|!!!|\?\?\?|===|<|\||\*\[|```|~~~|    |\t)|\{#|\]\(#|!\[|\[\^|<!--", re.M)
STARTED = time.monotonic()
BUDGETS = {
    "build_vs_stock": 1.15,
    "scale_5000_vs_2000": 2.6,
    "linearity_2000_vs_500": 4.0,
    "checks_5000_seconds": 5.0,
    "checks_3000_seconds": 3.0,
    "index_per_language_gzip_kb": 1024.0,
    "law_first_visit_gzip_kb": 150.0,
}


def progress(message: str) -> None:
    """Print one progress line with the minutes and seconds since the start."""
    elapsed = int(time.monotonic() - STARTED)
    print(f"[{elapsed // 60:02d}:{elapsed % 60:02d}] {message}", flush=True)


# ---------------------------------------------------------------------------
# Project configuration
# ---------------------------------------------------------------------------

class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml; values with other tags (``!!python/...``, ``!ENV``) become None."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def project_config() -> dict[str, Any]:
    """The project's mkdocs.yml as plain data (Python objects left out)."""
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)


def stock_config(project: dict[str, Any], docs: Path) -> dict[str, Any]:
    """Stock Material on the same content: same theme settings, search and i18n, no project code."""
    theme = {key: value for key, value in project["theme"].items() if key != "custom_dir"}
    plugins = [plugin for plugin in project["plugins"]
               if (next(iter(plugin)) if isinstance(plugin, dict) else plugin) in ("search", "i18n")]
    extensions = []
    for extension in project["markdown_extensions"]:
        name, options = next(iter(extension.items())) if isinstance(extension, dict) else (extension, None)
        if name.startswith(PROJECT_EXTENSIONS):
            continue
        options = {key: value for key, value in (options or {}).items() if value is not None}
        extensions.append({name: options} if options else name)
    nav = expand_nav_globs(SimpleNamespace(nav=project["nav"], docs_dir=str(docs))).nav
    return {"site_name": project["site_name"], "site_url": project["site_url"], "theme": theme,
            "plugins": plugins, "markdown_extensions": extensions, "nav": nav}


# ---------------------------------------------------------------------------
# Synthetic content
# ---------------------------------------------------------------------------

def blocks(body: str) -> list[str]:
    """Paragraphs and lists of a Markdown body, without headings, HTML, admonitions and tables."""
    return [block.strip() for block in re.split(r"\n\s*\n", body)
            if block.strip() and not SKIP_BLOCK.search(block.strip())]


def rebase_links(text: str, from_dir: str, to_dir: str) -> str:
    """Rewrite relative links of a text moved from docs/``from_dir`` to docs/``to_dir``."""
    def move(match: re.Match[str]) -> str:
        target = match.group(2)
        if re.match(r"^[a-z]+:|^/|^#", target):
            return match.group(0)
        path, hash_, fragment = target.partition("#")
        moved = posixpath.relpath(posixpath.normpath(posixpath.join(from_dir, path)), to_dir)
        return f"{match.group(1)}{moved}{hash_}{fragment}{match.group(3)}"

    return LINK.sub(move, text)


@dataclass
class Language:
    """Text of one language taken from the real pages."""

    titles: list[str] = field(default_factory=list)
    descriptions: list[str] = field(default_factory=list)
    outcomes: list[str] = field(default_factory=list)
    headings: dict[str, str] = field(default_factory=dict)  # case section anchor -> heading
    case_blocks: dict[str, list[str]] = field(default_factory=dict)  # case section anchor -> blocks
    guide_titles: list[str] = field(default_factory=list)
    guide_headings: list[str] = field(default_factory=list)
    guide_blocks: list[str] = field(default_factory=list)  # links rebased to guides/practice/
    basis: dict[str, list[str]] = field(default_factory=dict)  # citation -> explanations


@dataclass
class Pools:
    """Realistic text to draw synthetic pages from, in both languages."""

    zh: Language
    en: Language
    citations: list[str]  # citations explained in both languages' legal-basis lists


GUIDE_DIR = "guides/practice"
# The real cases count up from case-001; generated ones start at case-100
# (schemas/case.schema.json allows three to five digits).
FIRST_CASE_ID = 100
# Cases are the collection that grows to thousands; guides grow slowly. One
# generated pair in ten is a guide, at most MAX_GUIDES pairs: guides are in
# the nav, cases are reached from the case index (mkdocs.yml, not_in_nav).
MAX_GUIDES = 100
FIRST_GUIDE = 1000
MAX_TITLE = 120  # schemas/common.schema.json
UPDATED = "2026-11-28"
CASE_SECTIONS = ("facts", "handling", "legal-basis", "significance", "advice")


def harvest(docs: Path) -> Pools:
    """Collect titles, sections, paragraphs and explained citations from the real pages."""
    languages = {"zh": Language(), "en": Language()}
    for path in sorted(docs.glob("cases/*.md")):
        if path.name.startswith("index."):
            continue
        lang = languages["en" if path.name.endswith(".en.md") else "zh"]
        meta, body, _ = split_front_matter(path.read_text(encoding="utf-8"))
        lang.titles.append(str(meta["title"]))
        lang.descriptions.append(str(meta["description"]))
        lang.outcomes.append(str(meta["outcome"]))
        sections = list(SECTION.finditer(body))
        for index, match in enumerate(sections):
            anchor = match.group(2)
            end = sections[index + 1].start() if index + 1 < len(sections) else len(body)
            lang.headings[anchor] = match.group(1)
            text = body[match.end():end]
            if anchor == "legal-basis":
                for line in text.splitlines():
                    bullet = BASIS_BULLET.match(line.strip())
                    if bullet:
                        lang.basis.setdefault(bullet.group(1).strip(), []).append(bullet.group(2))
            else:
                lang.case_blocks.setdefault(anchor, []).extend(blocks(text))
    for path in sorted([*docs.glob("help/*.md"), *docs.glob("guides/*/*.md")]):
        if path.name.startswith("index."):
            continue
        lang = languages["en" if path.name.endswith(".en.md") else "zh"]
        meta, body, _ = split_front_matter(path.read_text(encoding="utf-8"))
        from_dir = path.parent.relative_to(docs).as_posix()
        lang.guide_titles.append(str(meta["title"]))
        lang.guide_headings.extend(h for h in H2.findall(body) if "[" not in h and "`" not in h)
        lang.guide_blocks.extend(rebase_links(block, from_dir, GUIDE_DIR) for block in blocks(body))
    zh, en = languages["zh"], languages["en"]
    citations = sorted(set(zh.basis) & set(en.basis))
    return Pools(zh, en, citations)


@dataclass
class Counts:
    """How many files a corpus has, by origin."""

    real: int
    cases: int  # synthetic zh + en pairs
    guides: int

    @property
    def total(self) -> int:
        return self.real + 2 * (self.cases + self.guides)


def plan(size: int, real: int) -> Counts:
    """Split the pages to generate into zh + en pairs: one guide in ten pairs, at most MAX_GUIDES guides."""
    pairs = max(0, size - real) // 2
    guides = min(pairs // 10, MAX_GUIDES)
    return Counts(real, pairs - guides, guides)


def front_matter(meta: dict[str, Any]) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000) + "---\n"


def write_pair(docs: Path, rel: str, zh_meta: dict[str, Any], zh_body: str,
               en_meta: dict[str, Any], en_body: str) -> None:
    """Write a Chinese page and its up-to-date English translation."""
    zh_path = docs / rel
    zh_text = front_matter(zh_meta) + "\n" + zh_body
    zh_path.write_text(zh_text, encoding="utf-8")
    # Typed once (kb/twins.py): the English page writes only its own language's fields.
    en_meta = {**{k: v for k, v in en_meta.items() if not is_neutral(k)},
               "translated_from": source_hash(Page(zh_path, zh_text, docs))}
    zh_path.with_name(zh_path.name[:-3] + ".en.md").write_text(front_matter(en_meta) + "\n" + en_body,
                                                                encoding="utf-8")


def legal_basis(lang: Language, code: str, cites: list[str], rng: random.Random) -> str:
    """The legal-basis section: every cited article with an explanation taken from a real case."""
    separator = "：" if code == "zh" else ": "
    return f"## {lang.headings['legal-basis']} {{#legal-basis}}\n\n" + "\n".join(
        f"- [[{cite}]]{separator}{rng.choice(lang.basis[cite])}" for cite in cites) + "\n"


def title_of(prefix: str, title: str, suffix: str) -> str:
    """``prefix + title + suffix`` if within the schema's limit, else a shortened title and the suffix."""
    whole = prefix + title + suffix
    return whole if len(whole) <= MAX_TITLE else (title[: MAX_TITLE - len(suffix)] + suffix)


def pick(pool: list[str], rng: random.Random, low: int, high: int) -> list[str]:
    return rng.sample(pool, min(len(pool), rng.randint(low, high)))


def case_pair(docs: Path, number: int, pools: Pools, rng: random.Random) -> None:
    """One synthetic teaching case, zh + en, with a category, tags and citations that exist."""
    vocab = taxonomy()
    category = list(vocab["categories"])[number % len(vocab["categories"])]
    source = number % len(pools.zh.titles)
    cites = rng.sample(pools.citations, rng.randint(3, 8))
    shared = {"category": category, "tags": rng.sample(list(vocab["tags"]), rng.randint(2, 4)), "cites": cites,
              "source": {"kind": "teaching"}, "relationship": rng.choice(list(vocab["relationships"])),
              "measures": rng.sample(list(vocab["measures"]), rng.randint(1, 2))}
    metas, bodies = {}, {}
    for code, lang in (("zh", pools.zh), ("en", pools.en)):
        label = vocab["categories"][category][code]
        title = (title_of(f"{label}：", lang.titles[source], f"（案例 {number}）") if code == "zh"
                 else title_of(f"{label}: ", lang.titles[source], f" (case {number})"))
        metas[code] = {"id": f"case-{number}", "title": title, "description": rng.choice(lang.descriptions),
                       **shared, "outcome": rng.choice(lang.outcomes), "review": {"status": "draft"},
                       "updated": UPDATED}
        parts = [f"# {title}\n"]
        for anchor in CASE_SECTIONS:
            if anchor == "legal-basis":
                parts.append(legal_basis(lang, code, cites, rng))
                continue
            picked = pick(lang.case_blocks[anchor], rng, 1, 4 if anchor != "advice" else 1)
            parts.append(f"## {lang.headings[anchor]} {{#{anchor}}}\n\n" + "\n\n".join(picked) + "\n")
        bodies[code] = "\n".join(parts)
    write_pair(docs, f"cases/case-{number}-{category}.md", metas["zh"], bodies["zh"], metas["en"], bodies["en"])


def guide_pair(docs: Path, number: int, pools: Pools, rng: random.Random) -> None:
    """One synthetic guide, zh + en, in guides/practice/, with sections, links and citations."""
    cites = rng.sample(pools.citations, rng.randint(2, 6))
    audience = rng.sample(list(taxonomy()["audiences"]), rng.randint(1, 2))
    sections = rng.randint(3, 5)
    metas, bodies = {}, {}
    for code, lang in (("zh", pools.zh), ("en", pools.en)):
        base = lang.guide_titles[number % len(lang.guide_titles)]
        title = title_of("", base, f"：实务要点 {number}" if code == "zh" else f": practice notes {number}")
        metas[code] = {"title": title, "description": rng.choice(lang.descriptions), "audience": audience,
                       "cites": cites, "review": {"status": "draft"}, "updated": UPDATED}
        parts = [f"# {title}\n", "\n\n".join(pick(lang.guide_blocks, rng, 1, 2)) + "\n"]
        for index in range(1, sections + 1):
            parts.append(f"## {rng.choice(lang.guide_headings)} {{#part-{index}}}\n\n"
                         + "\n\n".join(pick(lang.guide_blocks, rng, 1, 3)) + "\n")
        parts.append(legal_basis(lang, code, cites, rng))
        bodies[code] = "\n".join(parts)
    write_pair(docs, f"{GUIDE_DIR}/guide-{number}.md", metas["zh"], bodies["zh"], metas["en"], bodies["en"])


def make_docs(target: Path, size: int, pools: Pools) -> Counts:
    """Copy the real docs/ to ``target`` and add synthetic pages up to ``size`` Markdown files."""
    shutil.copytree(DOCS, target)
    counts = plan(size, sum(1 for _ in target.rglob("*.md")))
    (target / GUIDE_DIR).mkdir(parents=True, exist_ok=True)
    rng = random.Random(size)
    for index in range(counts.cases):
        case_pair(target, FIRST_CASE_ID + index, pools, rng)
    for index in range(counts.guides):
        guide_pair(target, FIRST_GUIDE + index, pools, rng)
    return counts


def make_corpus(folder: Path, size: int, pools: Pools, project: dict[str, Any]) -> Counts:
    """A buildable corpus: docs/, a snapshot of the project's code and config, and a stock config.

    mkdocs.yml, overrides/, kb/, data/, schemas/ and scripts/ are copied, so a run that
    takes most of an hour builds one consistent state even while the
    repository changes. Builds put the corpus first on PYTHONPATH, so the
    hooks import this kb/ rather than the installed one, and kb.paths points
    them at the corpus's docs/ and data/. docs/ is committed to a throwaway
    git repository, as the real pages are, so plugins that read git history
    do their real work.
    """
    folder.mkdir(parents=True)
    counts = make_docs(folder / "docs", size, pools)
    shutil.copyfile(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    for name in ("overrides", "kb", "data", "schemas", "scripts"):
        shutil.copytree(ROOT / name, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
    git = ["git", "-C", str(folder), "-c", "user.name=bench", "-c", "user.email=bench@example.invalid"]
    for arguments in (["init", "--quiet"], ["add", "docs"], ["commit", "--quiet", "--message", "corpus"]):
        subprocess.run(git + arguments, check=True, capture_output=True)
    stock = stock_config(project, folder / "docs")
    (folder / "stock.yml").write_text(yaml.safe_dump(stock, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return counts


def corpus_env(folder: Path) -> dict[str, str]:
    """The environment of a corpus's builds: its kb/ ahead of the installed package."""
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(folder), os.environ.get("PYTHONPATH")]))}


# ---------------------------------------------------------------------------
# Measurements
# ---------------------------------------------------------------------------

@dataclass
class Sample:
    """One run of a child process."""

    wall_s: float
    cpu_s: float
    peak_rss_mb: float


def run_child(command: list[str], cwd: Path, log: Path, env: dict[str, str] | None = None,
              timeout: float | None = None) -> Sample:
    """Run ``command`` to completion; raise with the log's tail if it fails or outlives ``timeout``."""
    with log.open("w", encoding="utf-8") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=env)
        timer = threading.Timer(timeout, process.kill) if timeout else None
        if timer:
            timer.start()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        if timer:
            timer.cancel()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        tail = "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-15:])
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}):\n{tail}")
    return Sample(round(wall, 2), round(usage.ru_utime + usage.ru_stime, 2), round(usage.ru_maxrss / 1024, 1))


def build_command(folder: Path, variant: str, site: Path) -> list[str]:
    config = folder / ("mkdocs.yml" if variant == "project" else "stock.yml")
    strict = ["--strict"] if variant == "project" else []
    return [str(MKDOCS), "build", *strict, "--config-file", str(config), "--site-dir", str(site)]


def median_sample(samples: list[Sample]) -> dict[str, float]:
    return {key: round(statistics.median(getattr(s, key) for s in samples), 2)
            for key in ("wall_s", "cpu_s", "peak_rss_mb")}


def file_sizes(path: Path) -> dict[str, int]:
    data = path.read_bytes()
    return {"raw": len(data), "gzip": len(gzip.compress(data, GZIP_LEVEL))}


def rendered_pages(site: Path) -> int:
    """HTML pages of a built site, short-link redirects (kb/hooks/redirects.py) left out."""
    def redirect(path: Path) -> bool:
        with path.open("rb") as page:
            return b'http-equiv="refresh"' in page.read(2048)
    return sum(1 for path in site.rglob("*.html") if not redirect(path))


def search_index_sizes(site: Path) -> dict[str, Any]:
    """Each language's whole search index, and their sum: with our hooks search_index.full.json (the
    reader's search fetches pieces of it, kb/search_shards.py; scripts/bench_search.py weighs those),
    in a stock build search_index.json."""
    whole = sorted(site.rglob("search_index.full.json")) or sorted(site.rglob("search_index.json"))
    files = {path.relative_to(site).as_posix(): file_sizes(path) for path in whole}
    return {"files": files, "raw": sum(f["raw"] for f in files.values()), "gzip": sum(f["gzip"] for f in files.values())}


def time_checks(docs: Path, runs: int) -> dict[str, Any]:
    """Run the content checks in process ``runs`` times; the first run also fills caches."""
    times, problems = [], []
    for _ in range(runs):
        start = time.perf_counter()
        problems = run_checks(None, docs=docs)
        times.append(round(time.perf_counter() - start, 2))
    rules = Counter(p.rule for p in problems)
    return {"files": sum(1 for _ in docs.rglob("*.md")), "times_s": times, "median_s": statistics.median(times),
            "errors": sum(1 for p in problems if p.severity == ERROR),
            "warnings": sum(1 for p in problems if p.severity != ERROR), "by_rule": dict(sorted(rules.items()))}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


EXITED = "<the process has exited>"


class LogWatcher:
    """Lines of a child's output with the time each arrived."""

    def __init__(self, stream: io.TextIOBase) -> None:
        self.lines: queue.Queue[tuple[float, str]] = queue.Queue()
        self.text: list[str] = []
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream: io.TextIOBase) -> None:
        for line in stream:
            self.lines.put((time.perf_counter(), line.rstrip()))
        self.lines.put((time.perf_counter(), EXITED))

    def wait_for(self, needle: str, timeout: float) -> tuple[float, list[str]]:
        """The arrival time of the next line containing ``needle``, and the lines read on the way."""
        deadline = time.monotonic() + timeout
        seen = []
        while time.monotonic() < deadline:
            try:
                stamp, line = self.lines.get(timeout=1)
            except queue.Empty:
                continue
            if line is EXITED or "An error happened during the rebuild" in line:
                raise RuntimeError("mkdocs serve failed:\n" + "\n".join(self.text[-15:]))
            seen.append(line)
            self.text.append(line)
            if needle in line:
                return stamp, seen
        raise TimeoutError(f"mkdocs serve: no '{needle}' within {timeout:.0f} s:\n" + "\n".join(self.text[-15:]))


# The options make serve gives mkdocs serve (Makefile).
SERVE_OPTIONS = ("--dirty", "--no-strict")


def serve_rebuild(folder: Path, page: Path, edits: int) -> dict[str, Any]:
    """Seconds from saving ``page`` to the live-reload signal of ``mkdocs serve``, per edit.

    After each reload the page is fetched from the server: the figure only
    counts if the edit is on it.
    """
    port = free_port()
    command = [str(MKDOCS), "serve", *SERVE_OPTIONS, "--config-file", str(folder / "mkdocs.yml"),
               "--dev-addr", f"127.0.0.1:{port}"]
    src_uri = page.relative_to(folder / "docs").as_posix()
    language = "en/" if src_uri.endswith(".en.md") else ""
    url = (f"http://127.0.0.1:{port}{urlsplit(project_config()['site_url']).path}{language}"
           f"{page_url(src_uri, True)}")
    original = page.read_text(encoding="utf-8")
    process = subprocess.Popen(command, cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               env=corpus_env(folder))
    try:
        watcher = LogWatcher(process.stdout)
        start = time.perf_counter()
        ready, _ = watcher.wait_for("Serving on", timeout=3600)
        first_build = ready - start
        rebuilds, reported = [], []
        for edit in range(1, edits + 1):
            time.sleep(2)  # let the watcher settle after the previous reload
            marker = f"补充说明 {edit}：当事人补充提交了新的证据。"
            page.write_text(original + f"\n{marker}\n", encoding="utf-8")
            saved = time.perf_counter()
            reloaded, lines = watcher.wait_for("Reloading browsers", timeout=3600)
            rebuilds.append(round(reloaded - saved, 2))
            with urllib.request.urlopen(url, timeout=30) as response:
                if marker not in response.read().decode("utf-8"):
                    raise RuntimeError(f"mkdocs serve reloaded, but {url} does not show edit {edit}")
            built = [float(m.group(1)) for line in lines if (m := re.search(r"built in ([\d.]+) seconds", line))]
            reported.append(built[-1] if built else None)
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        page.write_text(original, encoding="utf-8")
    return {"edited": page.relative_to(folder).as_posix(), "first_build_s": round(first_build, 2),
            "rebuild_s": rebuilds, "median_rebuild_s": statistics.median(rebuilds), "mkdocs_reported_s": reported}


# ---------------------------------------------------------------------------
# Profiles
# ---------------------------------------------------------------------------

# Where a build's time goes: (label, file path fragment, function-name pattern). The
# cumulative times of the matching functions are added up; the groups do not overlap,
# except the one whose label starts with "of which".
COMPONENTS = (
    ("Markdown → HTML (Python-Markdown, all extensions)", "markdown/core.py", r"^convert$"),
    ("of which kb.markdown extensions", "kb/markdown/", r"^run$"),
    ("Jinja templates (Material, overrides/)", "jinja2/environment.py", r"^render$"),
    ("search plugin (indexing, jieba)", "material/plugins/search/plugin.py", r"^on_"),
    ("our hooks (kb/hooks/*, every event)", "kb/hooks/", r"^on_"),
)
REST = "everything else (MkDocs, i18n plugin, nav, files, startup)"
TRUNK_SHARE = 0.95  # functions above this share of the total are the call stack's trunk


def stat_entries(stats: pstats.Stats, roots: list[Path]) -> list[dict[str, Any]]:
    """Every profiled function with its calls, own and cumulative seconds; ``ours`` for kb/."""
    entries = []
    for (filename, line, name), (_, calls, own, cumulative, _) in stats.stats.items():
        where = filename.split("site-packages/", 1)[-1]
        ours = False
        for root in roots:
            if filename.startswith(str(root) + "/"):
                where = filename[len(str(root)) + 1:]
                ours = where.startswith("kb/")
                break
        entries.append({"function": f"{where}:{line}({name})", "file": where, "name": name, "calls": calls,
                        "tottime_s": round(own, 2), "cumtime_s": round(cumulative, 2), "ours": ours})
    return entries


def summarise(entries: list[dict[str, Any]], total: float, ours: int, overall: int) -> dict[str, Any]:
    """Top entries from kb/ by cumulative time; overall by cumulative time (without the trunk) and own time."""
    by_cumulative = sorted(entries, key=lambda e: -e["cumtime_s"])
    return {"profiled_total_s": round(total, 2),
            "top_kb_cumulative": [e for e in by_cumulative if e["ours"]][:ours],
            "top_cumulative": [e for e in by_cumulative if e["cumtime_s"] < TRUNK_SHARE * total][:overall],
            "top_own_time": sorted(entries, key=lambda e: -e["tottime_s"])[:overall]}


def profile_build(folder: Path, work: Path, variant: str) -> dict[str, Any]:
    """Profile one build with cProfile: the components, and the top entries overall and from kb/."""
    output = work / f"build-{variant}.prof"
    command = [sys.executable, "-m", "cProfile", "-o", str(output), "-m", "mkdocs",
               *build_command(folder, variant, work / f"site-profile-{variant}")[1:]]
    # One process (KB_BUILD_PROCESSES=1): cProfile does not follow the process that builds English.
    sample = run_child(command, folder, work / f"profile-{variant}.log",
                       env={**corpus_env(folder), "KB_BUILD_PROCESSES": "1"})
    stats = pstats.Stats(str(output))
    entries = stat_entries(stats, [folder, ROOT])
    components = {label: round(sum(e["cumtime_s"] for e in entries if fragment in e["file"]
                                   and re.search(pattern, e["name"])), 2)
                  for label, fragment, pattern in COMPONENTS}
    components[REST] = round(stats.total_tt - sum(seconds for label, seconds in components.items()
                                                  if not label.startswith("of which")), 2)
    return {"wall_s_with_profiler": sample.wall_s, "components": components,
            **summarise(entries, stats.total_tt, 15, 10)}


def profile_checks(docs: Path) -> dict[str, Any]:
    """Profile the checks' work on every page in one process; the top entries from kb/.

    ``run`` hands the pages to worker processes, which cProfile does not
    follow (a profile of it shows only the parent waiting), so this profiles
    ``check_files`` on all pages, the work each worker does on its share.
    """
    targets, _ = collect_pages([docs], docs)
    profiler = cProfile.Profile()
    profiler.runcall(check_files, targets, docs, shared_laws_folder())
    stats = pstats.Stats(profiler)
    entries = stat_entries(stats, [ROOT])
    # Where the time goes: reading pages (front matter parsed) and each rule. A rule's
    # time includes the other pages it reads first, such as a translation's original.
    parts = {"reading pages": sum(e["cumtime_s"] for e in entries if e["file"] == "kb/checks/workspace.py"
                                  and e["name"] == "_load")}
    parts.update((Path(e["file"]).stem + " rules", e["cumtime_s"]) for e in entries
                 if e["file"].startswith("kb/checks/checkers/") and e["name"] == "check")
    return {"files": len(targets), "parts": dict(sorted(parts.items(), key=lambda item: -item[1])),
            **summarise(entries, stats.total_tt, 12, 0)}


# ---------------------------------------------------------------------------
# The real site: first-visit weight and Lighthouse
# ---------------------------------------------------------------------------

class AssetParser(HTMLParser):
    """Stylesheets and scripts a page loads."""

    def __init__(self) -> None:
        super().__init__()
        self.assets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and "stylesheet" in (values.get("rel") or "").split() and values.get("href"):
            self.assets.append(values["href"])
        elif tag == "script" and values.get("src"):
            self.assets.append(values["src"])


def first_visit(site: Path, base_path: str, url: str) -> dict[str, Any]:
    """gzip bytes of a page's HTML plus every stylesheet and script it references."""
    page_url = base_path + url
    html = site / url / "index.html"
    parser = AssetParser()
    parser.feed(html.read_text(encoding="utf-8"))
    items = [{"url": page_url, **file_sizes(html)}]
    for asset in dict.fromkeys(parser.assets):
        absolute = urlsplit(urljoin(page_url, asset))
        if absolute.netloc or not absolute.path.startswith(base_path):
            items.append({"url": asset, "raw": None, "gzip": None, "note": "not on this site"})
            continue
        items.append({"url": absolute.path, **file_sizes(site / absolute.path[len(base_path):])})
    return {"page": page_url, "items": items, "gzip_total": sum(i["gzip"] or 0 for i in items),
            "raw_total": sum(i["raw"] or 0 for i in items)}


def page_weights(site: Path, base_path: str) -> dict[str, Any]:
    """The law and case pages' HTML and first-visit gzip bytes, and the whole site's size on disk."""
    weights: dict[str, Any] = {"site_bytes": sum(f.stat().st_size for f in site.rglob("*") if f.is_file())}
    for name, url in WEIGHED_PAGES.items():
        visit = first_visit(site, base_path, url)
        weights[name] = {"html_raw": visit["items"][0]["raw"], "html_gzip": visit["items"][0]["gzip"],
                         "first_visit_gzip": visit["gzip_total"]}
    return weights


class GzipHandler(SimpleHTTPRequestHandler):
    """A quiet static server that gzips text, as a production web server or CDN does.

    Lighthouse measures what a phone downloads; serving uncompressed files
    would charge the site for a server setting, not for its pages.
    """

    COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return super().send_head()  # the stdlib redirects to the URL with a slash
            path = path / "index.html"
        if ("gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file()
                or not path.name.endswith(self.COMPRESSIBLE)):
            return super().send_head()
        return self.send_gzipped(path.read_bytes(), self.guess_type(str(path)))

    def send_gzipped(self, data: bytes, content_type: str) -> io.BytesIO:
        body = gzip.compress(data, GZIP_LEVEL)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serve_site(site: Path, base_path: str, work: Path,
               handler: type[GzipHandler] = GzipHandler) -> Iterator[str]:
    """Serve ``site`` under ``base_path`` on localhost, as tests/browser/conftest.py does."""
    root = work / "serve"
    mount = root / base_path.strip("/")
    mount.parent.mkdir(parents=True, exist_ok=True)
    mount.symlink_to(site, target_is_directory=True)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}{base_path}"
    finally:
        httpd.shutdown()


def lighthouse(site: Path, base_path: str, work: Path) -> dict[str, Any]:
    """Lighthouse (default mobile settings) on the home, a law and a case page, LIGHTHOUSE_RUNS times each.

    One Lighthouse run is noisy on a shared 2-core machine (the same page scored
    91 and 96 minutes apart), so each page is run several times, the pages in
    turn, and the budget uses the median of each score, as Lighthouse's own
    documentation advises.
    """
    chromium, npx = shutil.which("chromium"), shutil.which("npx")
    if chromium is None or npx is None:
        return {"error": f"{'chromium' if chromium is None else 'npx (Node.js)'} is not installed"}
    env = {**os.environ, "CHROME_PATH": chromium}
    results: dict[str, Any] = {"version": LIGHTHOUSE, "chromium": chromium_version(chromium), "pages": {}}
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in LIGHTHOUSE_PAGES}
    errors: dict[str, str] = {}
    with serve_site(site, base_path, work) as base:
        for run in range(1, LIGHTHOUSE_RUNS + 1):
            for name, url in LIGHTHOUSE_PAGES.items():
                if name in errors:
                    continue
                report = work / f"lighthouse-{name}-{run}.json"
                command = [npx, "--yes", LIGHTHOUSE, base + url, "--output=json", f"--output-path={report}",
                           f"--chrome-flags={CHROME_FLAGS}", "--quiet"]
                progress(f"lighthouse: {name} page, run {run} of {LIGHTHOUSE_RUNS}")
                try:
                    run_child(command, work, work / f"lighthouse-{name}-{run}.log", env=env, timeout=600)
                except RuntimeError as error:
                    errors[name] = str(error)[-1500:]
                    continue
                runs[name].append(lighthouse_run(json.loads(report.read_text(encoding="utf-8"))))
    for name, url in LIGHTHOUSE_PAGES.items():
        if name in errors:
            results["pages"][name] = {"url": base_path + url, "error": errors[name]}
            continue
        scores = {key: median_or_none([r["scores"][key] for r in runs[name]]) for key in runs[name][0]["scores"]}
        typical = min(runs[name], key=lambda r: abs(r["scores"]["performance"] - scores["performance"]))
        results["pages"][name] = {"url": base_path + url, "scores": scores, "runs": runs[name],
                                  "metrics": typical["metrics"], "largest_requests": typical["largest_requests"],
                                  "warnings": sorted({w for r in runs[name] for w in r["warnings"]})}
    return results


def median_or_none(values: list[float | None]) -> float | None:
    known = [value for value in values if value is not None]
    return statistics.median(known) if known else None


def lighthouse_run(data: dict[str, Any]) -> dict[str, Any]:
    """The scores, timings and largest requests of one Lighthouse report."""
    audits = data["audits"]
    return {
        "scores": {key: None if category["score"] is None else round(category["score"] * 100)
                   for key, category in data["categories"].items()},
        "metrics": {key: audits[key].get("displayValue") for key in (
            "first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
            "cumulative-layout-shift", "speed-index", "total-byte-weight") if key in audits},
        "largest_requests": [
            {"url": urlsplit(item["url"]).path, "transfer_bytes": item.get("transferSize", 0)}
            for item in sorted(audits.get("network-requests", {}).get("details", {}).get("items", []),
                               key=lambda item: -item.get("transferSize", 0))[:5]],
        "warnings": data.get("runWarnings", []),
    }


def chromium_version(chromium: str) -> str:
    try:
        return subprocess.run([chromium, "--version"], capture_output=True, text=True, timeout=60).stdout.strip()
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"unknown ({error})"


def real_site(work: Path, base_path: str, with_lighthouse: bool) -> dict[str, Any]:
    """Build the repository's site once (as `make build` does); weigh the law page; run Lighthouse."""
    site = work / "real-site"
    progress("real site: build")
    try:
        sample = run_child([str(MKDOCS), "build", "--strict", "--site-dir", str(site)], ROOT, work / "real-build.log")
    except RuntimeError as error:
        reason = f"the real site did not build: {error}"
        return {"first_visit": {"error": reason}, "lighthouse": {"error": reason}}
    return {"real_build": asdict(sample), "first_visit": first_visit(site, base_path, LAW_PAGE),
            "real_page_weights": page_weights(site, base_path),
            "real_search_index": search_index_sizes(site),
            "lighthouse": lighthouse(site, base_path, work) if with_lighthouse else {"error": "skipped (--no-lighthouse)"}}


# ---------------------------------------------------------------------------
# Machine
# ---------------------------------------------------------------------------

def machine() -> dict[str, Any]:
    """Cores, memory, CPU, load, Python and package versions."""
    meminfo = Path("/proc/meminfo").read_text(encoding="utf-8") if Path("/proc/meminfo").exists() else ""
    memory = re.search(r"MemTotal:\s+(\d+) kB", meminfo)
    cpuinfo = Path("/proc/cpuinfo").read_text(encoding="utf-8") if Path("/proc/cpuinfo").exists() else ""
    model = re.search(r"model name\s*:\s*(.+)", cpuinfo)
    node = shutil.which("node")
    return {
        "cores": os.cpu_count(), "memory_gb": round(int(memory.group(1)) / 1024 ** 2, 1) if memory else None,
        "cpu": model.group(1).strip() if model else platform.processor(), "platform": platform.platform(),
        "python": platform.python_version(),
        "node": subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip() if node else None,
        "packages": {name: metadata.version(name) for name in PACKAGES},
        "load_average_start": [round(x, 2) for x in os.getloadavg()],
    }


# ---------------------------------------------------------------------------
# Budgets and report
# ---------------------------------------------------------------------------

def ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 2) if a is not None and b else None


def round_ratios(numerators: list[dict[str, Any]], denominators: list[dict[str, Any]]) -> list[float]:
    """Wall time of each run of one series divided by the same round's run of another."""
    return [ratio(a["wall_s"], b["wall_s"]) for a, b in zip(numerators, denominators)]


def median_ratio(numerators: list[dict[str, Any]], denominators: list[dict[str, Any]]) -> float:
    """The budgets' ratio: the median of the rounds' ratios.

    The machine's speed drifts by a third within a run (the same stock build
    has taken 8 s and 12 s minutes apart). Builds of one round run back to
    back under about the same load, so their ratio cancels the drift; a ratio
    of medians can divide a fast round's build by a slow round's.
    """
    return round(statistics.median(round_ratios(numerators, denominators)), 2)


def _paired(data: dict[str, Any]) -> str:
    """The ratio of each project run to the stock run right after it, and how far the stock builds spread."""
    pairs = round_ratios(data["project"]["runs"], data["stock"]["runs"])
    text = "project ÷ stock, round by round: " + ", ".join(str(value) for value in pairs)
    stock = [run["wall_s"] for run in data["stock"]["runs"]]
    spread = max(stock) / min(stock) - 1
    if spread > 0.1:
        text += f"; the same stock build took {min(stock)}–{max(stock)} s, {spread:.0%} apart"
    return text


def _scaling(small: dict[str, Any], large: dict[str, Any]) -> str:
    """The scaling budget's figures: round by round, medians, the CPU ratio and stock's ratio."""
    rounds = round_ratios(large["project"]["runs"], small["project"]["runs"])
    project = {key: (small["project"]["median"][key], large["project"]["median"][key]) for key in ("wall_s", "cpu_s")}
    return ("median of the rounds' ratios; round by round: " + ", ".join(map(str, rounds))
            + f"; median wall {project['wall_s'][1]} s vs {project['wall_s'][0]} s "
            f"({ratio(project['wall_s'][1], project['wall_s'][0])}); CPU {ratio(project['cpu_s'][1], project['cpu_s'][0])}; "
            f"stock {median_ratio(large['stock']['runs'], small['stock']['runs'])}; "
            f"{large['pages'] / small['pages']:.2f} × the Markdown files, "
            f"{large['counts']['cases'] / small['counts']['cases']:.2f} × the generated cases")


def _check_runs(checks: dict[str, Any]) -> str:
    return (f"median of {len(checks['times_s'])} in-process runs over {checks['files']} files (runs: "
            + ", ".join(f"{t} s" for t in checks["times_s"]) + ")")


def _budget(name: str, value: float | None, limit: float, why: str) -> dict[str, Any]:
    status = "not measured" if value is None else ("met" if value <= limit else "NOT MET")
    return {"budget": name, "value": value, "limit": limit, "status": status, "why": why}


def evaluate(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Each budget with its figure, met / NOT MET / not measured, and why."""
    sizes = results["sizes"]
    differences = component_differences(results)
    where = (f"; profiled at {PROFILE_SIZE:,} pages, the project spends more than stock on: " + ", ".join(
        f"{label} {delta:+.1f} s" for label, (_, _, delta) in differences.items() if not label.startswith("of which"))
        if differences else "")
    budgets = []
    for size, data in sizes.items():
        project, stock = data["project"]["median"], data["stock"]["median"]
        budgets.append(_budget(
            f"project build ≤ 1.15 × stock build ({size} pages)",
            median_ratio(data["project"]["runs"], data["stock"]["runs"]), BUDGETS["build_vs_stock"],
            "median of the rounds' ratios; " + _paired(data) + f"; median wall: project {project['wall_s']} s, stock "
            f"{stock['wall_s']} s ({ratio(project['wall_s'], stock['wall_s'])}); CPU ratio "
            f"{ratio(project['cpu_s'], stock['cpu_s'])}" + _pages_rendered(data)
            + (where if size == str(PROFILE_SIZE) else "")))
    wall = {int(size): data["project"]["median"]["wall_s"] for size, data in sizes.items()}
    scale = "5,000-page build ≤ 2.6 × 2,000-page build"
    if 5000 in wall and 2000 in wall:
        budgets.append(_budget(scale, median_ratio(sizes["5000"]["project"]["runs"], sizes["2000"]["project"]["runs"]),
                               BUDGETS["scale_5000_vs_2000"],
                               _scaling(sizes["2000"], sizes["5000"])))
    else:
        why = "5,000 pages were not built (make bench SIZES=500,2000,5000 builds them)"
        if 500 in wall and 2000 in wall:
            pages = sizes["2000"]["pages"] / sizes["500"]["pages"]
            exponent = math.log(wall[2000] / wall[500]) / math.log(pages)
            why += (f"; EXTRAPOLATION, not a measurement: build time grew as pages^{exponent:.2f} from 500 to "
                    f"2,000, which would make 5,000 pages ≈ {2.5 ** exponent:.2f} × 2,000 pages")
        budgets.append({"budget": scale, "value": None, "limit": BUDGETS["scale_5000_vs_2000"],
                        "status": "not measured", "why": why})
    if 500 in wall and 2000 in wall:
        pages = sizes["2000"]["pages"] / sizes["500"]["pages"]
        value = median_ratio(sizes["2000"]["project"]["runs"], sizes["500"]["project"]["runs"])
        budgets.append({"budget": "linearity indicator: 2,000-page build ÷ 500-page build, vs 4×", "value": value,
                        "limit": BUDGETS["linearity_2000_vs_500"], "status": "indicator",
                        "why": f"median of the rounds' ratios; median wall {wall[2000]} s vs {wall[500]} s for "
                        f"{pages:.2f} × the pages: "
                        + ("sub-linear" if value <= pages else "super-linear, the cost per page grows with the site")
                        + f"; stock: {median_ratio(sizes['2000']['stock']['runs'], sizes['500']['stock']['runs'])}"})
    checks = results["checks"].get(str(CHECK_SIZE))
    if checks:
        profile = results.get("checks_profile") or {}
        top = list((profile.get("parts") or {}).items())[:5]
        budgets.append(_budget(
            f"checks over {CHECK_SIZE:,} pages ≤ 5 s", checks["median_s"], BUDGETS["checks_5000_seconds"],
            _check_runs(checks)
            + ("; profiled in one process, the per-page work goes to: " + ", ".join(
                f"{part} {100 * seconds / profile['profiled_total_s']:.0f} %" for part, seconds in top)
               + " (a rule's share includes the pages it reads first, such as a translation's original)"
               if top else "")))
    checks = results["checks"].get(str(INDEX_SIZE))
    if checks:
        budgets.append(_budget(f"checks over {INDEX_SIZE:,} pages ≤ 3 s (issue 3)", checks["median_s"],
                               BUDGETS["checks_3000_seconds"],
                               _check_runs(checks)))
    real_index = results.get("real_search_index") or {}
    if real_index.get("files"):
        largest = max(real_index["files"].items(), key=lambda item: item[1]["gzip"])
        budgets.append(_budget("real site: each language's search index ≤ 1 MB gzip (issue 9)",
                               round(largest[1]["gzip"] / 1024, 1), BUDGETS["index_per_language_gzip_kb"],
                               f"largest is {largest[0]}: " + ", ".join(
                                   f"{name} {kib(sizes['gzip'])}" for name, sizes in real_index["files"].items())))
    weight = results.get("first_visit") or {}
    name = "first visit to a law page ≤ 150 KB gzip (without search index)"
    if "gzip_total" in weight:
        at_scale = "".join(f"; the same page in the {size}-page project build: "
                           f"{kib(data['page_weights']['project']['law']['first_visit_gzip'])}"
                           for size, data in sizes.items())
        budgets.append(_budget(name, round(weight["gzip_total"] / 1024, 1), BUDGETS["law_first_visit_gzip_kb"],
                               f"real site: HTML {kib(weight['items'][0]['gzip'])} + {len(weight['items']) - 1} "
                               f"stylesheets and scripts {kib(weight['gzip_total'] - weight['items'][0]['gzip'])}"
                               + at_scale))
    else:
        budgets.append({"budget": name, "value": None, "limit": BUDGETS["law_first_visit_gzip_kb"],
                        "status": "not measured", "why": weight.get("error", "the real site was not built")})
    budgets += lighthouse_budgets(results.get("lighthouse") or {"error": "not run"})
    return budgets


def lighthouse_budgets(data: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per page: every category's median score at or above LIGHTHOUSE_MINIMUM."""
    wanted = ", ".join(f"{key} ≥ {limit}" if limit < 100 else f"{key} {limit}"
                       for key, limit in LIGHTHOUSE_MINIMUM.items())
    rows = []
    for name, url in LIGHTHOUSE_PAGES.items():
        budget = f"Lighthouse (mobile), {name} page: {wanted}"
        page = (data.get("pages") or {}).get(name)
        if "error" in data or page is None or "error" in page:
            reason = data.get("error") or (page or {}).get("error", "not run")
            rows.append({"budget": budget, "value": None, "limit": LIGHTHOUSE_MINIMUM["performance"],
                         "status": "not measured", "why": reason[-300:]})
            continue
        short = [key for key, limit in LIGHTHOUSE_MINIMUM.items() if (page["scores"].get(key) or 0) < limit]
        rows.append({
            "budget": budget, "value": page["scores"]["performance"], "limit": LIGHTHOUSE_MINIMUM["performance"],
            "status": "NOT MET" if short else "met",
            "why": f"{page['url']}, medians of {len(page['runs'])} runs: " + ", ".join(
                f"{key} {page['scores'][key]} (runs {', '.join(str(r['scores'][key]) for r in page['runs'])})"
                for key in LIGHTHOUSE_MINIMUM) + (f"; below the budget: {', '.join(short)}" if short else "")})
    return rows


def _pages_rendered(data: dict[str, Any]) -> str:
    """What the project renders that stock does not: the generated case category and tag pages, among others."""
    pages = data.get("html_pages")
    if not pages:
        return ""
    return (f"; the project writes {pages['project']:,} HTML pages, stock {pages['stock']:,} (the case category "
            "and tag pages are generated in both languages)")


def component_differences(results: dict[str, Any]) -> dict[str, tuple[float, float, float]]:
    """Seconds per component in the profiled project and stock builds, and the difference."""
    project = (results.get("profile") or {}).get("components")
    stock = (results.get("profile_stock") or {}).get("components")
    if not project or not stock:
        return {}
    return {label: (seconds, stock.get(label, 0.0), round(seconds - stock.get(label, 0.0), 2))
            for label, seconds in project.items()}


def table(header: list[str], rows: list[list[Any]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join("—" if cell is None else str(cell).replace("|", "\\|") for cell in row) + " |"
              for row in rows]
    return "\n".join(lines)


def kib(size: int | None) -> str:
    return "—" if size is None else f"{size / 1024:,.1f} KB"


def search_speed_section() -> str:
    """The search-speed table scripts/bench_search.py last wrote into results.md, kept as it is
    (make bench runs it after this script), or the marker it fills."""
    previous = OUTPUT / "results.md"
    text = previous.read_text(encoding="utf-8") if previous.exists() else ""
    begin, end = "<!-- search-speed:begin -->", "<!-- search-speed:end -->"
    if begin in text and end in text:
        return begin + text.split(begin, 1)[1].split(end, 1)[0] + end
    return "<!-- search-speed -->"


def markdown_report(results: dict[str, Any]) -> str:
    """results.md: machine, raw figures, ratios, budgets, profiles."""
    m = results["machine"]
    out = [
        "# Performance benchmarks", "",
        f"Generated by `scripts/bench.py {' '.join(results['arguments'])}` (`make bench`) on {results['date']}; "
        f"the run took {results['duration_min']} min"
        + (f", of which {results['index_size']['minutes']} min for the optional {INDEX_SIZE:,}-page search index "
           f"(`--index`); without it, {round(results['duration_min'] - results['index_size']['minutes'], 1)} min"
           if "minutes" in (results.get("index_size") or {}) else "")
        + f". Figures are medians of {results['runs']} runs unless a "
        "row says otherwise. The budgets use wall-clock time; CPU time (user + system of the build process and "
        "its children) is shown too, because other load on the machine inflates wall time but not CPU time.", "",
        "## Budgets", "",
        table(["budget", "value", "limit", "status", "why"],
              [[b["budget"], b["value"], b["limit"], f"**{b['status']}**", b["why"]] for b in results["budgets"]]),
        "", "## Search speed", "",
        search_speed_section(),
        "", "## Machine", "",
        table(["", ""], [["cores", m["cores"]], ["memory", f"{m['memory_gb']} GB"], ["CPU", m["cpu"]],
                         ["platform", m["platform"]], ["Python", m["python"]], ["Node.js", m["node"]],
                         ["load average (1, 5, 15 min) at start", m["load_average_start"]],
                         ["load average at end", m["load_average_end"]]]
              + [[name, version] for name, version in m["packages"].items()]), "",
        "## Builds", "",
        "Each corpus is the real docs/ (law pages, help, guides, training, about, the real cases) plus generated "
        "zh + en teaching cases (`cases/case-100-….md`, categories, tags and citations from data/taxonomy.yml and "
        "data/laws.yml, text recombined from the real cases) and guides (`guides/practice/`), committed to a "
        "throwaway git repository. *project* is our mkdocs.yml with `--strict` (hooks, overrides, plugins, "
        "extensions, extra CSS/JS); *stock* is Material with the same theme settings and features "
        "(navigation.prune included), the search plugin (jieba) and the i18n plugin with the same options, the "
        "standard Markdown extensions the content is written for, the same nav, and no hooks, overrides, "
        "`kb.markdown` extension (and so no glossary), other plugins or extra CSS/JS. Citations stay text there. "
        "The project's `mkdocs build` builds English in a second process while the first builds Chinese "
        "(kb/hooks/parallel_languages.py, on machines with two or more cores); stock builds the languages one after "
        "the other, as the i18n plugin does. Wall time is what a volunteer or CI waits for; the CPU columns show the "
        "work done, both processes counted. Peak MB is the largest single process (Linux's ru_maxrss); the project's "
        "two build processes run at the same time, so together they hold up to about twice that (less the memory "
        "they share after the fork).",
        ""]
    rows = []
    for size, data in results["sizes"].items():
        p, s = data["project"]["median"], data["stock"]["median"]
        rows.append([size, data["pages"], f"{data['counts']['cases']} + {data['counts']['guides']}",
                     p["wall_s"], s["wall_s"], ratio(p["wall_s"], s["wall_s"]), p["cpu_s"], s["cpu_s"],
                     ratio(p["cpu_s"], s["cpu_s"]), p["peak_rss_mb"], s["peak_rss_mb"]])
    out += [table(["size", "Markdown files", "generated case + guide pairs", "project wall s", "stock wall s",
                   "wall ratio", "project CPU s", "stock CPU s", "CPU ratio", "project peak MB", "stock peak MB"],
                  rows), "", "Every run, in the order run (project and stock alternate), wall s / CPU s / peak MB:", ""]
    for size, data in results["sizes"].items():
        for variant in ("project", "stock"):
            runs = "; ".join(f"{r['wall_s']} / {r['cpu_s']} / {r['peak_rss_mb']}" for r in data[variant]["runs"])
            out.append(f"- {size} {variant}: {runs}")
    if results.get("real_build"):
        real = results["real_build"]
        out += ["", f"For comparison, the real site (`mkdocs build --strict`, {real['wall_s']} s wall, "
                f"{real['cpu_s']} s CPU, {real['peak_rss_mb']} MB, one run)."]
    out += ["", "## Search index", "",
            "Sum of each language's whole search index (our hooks: search/search_index.full.json, one per "
            "language, which a reader's search fetches in pieces, see \"Search speed\"; stock: "
            f"search/search_index.json), gzip level {GZIP_LEVEL}.", "",
            table(["site", "project files", "project raw", "project gzip", "stock raw", "stock gzip"],
                  [[f"{size} pages", len(d["search_index"]["project"]["files"]), kib(d["search_index"]["project"]["raw"]),
                    kib(d["search_index"]["project"]["gzip"]), kib(d["search_index"]["stock"]["raw"]),
                    kib(d["search_index"]["stock"]["gzip"])] for size, d in results["sizes"].items()]
                  + ([["real site", len(results["real_search_index"]["files"]), kib(results["real_search_index"]["raw"]),
                       kib(results["real_search_index"]["gzip"]), None, None]]
                     if results.get("real_search_index") else [])), ""]
    out += index_growth_section(results)
    out += serve_section(results) + checks_section(results) + first_visit_section(results) + growth_section(results)
    out += lighthouse_section(results) + profile_section(results)
    return "\n".join(out).rstrip() + "\n"


def index_growth_section(results: dict[str, Any]) -> list[str]:
    rows = index_growth(results)
    if len(rows) < 2:
        return []
    (_, first_pages, first), (_, last_pages, last) = rows[0], rows[-1]
    per_page = {key: (last[key] - first[key]) / (last_pages - first_pages) for key in ("raw", "gzip")}
    lines = ["### Growth with the site", "",
             "The project's index (both languages) in each generated corpus. Material downloads the index of the "
             "reader's language only, and only when search is opened (`docs/assets/javascripts/search-on-demand.js`).", "",
             table(["corpus", "Markdown files", "raw", "gzip", "per language, gzip"],
                   [[label, pages, kib(sizes["raw"]), kib(sizes["gzip"]),
                     ", ".join(f"{name.split('/')[0] if name.count('/') > 1 else 'zh'} {kib(f['gzip'])}"
                               for name, f in sizes["files"].items())] for label, pages, sizes in rows]), "",
             f"Growth per Markdown file (zh and en pages together), from {first_pages:,} to {last_pages:,} files: "
             f"{per_page['raw'] / 1024:.2f} KB raw, {per_page['gzip'] / 1024:.2f} KB gzip.", ""]
    return lines


def serve_section(results: dict[str, Any]) -> list[str]:
    out = ["## Rebuild under `mkdocs serve`", "",
           f"`mkdocs serve {' '.join(SERVE_OPTIONS)}` on the corpus, as `make serve` runs it: after a save, "
           "MkDocs renders the changed pages again, and kb/hooks/dirty_reload.py adds the pages that list them "
           "(the case index, the law pages the page cites); the search index keeps every page. One generated "
           "case page is edited and saved; the time runs from the save to the live-reload signal "
           "(`Reloading browsers`), so it includes the file watcher's short debounce, and each edit is then "
           "checked on the page the server returns. *mkdocs reported* is the last `Documentation built in` of "
           f"that rebuild. {results['serve_edits']} edit(s) (`--serve-edits`), at the largest size only.", ""]
    rows = []
    for size, data in results["sizes"].items():
        serve = data["serve"]
        if "skipped" in serve:
            continue
        if "error" in serve:
            rows.append([size, f"failed: {serve['error'][-300:]}", None, None, None])
        else:
            rows.append([size, serve["first_build_s"], serve["rebuild_s"], serve["median_rebuild_s"],
                         serve["mkdocs_reported_s"]])
    return out + [table(["size", "first build s", "rebuilds s", "median rebuild s", "mkdocs reported s"], rows), ""]


def checks_section(results: dict[str, Any]) -> list[str]:
    out = ["## Checks", "",
           "`kb.checks.runner.run(None, docs=<corpus>/docs)` in process, every rule; the first run also fills the "
           f"per-process caches (schemas, law registry). The {CHECK_SIZE:,}-page docs folder is generated the same "
           "way and checked without being built.", "",
           table(["size", "files", "runs s", "median s", "errors", "warnings", "problems by rule"],
                 [[size, c["files"], c["times_s"], c["median_s"], c["errors"], c["warnings"],
                   ", ".join(f"{k} {v}" for k, v in c["by_rule"].items()) or "none"]
                  for size, c in results["checks"].items()]),
           "", "The generated pages are meant to pass every check; problems listed are those of the real pages at "
           "the time of the run.", ""]
    data = results.get("checks_profile") or {}
    if "top_kb_cumulative" in data:
        out += [f"Profile of the checks' work on every page of the {data['files']}-file corpus in one process "
                f"(`check_files`, as each worker process runs it on its share; {data['profiled_total_s']} s under "
                "cProfile). Reading pages and each rule (a rule's time includes the pages it reads first, such as "
                "a translation's original):", "",
                table(["part", "cumulative s", "share"],
                      [[part, seconds, f"{100 * seconds / data['profiled_total_s']:.0f} %"]
                       for part, seconds in data.get("parts", {}).items()]), "",
                "Our code by cumulative time:", "",
                table(["function", "calls", "own s", "cumulative s"],
                      [[f"`{e['function']}`", e["calls"], e["tottime_s"], e["cumtime_s"]]
                       for e in data["top_kb_cumulative"]]), ""]
    elif data:
        out += [f"The checks could not be profiled: {data['error']}", ""]
    return out


def first_visit_section(results: dict[str, Any]) -> list[str]:
    weight = results.get("first_visit") or {}
    out = ["## First visit to a law page", ""]
    if "gzip_total" not in weight:
        return out + [f"Not measured: {weight.get('error', 'the real site was not built')}", ""]
    return out + [f"`{weight['page']}` of the real site: its HTML and every `<link rel=stylesheet>` and "
                  "`<script src>` it references, gzip level 6. Not counted: the search index, and fonts or images "
                  "that CSS loads (Lighthouse's total byte weight below counts everything).", "",
                  table(["file", "raw", "gzip"], [[i["url"], kib(i["raw"]), kib(i["gzip"])] for i in weight["items"]]
                        + [["**total**", kib(weight["raw_total"]), f"**{kib(weight['gzip_total'])}**"]]), ""]


def growth_section(results: dict[str, Any]) -> list[str]:
    """Page weights and site size per corpus, next to the real site."""
    sites = [("real site", "project", results.get("real_page_weights"))] + [
        (f"{size} pages", variant, data["page_weights"][variant])
        for size, data in results["sizes"].items() for variant in ("project", "stock")]
    rows = [[name, variant, f"{w['site_bytes'] / 1024 ** 2:,.0f} MB",
             kib(w["law"]["html_raw"]), kib(w["law"]["html_gzip"]), kib(w["law"]["first_visit_gzip"]),
             kib(w["case"]["html_raw"]), kib(w["case"]["html_gzip"]), kib(w["case"]["first_visit_gzip"])]
            for name, variant, w in sites if w]
    return ["## Page weight as the site grows", "",
            f"The same two pages (`{LAW_PAGE}`, `{CASE_PAGE}`) in each build: HTML raw and gzip, and the first "
            "visit (HTML plus referenced CSS and JS, gzip) as above. The law page lists every page that cites "
            "each article; every page's navigation lists every page of its section.", "",
            table(["site", "build", "site on disk", "law HTML", "law HTML gzip", "law first visit gzip",
                   "case HTML", "case HTML gzip", "case first visit gzip"], rows), ""]


def lighthouse_section(results: dict[str, Any]) -> list[str]:
    data = results.get("lighthouse") or {"error": "not run"}
    out = ["## Lighthouse", ""]
    if "error" in data:
        return out + [f"Lighthouse did not run: {data['error']}", ""]
    out += [f"`npx --yes {data['version']}` with its default (mobile) settings and simulated throttling, "
            f"{data['chromium']} (`CHROME_PATH`, flags `{CHROME_FLAGS}`), against the real site served by Python's "
            "http.server under the site's path prefix, gzip-compressed as a production server would send it "
            f"(level {GZIP_LEVEL}). {LIGHTHOUSE_RUNS} runs per page, the pages in turn; scores are medians, the "
            "metrics and requests those of the run whose performance score is nearest the median.", ""]
    rows = []
    for name, page in data["pages"].items():
        if "error" in page:
            rows.append([name, page["url"], f"failed: {page['error'][-300:]}", None, None, None])
            continue
        rows.append([name, page["url"], ", ".join(f"{k} {v}" for k, v in page["scores"].items()),
                     ", ".join(f"{k} {v}" for k, v in page["metrics"].items()),
                     ", ".join(f"{r['url']} {kib(r['transfer_bytes'])}" for r in page["largest_requests"]),
                     "; ".join(page["warnings"]) or None])
    return out + [table(["page", "URL", "scores", "metrics", "largest requests", "run warnings"], rows), ""]


def profile_section(results: dict[str, Any]) -> list[str]:
    data = results.get("profile")
    out = ["## Hot spots", ""]
    if not data:
        return out + [f"Not profiled: the {PROFILE_SIZE:,}-page corpus was not built.", ""]
    if "error" in data:
        return out + [f"The profiled build failed: {data['error']}", ""]

    def rows(entries: list[dict[str, Any]]) -> list[list[Any]]:
        return [[f"`{e['function']}`", e["calls"], e["tottime_s"], e["cumtime_s"]] for e in entries]

    header = ["function", "calls", "own s", "cumulative s"]
    stock = results.get("profile_stock") or {}
    differences = component_differences(results)
    if differences:
        components = table(["component", "project s", "stock s", "difference s", "project share"],
                           [[label, p, s, f"{d:+.2f}", f"{100 * p / data['profiled_total_s']:.0f} %"]
                            for label, (p, s, d) in differences.items()])
    else:
        components = table(["component", "project s", "project share"],
                           [[label, p, f"{100 * p / data['profiled_total_s']:.0f} %"]
                            for label, p in data["components"].items()])
    return out + [
        f"One project build of the {PROFILE_SIZE:,}-page corpus under cProfile ({data['wall_s_with_profiler']} s "
        f"wall with the profiler, {data['profiled_total_s']} s profiled)"
        + (f", and one stock build ({stock.get('profiled_total_s')} s profiled)" if "components" in stock else
           f" (the stock build could not be profiled: {stock.get('error', 'not run')})")
        + ". The profiler slows the build about twofold, so read the seconds as shares. The profiled project build "
        "runs in one process (`KB_BUILD_PROCESSES=1`), so the profile holds the work of both languages.", "",
        "### Where the time goes", "", components, "",
        "### Our code (kb/), by cumulative time", "", table(header, rows(data["top_kb_cumulative"])), "",
        f"### Overall, by cumulative time (without the call stack's trunk: functions above {TRUNK_SHARE:.0%} of "
        "the total, such as the interpreter, click and `mkdocs.commands.build.build`)", "",
        table(header, rows(data["top_cumulative"])), "",
        "### Overall, by own time", "", table(header, rows(data["top_own_time"])), "",
        "### Interpretation", "", interpretation(data, differences), ""]


def interpretation(data: dict[str, Any], differences: dict[str, tuple[float, float, float]]) -> str:
    """A short reading of the build profile, from its figures."""
    total = data["profiled_total_s"]
    components = {label: seconds for label, seconds in data["components"].items() if not label.startswith("of which")}
    hooks_total = components.get("our hooks (kb/hooks/*, every event)", 0)
    lines = [f"- Our hooks take {hooks_total} s of {total} s ({100 * hooks_total / total:.0f} %); the largest "
             "components are " + ", ".join(f"{label} ({100 * s / total:.0f} %)" for label, s in
                                            sorted(components.items(), key=lambda kv: -kv[1])[:3]) + "."]
    if differences:
        extra = sum(d for label, (_, _, d) in differences.items() if not label.startswith("of which"))
        lines.append(f"- The project build spends {extra:.1f} s more than stock under the profiler; by component: "
                     + ", ".join(f"{label} {d:+.1f} s ({100 * d / extra:.0f} %)" for label, (_, _, d) in
                                 sorted(differences.items(), key=lambda kv: -kv[1][2])
                                 if not label.startswith("of which") and extra) + ".")
        stock_total = total - extra
        allowance = (BUDGETS["build_vs_stock"] - 1) * stock_total
        lines.append(f"- In work done (one process, as profiled), {BUDGETS['build_vs_stock']} × stock leaves "
                     f"{allowance:.1f} s (of the stock build's {stock_total:.1f} s under the profiler) for "
                     f"everything the project adds to stock Material, against {extra:.1f} s: the features' work "
                     "(the search keywords, citation links and previews, case lists; the Markdown, search indexing "
                     "and templates of the HTML they add) is more than that allowance. The wall-clock budget "
                     "is met, where it is, by building English in a second process on the second core "
                     "(kb/hooks/parallel_languages.py), not by doing less work; the CPU ratio in the Builds table "
                     "says how much more work that is.")
    hooks = [e for e in data["top_kb_cumulative"] if "/hooks/" in e["file"] and e["name"].startswith("on_")]
    for entry in hooks[:4]:
        lines.append(f"- `{entry['function']}`: {entry['cumtime_s']} s ({100 * entry['cumtime_s'] / total:.1f} %) "
                     f"over {entry['calls']} calls.")
    helpers = [e for e in data["top_kb_cumulative"] if "/hooks/" not in e["file"]][:3]
    for entry in helpers:
        lines.append(f"- Shared code `{entry['function']}`: {entry['cumtime_s']} s over {entry['calls']} calls.")
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------

def attempt(stage: str, action: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """Run one optional stage; a failure is recorded in the results instead of ending the run."""
    try:
        return action()
    except (RuntimeError, TimeoutError, OSError, subprocess.SubprocessError) as error:
        progress(f"{stage} failed: {str(error).splitlines()[0]}")
        return {"error": str(error)[-2000:]}


def build_runs(folders: dict[int, Path], runs: int) -> dict[int, dict[str, list[Sample]]]:
    """Every build, ``runs`` rounds of each size's project and stock builds.

    The rounds go through the sizes in turn (500, 2,000, 5,000, then again)
    rather than finishing one size before the next: the machine's speed
    drifts by a third over minutes, and the scaling budget divides one size's
    time by another's, so each round meets about the same machine. Project
    and stock alternate within a size for the same reason.
    """
    samples: dict[int, dict[str, list[Sample]]] = {size: {"project": [], "stock": []} for size in folders}
    for run in range(1, runs + 1):
        for size, folder in folders.items():
            for variant, taken in samples[size].items():
                site = folder / f"site-{variant}"
                shutil.rmtree(site, ignore_errors=True)
                sample = run_child(build_command(folder, variant, site), folder,
                                   folder / f"build-{variant}-{run}.log", env=corpus_env(folder))
                taken.append(sample)
                progress(f"{size}: {variant} build {run}/{runs}: {sample.wall_s} s wall, {sample.cpu_s} s CPU, "
                         f"{sample.peak_rss_mb} MB")
    return samples


def measure_size(folder: Path, counts: Counts, samples: dict[str, list[Sample]], project: dict[str, Any],
                 serve_edits: int) -> dict[str, Any]:
    """One corpus's builds (from ``build_runs``), page weights, search index and serve rebuild."""
    search = {variant: search_index_sizes(folder / f"site-{variant}") for variant in samples}
    html_pages = {variant: rendered_pages(folder / f"site-{variant}") for variant in samples}
    base_path = urlsplit(project["site_url"]).path
    weights = {variant: page_weights(folder / f"site-{variant}", base_path) for variant in samples}
    rebuild: dict[str, Any] = {"skipped": "measured at the largest size only"}
    if serve_edits:
        progress(f"{counts.total}: mkdocs serve, {serve_edits} edit(s)")
        edited = sorted((folder / "docs" / "cases").glob("case-*.md"))[0]
        rebuild = attempt("mkdocs serve", lambda: serve_rebuild(folder, edited, serve_edits))
        progress(f"{counts.total}: rebuild after an edit: {rebuild.get('rebuild_s')} s")
    return {"pages": counts.total, "counts": asdict(counts),
            "project": {"runs": [asdict(s) for s in samples["project"]], "median": median_sample(samples["project"])},
            "stock": {"runs": [asdict(s) for s in samples["stock"]], "median": median_sample(samples["stock"])},
            "search_index": search, "page_weights": weights, "html_pages": html_pages, "serve": rebuild}


def measure_index(folder: Path, pools: Pools, project: dict[str, Any]) -> dict[str, Any]:
    """One project build of an INDEX_SIZE corpus, for its search index (issue 9 sets that size)."""
    counts = make_corpus(folder, INDEX_SIZE, pools, project)
    progress(f"{INDEX_SIZE}: one project build, for the search index")
    site = folder / "site-project"
    sample = run_child(build_command(folder, "project", site), folder, folder / "build-index.log", env=corpus_env(folder))
    return {"pages": counts.total, "build": asdict(sample), "search_index": search_index_sizes(site)}


def index_growth(results: dict[str, Any]) -> list[tuple[str, int, dict[str, Any]]]:
    """(label, pages, index sizes) of every measured corpus, smallest first."""
    rows = [(f"{size} pages", data["pages"], data["search_index"]["project"]) for size, data in results["sizes"].items()]
    if "search_index" in (results.get("index_size") or {}):
        rows.append((f"{INDEX_SIZE} pages", results["index_size"]["pages"], results["index_size"]["search_index"]))
    return sorted(rows, key=lambda row: row[1])


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="bench.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="500,2000",
                        help="corpus sizes to build, in Markdown files, comma-separated (default 500,2000)")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement; medians are reported (default 3)")
    parser.add_argument("--serve-edits", type=int, default=3,
                        help="edits under mkdocs serve at the largest size; 0 skips (default 3)")
    parser.add_argument("--index", action="store_true",
                        help=f"also build a {INDEX_SIZE:,}-page corpus once for its search index (about 2.5 minutes)")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    parser.add_argument("--output", default="results",
                        help="name of the results files in benchmarks/ (default results: results.md, results.json)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary corpora, sites and logs")
    args = parser.parse_args(argv)
    try:
        args.sizes = sorted({int(size) for size in args.sizes.split(",")})
    except ValueError:
        parser.error(f"--sizes: not a list of numbers: {args.sizes}")
    if min(args.runs, *args.sizes) < 1 or args.serve_edits < 0:
        parser.error("--sizes and --runs must be positive, --serve-edits 0 or more")
    if not re.fullmatch(r"[a-z0-9-]+", args.output):
        parser.error("--output: a file name without extension, such as results-scale")
    return args


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    project = project_config()
    base_path = urlsplit(project["site_url"]).path
    results: dict[str, Any] = {"date": time.strftime("%Y-%m-%d %H:%M %Z"), "arguments": argv,
                               "runs": args.runs, "serve_edits": args.serve_edits, "machine": machine(),
                               "sizes": {}, "checks": {}}
    work = Path(tempfile.mkdtemp(prefix="kb-bench-"))
    progress(f"working in {work}")
    try:
        pools = harvest(DOCS)
        check_runs = max(args.runs, CHECK_RUNS)
        folders = {size: work / f"corpus-{size}" for size in args.sizes}
        counts = {}
        for size, folder in folders.items():
            counts[size] = make_corpus(folder, size, pools, project)
            progress(f"{size}: {counts[size].total} Markdown files ({counts[size].cases} generated case and "
                     f"{counts[size].guides} guide pairs) in {folder}")
        samples = build_runs(folders, args.runs)
        for size, folder in folders.items():
            results["sizes"][str(size)] = measure_size(folder, counts[size], samples[size], project,
                                                       args.serve_edits if size == args.sizes[-1] else 0)
            progress(f"{size}: checks, {check_runs} runs")
            results["checks"][str(size)] = time_checks(folder / "docs", check_runs)
            if size == args.sizes[0]:
                results["checks_profile"] = attempt("checks profile", lambda: profile_checks(folder / "docs"))
            if size == PROFILE_SIZE:
                for variant, key in (("project", "profile"), ("stock", "profile_stock")):
                    progress(f"{size}: profiled {variant} build")
                    results[key] = attempt(f"{variant} profile", lambda: profile_build(folder, work, variant))
        if args.index and INDEX_SIZE not in args.sizes:
            started = time.monotonic()
            results["index_size"] = attempt("index size", lambda: measure_index(work / f"corpus-{INDEX_SIZE}", pools,
                                                                                 project))
            results["index_size"]["minutes"] = round((time.monotonic() - started) / 60, 1)
        if str(INDEX_SIZE) not in results["checks"]:
            docs = work / f"corpus-{INDEX_SIZE}" / "docs"
            if not docs.is_dir():
                make_docs(docs, INDEX_SIZE, pools)
            progress(f"{INDEX_SIZE}: checks, {check_runs} runs")
            results["checks"][str(INDEX_SIZE)] = time_checks(docs, check_runs)
        if CHECK_SIZE not in args.sizes:
            progress(f"{CHECK_SIZE}: docs only, checks, {check_runs} runs")
            docs = work / f"docs-{CHECK_SIZE}"
            make_docs(docs, CHECK_SIZE, pools)
            results["checks"][str(CHECK_SIZE)] = time_checks(docs, check_runs)
        progress(f"checks over {CHECK_SIZE}: {results['checks'][str(CHECK_SIZE)]['times_s']} s")
        results.update(real_site(work, base_path, not args.no_lighthouse))
    finally:
        if args.keep:
            progress(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    results["machine"]["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    results["duration_min"] = round((time.monotonic() - STARTED) / 60, 1)
    results["budgets"] = evaluate(results)
    OUTPUT.mkdir(exist_ok=True)
    (OUTPUT / f"{args.output}.json").write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n",
                                                encoding="utf-8")
    (OUTPUT / f"{args.output}.md").write_text(markdown_report(results), encoding="utf-8")
    for budget in results["budgets"]:
        progress(f"{budget['status']}: {budget['budget']}: {budget['value']} (limit {budget['limit']})")
    progress(f"wrote {OUTPUT / (args.output + '.md')} and {OUTPUT / (args.output + '.json')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
