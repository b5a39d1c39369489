"""One search index per language, with keywords, article titles and ranking.

The i18n plugin writes a single index holding both languages, fetched by
every page, so a Chinese reader got English results and the reverse. Once
every language is built, this hook splits it: /search/search_index.json holds
the Chinese site (and /en/search/ the English site, whose untranslated pages
fall back to Chinese), each entry improved by kb.search, written as UTF-8
JSON (ASCII escapes cost 6 bytes per Chinese character). English pages get
the English site root as their search base so they fetch their own index.

Each index is then cut into pieces (kb/search_shards.py) that our search
worker (docs/assets/javascripts/workers/kb-search.js, named in every page's
``__config.search``) fetches as a query needs them; search_index.json becomes
their manifest, and search_index.full.json keeps every entry for the
no-results panel (search-help.js). The offline bundle, opened from disk where
a worker cannot fetch, keeps Material's worker and the whole index as a script.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from kb.hooks.offline import offline_enabled
from kb.i18n_builds import is_outermost, may_fork
from kb.search import improve
from kb.search_shards import build as build_shards

CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
LANGUAGE_PREFIX = {"en": "en/"}
GENERATED_LISTS = ("cases/category/", "cases/tag/")
WORKER = "kb-search.js"  # in Material's assets/javascripts/workers/, beside Material's own worker
MATERIAL_WORKER = re.compile(r"^(.*/)?(search\.[0-9a-f]+\.min\.js)$")
SHARD_FOLDERS = ("terms", "postings", "pages")


def _with_search_config(html: str, prefix: str | None, sharded: bool) -> str:
    """Point Material's search base (``__config.base``) at the language root, and its worker at ours."""
    match = CONFIG_SCRIPT.search(html)
    if match is None:
        raise ValueError("search_index: no __config script in the rendered page")
    config = json.loads(match.group(2))
    if prefix:
        base = config["base"].rstrip("/")
        # The trailing slash matters: Material resolves the index and every result
        # with new URL(path, base).
        config["base"] = (base + "/" if base else "") + prefix
    if sharded:
        worker = MATERIAL_WORKER.match(config["search"])
        if worker is None:
            raise ValueError(f"search_index: unexpected search worker in __config: {config['search']!r}")
        config["search"] = (worker.group(1) or "") + WORKER
    return html[: match.start(2)] + json.dumps(config, ensure_ascii=False) + html[match.end(2):]


_dirty = False
_fork = False  # whether the languages' indexes may be written by two processes (kb.i18n_builds.may_fork)
# Material's location -> (language, improved entry), or None if left out; kept from one dirty rebuild to the next.
_entries: dict[str, tuple[str, dict] | None] = {}
_rendered: set[str] = set()  # URLs of the pages rendered in this build, both languages
# location -> (Material's entry, its improved form), made by the process that built the other languages
_premade: dict[str, tuple[dict, tuple[str, dict] | None]] = {}


def on_startup(*, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    global _dirty, _fork
    _dirty = dirty
    _fork = may_fork(command, dirty)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Material's search writes the entries of the pages rendered, nothing more; this hook keeps the rest.

    Under ``--dirty``, Material merges each build's entries into the previous
    index, one language at a time; with two languages built in turn, entries
    were repeated and the index (and the time to write and read it) grew with
    every rebuild of ``make serve``. ``current_entries`` does the merging here.
    """
    search = config.plugins.get("material/search")
    if search is None or not hasattr(search, "is_dirty"):
        raise ValueError("search_index: expected Material's search plugin with its is_dirty flag (Material 9.x)")
    search.is_dirty = False
    return config


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    _rendered.add(page.url)
    prefix = LANGUAGE_PREFIX.get(str(config.theme["language"]))
    return _with_search_config(output, prefix, not offline_enabled(config))


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    prefix = LANGUAGE_PREFIX.get(str(config.theme["language"]))
    if template_name == "404.html":
        return _with_search_config(output, prefix, not offline_enabled(config))
    return output


# lunr language support per index: Chinese pages hold English words too; the
# English index holds Chinese fallback pages, segmented at build time.
LUNR_LANGUAGES = {"zh": ["en", "zh"], "en": ["en"]}


def _improved(entry: dict) -> tuple[str, dict] | None:
    """An entry's language and its improved copy (location without en/); None for what stays out of search."""
    language = "en" if entry["location"].startswith("en/") else "zh"
    entry = dict(entry, location=entry["location"][3:]) if language == "en" else dict(entry)
    if entry["location"].startswith(GENERATED_LISTS):
        return None  # category and tag lists repeat case titles and would crowd out the cases
    return language, improve(entry, language)


def _page(location: str) -> str:
    return location.split("#", 1)[0]


def current_entries(docs: list[dict]) -> list[tuple[str, dict]]:
    """Every page's improved entries, after a dirty rebuild too.

    ``make serve`` (kb/hooks/dirty_reload.py) renders only the pages that
    changed, and Material's index then holds only theirs (``on_config``). So
    the entries of the pages rendered in this build replace those kept from
    the last, and only they are improved again; a full build replaces them all.
    """
    global _entries
    if _dirty and _entries:
        for location in [location for location in _entries if _page(location) in _rendered]:
            del _entries[location]
        _entries.update((e["location"], _improved(e)) for e in docs if _page(e["location"]) in _rendered)
    else:
        _entries = {entry["location"]: _reused_or_improved(entry) for entry in docs}
    _premade.clear()
    _rendered.clear()
    return [item for item in _entries.values() if item is not None]


def _reused_or_improved(entry: dict) -> tuple[str, dict] | None:
    premade = _premade.get(entry["location"])
    return premade[1] if premade is not None and premade[0] == entry else _improved(entry)


def language_state(config: MkDocsConfig) -> dict[str, tuple[dict, tuple[str, dict] | None]]:
    """This build's entries, improved, for kb/hooks/parallel_languages.py.

    Each process improves the entries of the language it built while the
    other may still be building (the main process before it waits for the
    one that builds English); the main process then reuses each one whose
    entry is unchanged in the merged index, instead of improving every entry
    of both languages at the end.
    """
    entries = config.plugins["material/search"].search_index.entries
    return {entry["location"]: (entry, _improved(entry)) for entry in entries}


def merge_language_state(state: dict[str, tuple[dict, tuple[str, dict] | None]]) -> None:
    _premade.update(state)


def split(config: dict, entries: list[tuple[str, dict]]) -> dict[str, dict]:
    """Per-language indexes of (language, entry) pairs."""
    out = {language: {"config": dict(config, lang=LUNR_LANGUAGES[language]), "docs": []} for language in ("zh", "en")}
    for language, entry in entries:
        out[language]["docs"].append(entry)
    return out


@event_priority(-200)  # after the i18n plugin (-100) has merged every language's entries
def on_post_build(config: MkDocsConfig) -> None:
    if not is_outermost(config):
        return
    site = Path(config.site_dir)
    source = site / "search" / "search_index.json"
    index = json.loads(source.read_text(encoding="utf-8"))
    for field in ("keywords", "bestbets"):
        if field not in index["config"]["fields"]:
            raise ValueError(f"search_index: declare the '{field}' field under search: fields: in mkdocs.yml")
    languages = list(split(index["config"], current_entries(index["docs"])).items())
    write = functools.partial(_write_language, site, offline_enabled(config))
    if not _fork:
        for language, data in languages:
            write(language, data)
        return
    # Cutting an index into pieces takes seconds at thousands of pages: the other languages are
    # written by forked processes while this one writes the first (full builds only, as there).
    children = [(language, _forked(write, language, data)) for language, data in languages[1:]]
    write(*languages[0])
    for language, pid in children:
        if os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) != 0:
            raise RuntimeError(f"search_index: writing the {language} search index failed (traceback above)")


def _forked(write: Callable[[str, dict], None], language: str, data: dict) -> int:
    pid = os.fork()
    if pid:
        return pid
    status = 1
    try:
        write(language, data)
        status = 0
    except BaseException:  # noqa: BLE001 - reported here, and as a failed build by the parent
        traceback.print_exc()
    finally:
        os._exit(status)


def _write_language(site: Path, offline: bool, language: str, data: dict) -> None:
    """One language's index: the whole index, and its pieces (or, offline, the index as a script)."""
    prefix = LANGUAGE_PREFIX.get(language, "")
    folder = site / prefix / "search"
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    if offline:
        # Pages opened from disk load the index as a script (Material's offline plugin).
        (folder / "search_index.json").write_text(text, encoding="utf-8")
        (folder / "search_index.js").write_text(f"var __index = {text}", encoding="utf-8")
        return
    (folder / "search_index.full.json").write_text(text, encoding="utf-8")
    _write_shards(folder, data, prefix, _material_worker(site))


def _material_worker(site: Path) -> str:
    """The file name of Material's worker, which ours loads for lunr."""
    found = sorted((site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    if len(found) != 1:
        raise ValueError(f"search_index: expected one Material search worker in the site, found {len(found)}")
    return found[0].name


def _write_shards(folder: Path, data: dict, prefix: str, material_worker: str) -> None:
    """The index in pieces; the manifest tells the worker (in assets/javascripts/workers/) where they are."""
    for name in SHARD_FOLDERS:
        shutil.rmtree(folder / name, ignore_errors=True)  # pieces of an earlier build would linger
    for path, text in build_shards(data, f"../../../{prefix}search/", material_worker).files.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
