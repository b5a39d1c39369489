#!/usr/bin/env python3
"""Performance at scale: build, check and page-weight benchmarks with budgets.

``make bench`` (or ``python scripts/bench.py``) generates synthetic corpora of
500 and 2,000 Markdown pages (``--sizes 500,2000,5000`` adds 5,000), each made
of the real docs/ (law pages, help, guides, training) plus generated zh + en
teaching cases and guides whose front matter, citations and links are valid
for the project's hooks and checks. For every size it measures, as medians of
``--runs`` runs:

* the full build with the project's mkdocs.yml (hooks, overrides, plugins,
  extensions), wall time, CPU time and peak memory of the build process;
* the same content built with stock Material: the same theme settings and
  features, the search and i18n plugins with the same options, the standard
  Markdown extensions the content is written for, and no project hooks,
  overrides, project extensions, snippets or extra CSS/JS;
* the content checks (``kb.checks.runner.run``) over the corpus, in process;
* the size of search/search_index.json, raw and gzip;
* the rebuild after editing one page under ``mkdocs serve``.

The checks are always measured on a 5,000-page docs folder too (generating
Markdown without building it is cheap). One project build of the 2,000-page
corpus is profiled with cProfile. The real site is built once to weigh the
first visit to a law page and to run Lighthouse against it.

Results go to benchmarks/results.md and benchmarks/results.json, with the
budgets marked met or NOT MET.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import json
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
from collections import Counter
from collections.abc import Iterator
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
from kb.checks.runner import run as run_checks  # noqa: E402
from kb.checks.workspace import Page  # noqa: E402
from kb.frontmatter import split_front_matter  # noqa: E402
from kb.hooks.nav_glob import on_config as expand_nav_globs  # noqa: E402
from kb.taxonomy import taxonomy  # noqa: E402

DOCS = ROOT / "docs"
OUTPUT = ROOT / "benchmarks"
MKDOCS = Path(sys.executable).with_name("mkdocs")
CHECK_SIZE = 5000
PROFILE_SIZE = 2000
GZIP_LEVEL = 6  # what a typical web server or CDN uses
LAW_PAGE = "law/anti-domestic-violence-law/"
LIGHTHOUSE = "lighthouse@12.2.3"
LIGHTHOUSE_PAGES = {"home": "", "law": LAW_PAGE, "case": "cases/protection-order-spouse/"}
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking"
PACKAGES = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "pymdown-extensions", "Markdown", "jieba",
            "segno", "PyYAML", "jsonschema")
# Extensions that belong to the project, not to stock Material: our own, and
# snippets (it appends the project's glossary to every page).
PROJECT_EXTENSIONS = ("kb.", "pymdownx.snippets")
SECTION = re.compile(r"^## (.+?) \{#([a-z0-9-]+)\}\s*$", re.M)
H2 = re.compile(r"^## (.+?)(?: \{#[^}]*\})?\s*$", re.M)
BASIS_BULLET = re.compile(r"^- \[\[([^\]|]+)\]\][：:]\s*(.+)$")
LINK = re.compile(r"(\]\()([^)\s]+)(\))")
SKIP_BLOCK = re.compile(r"^(#|!!!|\?\?\?|===|<|\||\*\[|```|~~~|    |\t)|\{#|\]\(#|!\[|\[\^|<!--", re.M)
BUDGETS = {
    "build_vs_stock": 1.15,
    "scale_5000_vs_2000": 2.6,
    "linearity_2000_vs_500": 4.0,
    "checks_5000_seconds": 5.0,
    "law_first_visit_gzip_kb": 150.0,
}


def progress(message: str, _start: float = time.monotonic()) -> None:
    """Print one progress line with the minutes and seconds since the start."""
    elapsed = int(time.monotonic() - _start)
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
    """Split the pages to generate: three cases for every guide, each as a zh + en pair."""
    pairs = max(0, size - real) // 2
    guides = pairs // 4
    return Counts(real, pairs - guides, guides)


def front_matter(meta: dict[str, Any]) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000) + "---\n"


def write_pair(docs: Path, rel: str, zh_meta: dict[str, Any], zh_body: str,
               en_meta: dict[str, Any], en_body: str) -> None:
    """Write a Chinese page and its up-to-date English translation."""
    zh_path = docs / rel
    zh_text = front_matter(zh_meta) + "\n" + zh_body
    zh_path.write_text(zh_text, encoding="utf-8")
    en_meta = {**en_meta, "translated_from": source_hash(Page(zh_path, zh_text, docs))}
    zh_path.with_name(zh_path.name[:-3] + ".en.md").write_text(front_matter(en_meta) + "\n" + en_body,
                                                                encoding="utf-8")


def legal_basis(lang: Language, code: str, cites: list[str], rng: random.Random) -> str:
    """The legal-basis section: every cited article with an explanation taken from a real case."""
    separator = "：" if code == "zh" else ": "
    return f"## {lang.headings['legal-basis']} {{#legal-basis}}\n\n" + "\n".join(
        f"- [[{cite}]]{separator}{rng.choice(lang.basis[cite])}" for cite in cites) + "\n"


def pick(pool: list[str], rng: random.Random, low: int, high: int) -> list[str]:
    return rng.sample(pool, min(len(pool), rng.randint(low, high)))


def case_pair(docs: Path, number: int, pools: Pools, rng: random.Random) -> None:
    """One synthetic teaching case, zh + en, with a category, tags and citations that exist."""
    vocab = taxonomy()
    category = list(vocab["categories"])[number % len(vocab["categories"])]
    source = number % len(pools.zh.titles)
    cites = rng.sample(pools.citations, rng.randint(3, 8))
    shared = {
        "id": f"case-{number}", "category": category, "tags": rng.sample(list(vocab["tags"]), rng.randint(2, 4)),
        "cites": cites, "source": {"kind": "teaching"},
        "relationship": rng.choice(list(vocab["relationships"])),
        "measures": rng.sample(list(vocab["measures"]), rng.randint(1, 2)),
    }
    metas, bodies = {}, {}
    for code, lang in (("zh", pools.zh), ("en", pools.en)):
        label = vocab["categories"][category][code]
        title = (f"{label}：{lang.titles[source]}（案例 {number}）" if code == "zh"
                 else f"{label}: {lang.titles[(source + number) % len(lang.titles)]} (case {number})")
        metas[code] = {"id": shared["id"], "title": title, "description": rng.choice(lang.descriptions),
                       "category": category, "tags": shared["tags"], "cites": cites, "source": shared["source"],
                       "relationship": shared["relationship"], "measures": shared["measures"],
                       "outcome": rng.choice(lang.outcomes), "review": {"status": "draft"}, "updated": "2026-11-28"}
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
        title = f"{base}：实务要点 {number}" if code == "zh" else f"{base}: practice notes {number}"
        metas[code] = {"title": title, "description": rng.choice(lang.descriptions), "audience": audience,
                       "cites": cites, "review": {"status": "draft"}, "updated": "2026-11-28"}
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
        case_pair(target, 1000 + index, pools, rng)
    for index in range(counts.guides):
        guide_pair(target, 1000 + index, pools, rng)
    return counts


def make_corpus(folder: Path, size: int, pools: Pools, project: dict[str, Any]) -> Counts:
    """A buildable corpus: docs/, the project's config, overrides and includes, and a stock config.

    Paths in mkdocs.yml are relative to the config file (hooks) or to the
    working directory (snippets, the jieba dictionary), so ``kb`` and ``data``
    are symlinks to the repository's; the hooks read data/ from the repository
    anyway. docs/ is committed to a throwaway git repository, as the real
    site's pages are, so plugins that read git history do their real work.
    """
    folder.mkdir(parents=True)
    counts = make_docs(folder / "docs", size, pools)
    shutil.copyfile(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    for name in ("overrides", "includes"):
        shutil.copytree(ROOT / name, folder / name)
    for name in ("kb", "data"):
        (folder / name).symlink_to(ROOT / name, target_is_directory=True)
    git = ["git", "-C", str(folder), "-c", "user.name=bench", "-c", "user.email=bench@example.invalid"]
    for arguments in (["init", "--quiet"], ["add", "docs"], ["commit", "--quiet", "--message", "corpus"]):
        subprocess.run(git + arguments, check=True, capture_output=True)
    stock = stock_config(project, folder / "docs")
    (folder / "stock.yml").write_text(yaml.safe_dump(stock, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return counts


# ---------------------------------------------------------------------------
# Measurements
# ---------------------------------------------------------------------------

@dataclass
class Sample:
    """One run of a child process."""

    wall_s: float
    cpu_s: float
    peak_rss_mb: float


def run_child(command: list[str], cwd: Path, log: Path, env: dict[str, str] | None = None) -> Sample:
    """Run ``command`` to completion; raise with the log's tail if it fails."""
    with log.open("w", encoding="utf-8") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
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


def time_checks(docs: Path, runs: int) -> dict[str, Any]:
    """Run the content checks in process ``runs`` times; the first run also loads caches."""
    times, problems = [], []
    for _ in range(runs):
        start = time.perf_counter()
        problems = run_checks(None, docs=docs)
        times.append(round(time.perf_counter() - start, 3))
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


def serve_rebuild(folder: Path, page: Path, edits: int) -> dict[str, Any]:
    """Seconds from saving ``page`` to the live-reload signal under ``mkdocs serve``, per edit."""
    command = [str(MKDOCS), "serve", "--config-file", str(folder / "mkdocs.yml"),
               "--dev-addr", f"127.0.0.1:{free_port()}"]
    original = page.read_text(encoding="utf-8")
    process = subprocess.Popen(command, cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        watcher = LogWatcher(process.stdout)
        start = time.perf_counter()
        ready, _ = watcher.wait_for("Serving on", timeout=1800)
        first_build = ready - start
        rebuilds, reported = [], []
        for edit in range(1, edits + 1):
            time.sleep(2)  # let the watcher settle after the previous reload
            page.write_text(original + f"\n补充说明 {edit}：当事人补充提交了新的证据。\n", encoding="utf-8")
            saved = time.perf_counter()
            reloaded, lines = watcher.wait_for("Reloading browsers", timeout=1800)
            rebuilds.append(round(reloaded - saved, 2))
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
    return {"first_build_s": round(first_build, 2), "rebuild_s": rebuilds,
            "median_rebuild_s": statistics.median(rebuilds), "mkdocs_reported_s": reported}


# ---------------------------------------------------------------------------
# Profile
# ---------------------------------------------------------------------------

def profile_build(folder: Path, work: Path) -> dict[str, Any]:
    """Profile one project build with cProfile; the top entries overall and from kb/."""
    output = work / "build.prof"
    command = [sys.executable, "-m", "cProfile", "-o", str(output), "-m", "mkdocs",
               *build_command(folder, "project", work / "site-profile")[1:]]
    sample = run_child(command, folder, work / "profile.log")
    stats = pstats.Stats(str(output))
    total = stats.total_tt
    kb_root = (ROOT / "kb").resolve()

    def entry(key: tuple[str, int, str], value: tuple[Any, ...]) -> dict[str, Any]:
        filename, line, name = key
        path = Path(filename).resolve() if filename.startswith("/") else None
        if path is not None and path.is_relative_to(ROOT):
            where = path.relative_to(ROOT).as_posix()
        elif "site-packages/" in filename:
            where = filename.split("site-packages/", 1)[1]
        else:
            where = filename
        return {"function": f"{where}:{line}({name})", "calls": value[1], "tottime_s": round(value[2], 2),
                "cumtime_s": round(value[3], 2), "ours": path is not None and path.is_relative_to(kb_root)}

    entries = [entry(key, value) for key, value in stats.stats.items()]
    by_cumulative = sorted(entries, key=lambda e: -e["cumtime_s"])
    return {"wall_s_with_profiler": sample.wall_s, "profiled_total_s": round(total, 2),
            "top_cumulative": by_cumulative[:10],
            "top_own_time": sorted(entries, key=lambda e: -e["tottime_s"])[:10],
            "top_kb_cumulative": [e for e in by_cumulative if e["ours"]][:15]}


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
    total = sum(item["gzip"] or 0 for item in items)
    return {"page": page_url, "items": items, "gzip_total": total, "raw_total": sum(i["raw"] or 0 for i in items)}


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@contextmanager
def serve_site(site: Path, base_path: str, work: Path) -> Iterator[str]:
    """Serve ``site`` under ``base_path`` on localhost, as tests/browser/conftest.py does."""
    root = work / "serve"
    mount = root / base_path.strip("/")
    mount.parent.mkdir(parents=True, exist_ok=True)
    mount.symlink_to(site, target_is_directory=True)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}{base_path}"
    finally:
        httpd.shutdown()


def lighthouse(site: Path, base_path: str, work: Path) -> dict[str, Any]:
    """Lighthouse (default mobile settings) on the home, a law and a case page, or why it could not run."""
    chromium, npx = shutil.which("chromium"), shutil.which("npx")
    if chromium is None or npx is None:
        return {"error": f"not run: {'chromium' if chromium is None else 'npx (Node.js)'} is not installed"}
    env = {**os.environ, "CHROME_PATH": chromium}
    results: dict[str, Any] = {"version": LIGHTHOUSE, "chromium": chromium_version(chromium), "pages": {}}
    with serve_site(site, base_path, work) as base:
        for name, url in LIGHTHOUSE_PAGES.items():
            report = work / f"lighthouse-{name}.json"
            command = [npx, "--yes", LIGHTHOUSE, base + url, "--output=json", f"--output-path={report}",
                       f"--chrome-flags={CHROME_FLAGS}", "--quiet"]
            progress(f"lighthouse: {name} page")
            try:
                run_child(command, work, work / f"lighthouse-{name}.log", env=env)
            except RuntimeError as error:
                results["pages"][name] = {"url": base_path + url, "error": str(error)[-1500:]}
                continue
            data = json.loads(report.read_text(encoding="utf-8"))
            audits = data["audits"]
            results["pages"][name] = {
                "url": base_path + url,
                "scores": {key: round(category["score"] * 100) if category["score"] is not None else None
                           for key, category in data["categories"].items()},
                "metrics": {key: audits[key]["displayValue"] for key in (
                    "first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                    "cumulative-layout-shift", "speed-index", "total-byte-weight") if key in audits},
                "warnings": data.get("runWarnings", []),
            }
    return results


def chromium_version(chromium: str) -> str:
    try:
        return subprocess.run([chromium, "--version"], capture_output=True, text=True, timeout=60).stdout.strip()
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"unknown ({error})"


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
    return round(a / b, 3) if a is not None and b else None


def evaluate(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Each budget with its figure, met / NOT MET / not measured, and why."""
    sizes = results["sizes"]
    budgets = []
    for size, data in sizes.items():
        project, stock = data["project"]["median"], data["stock"]["median"]
        wall = ratio(project["wall_s"], stock["wall_s"])
        cpu = ratio(project["cpu_s"], stock["cpu_s"])
        top = (results.get("profile") or {}).get("top_kb_cumulative") or []
        why = (f"project {project['wall_s']} s vs stock {stock['wall_s']} s wall "
               f"(CPU {project['cpu_s']} s vs {stock['cpu_s']} s, ratio {cpu})")
        if wall is not None and wall > BUDGETS["build_vs_stock"] and top:
            why += f"; the largest cost of our own code in the profile is {top[0]['function']} " \
                   f"({top[0]['cumtime_s']} s cumulative, under the profiler)"
        budgets.append(_budget(f"project build ≤ 1.15 × stock build ({size} pages)", wall,
                               BUDGETS["build_vs_stock"], why))
    wall = {int(size): data["project"]["median"]["wall_s"] for size, data in sizes.items()}
    if 5000 in wall and 2000 in wall:
        budgets.append(_budget("5,000-page build ≤ 2.6 × 2,000-page build", ratio(wall[5000], wall[2000]),
                               BUDGETS["scale_5000_vs_2000"], f"{wall[5000]} s vs {wall[2000]} s"))
    else:
        budgets.append({"budget": "5,000-page build ≤ 2.6 × 2,000-page build", "value": None,
                        "limit": BUDGETS["scale_5000_vs_2000"], "status": "not measured",
                        "why": "5,000 pages were not built; run with --sizes 500,2000,5000"})
    if 500 in wall and 2000 in wall:
        pages = results["sizes"]["2000"]["pages"] / results["sizes"]["500"]["pages"]
        value = ratio(wall[2000], wall[500])
        budgets.append({"budget": "linearity indicator: 2,000-page build / 500-page build vs 4×", "value": value,
                        "limit": BUDGETS["linearity_2000_vs_500"],
                        "status": "indicator", "why": f"{wall[2000]} s vs {wall[500]} s for {pages:.2f}× the pages; "
                        + ("sub-linear (fixed costs dominate small sites)" if value and value < pages
                           else "super-linear: cost per page grows with the site")})
    checks = results["checks"].get(str(CHECK_SIZE))
    if checks:
        budgets.append(_budget(f"checks over {CHECK_SIZE:,} pages ≤ 5 s", checks["median_s"],
                               BUDGETS["checks_5000_seconds"],
                               f"median of {len(checks['times_s'])} in-process runs over {checks['files']} files"))
    weight = results.get("first_visit") or {}
    if "gzip_total" in weight:
        kb = round(weight["gzip_total"] / 1024, 1)
        budgets.append(_budget("first visit to a law page ≤ 150 KB gzip (without search index)", kb,
                               BUDGETS["law_first_visit_gzip_kb"],
                               f"HTML {round(weight['items'][0]['gzip'] / 1024, 1)} KB + "
                               f"{len(weight['items']) - 1} stylesheets and scripts"))
    else:
        budgets.append({"budget": "first visit to a law page ≤ 150 KB gzip (without search index)", "value": None,
                        "limit": BUDGETS["law_first_visit_gzip_kb"], "status": "not measured",
                        "why": weight.get("error", "the real site was not built")})
    return budgets


def _budget(name: str, value: float | None, limit: float, why: str) -> dict[str, Any]:
    status = "not measured" if value is None else ("met" if value <= limit else "NOT MET")
    return {"budget": name, "value": value, "limit": limit, "status": status, "why": why}


def table(header: list[str], rows: list[list[Any]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join("—" if cell is None else str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def kib(size: int | None) -> str:
    return "—" if size is None else f"{size / 1024:,.1f} KB"


def markdown_report(results: dict[str, Any]) -> str:
    """results.md: machine, raw figures, ratios, budgets, profile."""
    m = results["machine"]
    out = ["# Performance benchmarks", "",
           f"Generated by `make bench` (`scripts/bench.py {' '.join(results['arguments'])}`) on "
           f"{results['date']}, in {results['duration_min']} min. Times are medians of {results['runs']} runs; "
           "wall-clock time is what the budgets use, CPU time (user + system of the build process) is shown "
           "because it is less sensitive to other load on the machine.", "",
           "## Machine", "",
           table(["", ""], [["cores", m["cores"]], ["memory", f"{m['memory_gb']} GB"], ["CPU", m["cpu"]],
                            ["platform", m["platform"]], ["Python", m["python"]], ["Node.js", m["node"]],
                            ["load average (1, 5, 15 min) at start", m["load_average_start"]],
                            ["load average at end", m["load_average_end"]]]
                 + [[name, version] for name, version in m["packages"].items()]), "",
           "## Budgets", "",
           table(["budget", "value", "limit", "status", "why"],
                 [[b["budget"], b["value"], b["limit"], f"**{b['status']}**", b["why"]] for b in results["budgets"]]),
           "", "## Builds", "",
           "Corpus = the real docs/ (law pages, help, guides, training, cases) plus generated zh + en teaching "
           "cases (`docs/cases/case-1000-….md`) and guides (`docs/guides/practice/`). *project* = our mkdocs.yml "
           "(`--strict`); *stock* = Material with the same theme settings and features, the search (jieba) and "
           "i18n plugins with the same options, the standard Markdown extensions the content uses, and no hooks, "
           "overrides, `kb.markdown` extension, snippets glossary or extra CSS/JS.", ""]
    rows = []
    for size, data in results["sizes"].items():
        p, s = data["project"]["median"], data["stock"]["median"]
        rows.append([size, data["pages"], f"{data['counts']['cases']} + {data['counts']['guides']}",
                     p["wall_s"], s["wall_s"], ratio(p["wall_s"], s["wall_s"]), p["cpu_s"], s["cpu_s"],
                     ratio(p["cpu_s"], s["cpu_s"]), p["peak_rss_mb"], s["peak_rss_mb"]])
    out += [table(["size", "Markdown files", "generated cases + guides (pairs)", "project wall s", "stock wall s",
                   "ratio", "project CPU s", "stock CPU s", "CPU ratio", "project peak MB", "stock peak MB"], rows),
            "", "Every run (wall s / CPU s / peak MB):", ""]
    for size, data in results["sizes"].items():
        for variant in ("project", "stock"):
            runs = ", ".join(f"{r['wall_s']} / {r['cpu_s']} / {r['peak_rss_mb']}" for r in data[variant]["runs"])
            out.append(f"- {size} {variant}: {runs}")
    out += ["", "## Search index", "",
            table(["site", "project raw", "project gzip", "stock raw", "stock gzip"],
                  [[f"{size} pages", kib(d["search_index"]["project"]["raw"]), kib(d["search_index"]["project"]["gzip"]),
                    kib(d["search_index"]["stock"]["raw"]), kib(d["search_index"]["stock"]["gzip"])]
                   for size, d in results["sizes"].items()]
                  + ([["real site", kib(results["real_search_index"]["raw"]),
                       kib(results["real_search_index"]["gzip"]), None, None]]
                     if results.get("real_search_index") else [])),
            f"", f"gzip level {GZIP_LEVEL}.", "", "## Rebuild under `mkdocs serve`", "",
            "Plain `mkdocs serve` (what `make serve` runs) on the corpus; one generated case page is edited "
            "and saved; the time runs from the save to the live-reload signal (`Reloading browsers`), so it "
            "includes the file watcher's debounce. *mkdocs reported* is the last `Documentation built in` figure.",
            "",
            table(["size", "first build s", "rebuilds s", "median rebuild s", "mkdocs reported s"],
                  [[size, d["serve"]["first_build_s"], d["serve"]["rebuild_s"], d["serve"]["median_rebuild_s"],
                    d["serve"]["mkdocs_reported_s"]] for size, d in results["sizes"].items()]),
            "", "## Checks", "",
            "`kb.checks.runner.run(None, docs=<corpus>/docs)` in process; the first run also fills the "
            "per-process caches (schemas, law registry).", "",
            table(["size", "files", "runs s", "median s", "errors", "warnings", "problems by rule"],
                  [[size, c["files"], c["times_s"], c["median_s"], c["errors"], c["warnings"],
                    ", ".join(f"{k} {v}" for k, v in c["by_rule"].items())] for size, c in results["checks"].items()]),
            "", "The generated cases use ids case-1000 and up as the benchmark asks; `schemas/case.schema.json` "
            "allows only three digits (`^case-\\d{3}$`), so every generated case page is reported as FM003. "
            "That pattern also caps the collection at 1,000 cases.", ""]
    out += first_visit_section(results) + lighthouse_section(results) + profile_section(results)
    return "\n".join(out).rstrip() + "\n"


def first_visit_section(results: dict[str, Any]) -> list[str]:
    weight = results.get("first_visit") or {}
    out = ["## First visit to a law page", ""]
    if "gzip_total" not in weight:
        return out + [f"Not measured: {weight.get('error', 'the real site was not built')}", ""]
    return out + [f"{weight['page']} on the real site build: the HTML and every `<link rel=stylesheet>` and "
                  "`<script src>` it references (the search index is not counted; fonts and images loaded by "
                  "CSS are not counted either, see Lighthouse's total byte weight for everything).", "",
                  table(["file", "raw", "gzip"], [[i["url"], kib(i["raw"]), kib(i["gzip"])] for i in weight["items"]]
                        + [["**total**", kib(weight["raw_total"]), f"**{kib(weight['gzip_total'])}**"]]), ""]


def lighthouse_section(results: dict[str, Any]) -> list[str]:
    data = results.get("lighthouse") or {"error": "not run"}
    out = ["## Lighthouse", ""]
    if "error" in data:
        return out + [f"Lighthouse did not run: {data['error']}", ""]
    out += [f"`npx --yes {data['version']}`, default (mobile) settings with simulated throttling, "
            f"{data['chromium']}, headless, against the real site served by Python's http.server under the "
            "site's path prefix.", ""]
    rows = []
    for name, page in data["pages"].items():
        if "error" in page:
            rows.append([name, page["url"], f"failed: {page['error'][-300:]}", None, None])
            continue
        scores = ", ".join(f"{k} {v}" for k, v in page["scores"].items())
        metrics = ", ".join(f"{k} {v}" for k, v in page["metrics"].items())
        rows.append([name, page["url"], scores, metrics, "; ".join(page["warnings"]) or None])
    return out + [table(["page", "URL", "scores", "metrics", "run warnings"], rows), ""]


def profile_section(results: dict[str, Any]) -> list[str]:
    data = results.get("profile")
    out = ["## Hot spots", ""]
    if not data:
        return out + ["Not profiled (the 2,000-page corpus was not built).", ""]

    def rows(entries: list[dict[str, Any]]) -> list[list[Any]]:
        return [[f"`{e['function']}`", e["calls"], e["tottime_s"], e["cumtime_s"]] for e in entries]

    header = ["function", "calls", "own s", "cumulative s"]
    return out + [
        f"One project build of the {PROFILE_SIZE:,}-page corpus under cProfile "
        f"({data['wall_s_with_profiler']} s wall with the profiler).", "",
        "### Our code (kb/), by cumulative time", "", table(header, rows(data["top_kb_cumulative"])), "",
        "### Overall, by cumulative time", "", table(header, rows(data["top_cumulative"])), "",
        "### Overall, by own time", "", table(header, rows(data["top_own_time"])), "",
        "### Interpretation", "", interpretation(results), ""]


def interpretation(results: dict[str, Any]) -> str:
    """A short reading of the profile, from the figures."""
    data = results["profile"]
    ours = data["top_kb_cumulative"]
    hooks = [e for e in ours if "/hooks/" in e["function"] and not e["function"].endswith("(<module>)")]
    total = data["profiled_total_s"]
    lines = []
    if hooks:
        top = hooks[0]
        lines.append(f"- The most expensive hook entry point is `{top['function']}`: {top['cumtime_s']} s "
                     f"cumulative of {total} s profiled ({100 * top['cumtime_s'] / total:.0f} %).")
    for e in hooks[1:4]:
        lines.append(f"- `{e['function']}`: {e['cumtime_s']} s ({100 * e['cumtime_s'] / total:.0f} %), "
                     f"{e['calls']} calls.")
    helpers = [e for e in ours if "/hooks/" not in e["function"]][:3]
    for e in helpers:
        lines.append(f"- Shared code `{e['function']}`: {e['cumtime_s']} s cumulative over {e['calls']} calls.")
    return "\n".join(lines) or "No entries from kb/ in the profile."


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------

def measure_size(size: int, folder: Path, pools: Pools, project: dict[str, Any], runs: int) -> dict[str, Any]:
    """Builds (interleaved project/stock), search index, checks and serve rebuild of one corpus."""
    counts = make_corpus(folder, size, pools, project)
    progress(f"{size}: corpus of {counts.total} Markdown files ({counts.cases} case and {counts.guides} "
             f"guide pairs) in {folder}")
    samples: dict[str, list[Sample]] = {"project": [], "stock": []}
    for run in range(1, runs + 1):
        for variant in ("project", "stock"):
            site = folder / f"site-{variant}"
            shutil.rmtree(site, ignore_errors=True)
            sample = run_child(build_command(folder, variant, site), folder, folder / f"build-{variant}-{run}.log")
            samples[variant].append(sample)
            progress(f"{size}: {variant} build {run}/{runs}: {sample.wall_s} s wall, {sample.cpu_s} s CPU, "
                     f"{sample.peak_rss_mb} MB")
    search = {variant: file_sizes(folder / f"site-{variant}" / "search" / "search_index.json")
              for variant in samples}
    progress(f"{size}: mkdocs serve, {runs} edits")
    edited = next(iter(sorted((folder / "docs" / "cases").glob("case-1*.md"))), folder / "docs" / "index.md")
    serve = serve_rebuild(folder, edited, runs)
    progress(f"{size}: rebuild after an edit: {serve['rebuild_s']} s")
    return {"pages": counts.total, "counts": asdict(counts),
            "project": {"runs": [asdict(s) for s in samples["project"]], "median": median_sample(samples["project"])},
            "stock": {"runs": [asdict(s) for s in samples["stock"]], "median": median_sample(samples["stock"])},
            "search_index": search, "serve": serve}


def real_site(work: Path, base_path: str, with_lighthouse: bool) -> dict[str, Any]:
    """Build the repository's site once; weigh the law page; run Lighthouse."""
    site = work / "real-site"
    progress("real site: build")
    try:
        run_child([str(MKDOCS), "build", "--strict", "--site-dir", str(site)], ROOT, work / "real-build.log")
    except RuntimeError as error:
        reason = f"the real site did not build: {error}"
        return {"first_visit": {"error": reason}, "lighthouse": {"error": reason}}
    result: dict[str, Any] = {"first_visit": first_visit(site, base_path, LAW_PAGE),
                              "real_search_index": file_sizes(site / "search" / "search_index.json")}
    result["lighthouse"] = lighthouse(site, base_path, work) if with_lighthouse else {"error": "skipped (--no-lighthouse)"}
    return result


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="bench.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="500,2000", help="corpus sizes to build, comma-separated (default 500,2000)")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement, median reported (default 3)")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    parser.add_argument("--keep", action="store_true", help="keep the temporary corpora and logs")
    args = parser.parse_args(argv)
    try:
        args.sizes = sorted({int(size) for size in args.sizes.split(",")})
    except ValueError:
        parser.error(f"--sizes: not a list of numbers: {args.sizes}")
    if args.runs < 1 or min(args.sizes) < 1:
        parser.error("--runs and --sizes must be positive")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.monotonic()
    project = project_config()
    base_path = urlsplit(project["site_url"]).path
    results: dict[str, Any] = {"date": time.strftime("%Y-%m-%d %H:%M %Z"), "arguments": sys.argv[1:],
                               "runs": args.runs, "machine": machine(), "sizes": {}, "checks": {}}
    work = Path(tempfile.mkdtemp(prefix="kb-bench-"))
    progress(f"working in {work}")
    try:
        pools = harvest(DOCS)
        for size in args.sizes:
            folder = work / f"corpus-{size}"
            results["sizes"][str(size)] = measure_size(size, folder, pools, project, args.runs)
            progress(f"{size}: checks")
            results["checks"][str(size)] = time_checks(folder / "docs", args.runs)
            if size == PROFILE_SIZE:
                progress(f"{size}: profiled build")
                results["profile"] = profile_build(folder, work)
        if CHECK_SIZE not in args.sizes:
            progress(f"{CHECK_SIZE}: docs only, for the checks")
            docs = work / f"docs-{CHECK_SIZE}"
            make_docs(docs, CHECK_SIZE, pools)
            results["checks"][str(CHECK_SIZE)] = time_checks(docs, args.runs)
        progress(f"checks over {CHECK_SIZE}: {results['checks'][str(CHECK_SIZE)]['times_s']} s")
        results.update(real_site(work, base_path, not args.no_lighthouse))
    finally:
        if args.keep:
            progress(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    results["machine"]["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    results["duration_min"] = round((time.monotonic() - started) / 60, 1)
    results["budgets"] = evaluate(results)
    OUTPUT.mkdir(exist_ok=True)
    (OUTPUT / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (OUTPUT / "results.md").write_text(markdown_report(results), encoding="utf-8")
    for budget in results["budgets"]:
        progress(f"{budget['status']:>12}: {budget['budget']} — {budget['value']} (limit {budget['limit']})")
    progress(f"wrote {OUTPUT / 'results.md'} and results.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
