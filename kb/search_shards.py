"""A search index fetched in pieces: what a query needs, not the whole index.

Material's search downloads every entry of a language (title, HTML text and
our hidden keywords) and builds a lunr index from them in the browser before
it can answer: 3 MB gzip and ten seconds on a phone at 3,000 pages. This
module builds, at build time, the lunr index Material's worker would build,
and cuts it into files that a query fetches as it needs them
(docs/assets/javascripts/workers/kb-search.js reads them):

* ``search_index.json``, the manifest Material's main thread fetches when
  search opens: the search config plus, under ``config.kb``, the number of
  entries, where each page's entries start, and the file layout;
* ``terms/<bucket>.json``: every index term, grouped by its first character
  (hashed into buckets), with the posting file that holds it; a query
  fetches the buckets of its characters, which is what Material's Chinese
  segmentation (it looks words up among the index's terms) and lunr's
  trailing-wildcard expansion need;
* ``postings/<n>.json``: for runs of terms in sorted order, the entries
  containing each term, per field, with the term's BM25 weight there, the
  very numbers lunr stores in its field vectors; scores computed from them
  equal Material's;
* ``pages/<n>.json``: one page's entries (location, title, text) for the
  results shown; the hidden keyword fields stay out.

The weights follow lunr 2.3.9's Builder with Material's settings (tokenizer
of Material 9.x, ``b = 0``, ``k1 = 1.2``, field and entry boosts, rounding
to three decimals), and the index pipeline Material leaves for our
``pipeline: []``: the multi-language trimmer for Chinese, nothing for
English. tests/test_search_shards.py compares scores with lunr itself.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

FORMAT = 1
K1 = 1.2  # lunr's default; Material sets b = 0, so field lengths do not count
TRIMMERS = {
    # lunr.multiLanguage("en", "zh"): "\\w" + lunr.zh.wordCharacters ("\\w一-龥"); JavaScript's \w is ASCII.
    ("en", "zh"): re.compile(r"^[^A-Za-z0-9_\u4e00-\u9fa5]+|[^A-Za-z0-9_\u4e00-\u9fa5]+$"),
}
POSTINGS_TARGET = 24_000  # bytes of JSON per posting file before it is closed; one term never splits


def _separator(pattern: str) -> re.Pattern[str]:
    """Material's separator (a JavaScript character class) as a Python pattern.

    JavaScript's \\s also matches U+FEFF, Python's does not; nothing else in
    the classes Material uses differs."""
    if not re.fullmatch(r"\[[^\]]+\]", pattern):
        raise ValueError(f"search_shards: expected a character class as search separator, got {pattern!r}")
    return re.compile(pattern.replace("\\s", "\\s\\ufeff", 1))


TAG_MARKS = re.compile(r"[<>]")


def _text_ranges(value: str) -> Iterator[tuple[int, int]]:
    """The text between tags, as Material's extract() finds it (integrations/search/internal/extract):
    a stretch ends at a "<" that follows it, and a ">" starts the next one."""
    start = 0
    for mark in TAG_MARKS.finditer(value):
        end = mark.start()
        if mark.group() == ">":
            start = end + 1
        elif end > start:
            yield start, end
            start = end
    if len(value) > start:
        yield start, len(value)


def tokens(value: str | list[str] | None, separator: re.Pattern[str]) -> list[str]:
    """Material's tokenize(): text outside tags, split at the separator, in lower case."""
    if value is None:
        return []
    out: list[str] = []
    for text in value if isinstance(value, list) else [value]:
        for start, end in _text_ranges(text):
            out += [part.lower() for part in separator.split(text[start:end]) if part]
    return out


def _pipeline(languages: list[str], config_pipeline: list[str]):
    """The index pipeline Material sets up for these languages, as a function of one token.

    With ``pipeline: []`` Material removes every language's trimmer, stop-word
    filter and stemmer; lunr.multiLanguage's own trimmer stays. Anything else
    is not implemented here, and said so.
    """
    if config_pipeline:
        raise ValueError("search_shards: only `pipeline: []` is supported (mkdocs.yml, search plugin)")
    if len(languages) == 1:
        return lambda token: token
    trimmer = TRIMMERS.get(tuple(languages))
    if trimmer is None:
        raise ValueError(f"search_shards: no trimmer known for the languages {languages}")
    return lambda token: trimmer.sub("", token)


@dataclass
class ShardedIndex:
    """The files of one language's sharded index, by path relative to its search/ folder."""

    files: dict[str, str] = field(default_factory=dict)

    def add(self, path: str, data: object) -> None:
        self.files[path] = json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def bucket_count(terms: int) -> int:
    """Term buckets: about 400 terms each, a power of two between 16 and 4096."""
    count = 16
    while count < 4096 and terms / count > 400:
        count *= 2
    return count


def bucket_of(term: str, buckets: int) -> int:
    """The bucket of a term's first character; kb-search.js computes the same."""
    return (ord(term[0]) if term else 0) % buckets


def build(index: dict, folder: str, material_worker: str) -> ShardedIndex:
    """Cut one language's index (``{"config", "docs"}``, as Material's worker receives it) into files.

    ``folder`` is where the files are, relative to the worker script, and
    ``material_worker`` the file name of Material's worker beside it, which
    ours imports for lunr: both go into the manifest.
    """
    config, docs = index["config"], index["docs"]
    separator = _separator(config["separator"])
    pipeline = _pipeline(config["lang"], config["pipeline"])
    fields = list(config["fields"])
    field_boost = [config["fields"][name].get("boost") or 1 for name in fields]

    # Pages: the entries sharing a location before "#", contiguous, the first one the page's own.
    starts: list[int] = []
    seen: set[str] = set()
    for number, doc in enumerate(docs):
        path = doc["location"].split("#", 1)[0]
        if path not in seen:
            seen.add(path)
            starts.append(number)
        elif docs[starts[-1]]["location"].split("#", 1)[0] != path:
            raise ValueError(f"search_shards: the entries of {path} are not next to each other in the index")

    # lunr.Builder.add: per term and field, the entries holding it and how often ([entry, tf, …]). Each
    # distinct token goes through the pipeline once: the same words recur on every page.
    terms_of: dict[str, str] = {}
    postings: dict[str, list[list[int]]] = {}
    for number, doc in enumerate(docs):
        for f, name in enumerate(fields):
            counts = Counter(terms_of[token] if token in terms_of else terms_of.setdefault(token, pipeline(token))
                             for token in tokens(doc.get(name), separator))
            for term, tf in counts.items():  # a new term's index is the next number, as lunr gives it
                lists = postings.get(term)
                if lists is None:
                    lists = postings[term] = [[] for _ in fields]
                lists[f] += (number, tf)

    out = ShardedIndex()
    ordered = sorted(postings)
    buckets = bucket_count(len(ordered))
    term_files: list[dict[str, int]] = [{} for _ in range(buckets)]
    chunk: dict[str, list] = {}
    size = 0
    chunks = 0
    count = len(docs)
    doc_boosts = [doc.get("boost") or 1 for doc in docs]
    # lunr numbers terms in the order it meets them (the order of ``postings``); a score adds up a
    # query's weights in that order, and the same order keeps equal scores in Material's order.
    term_index = {term: number for number, term in enumerate(postings)}
    for term in ordered:
        lists = postings[term]
        # lunr.idf counts an entry once per field it has the term in.
        held = sum(len(entries) for entries in lists) // 2
        idf = math.log(1 + abs((count - held + 0.5) / (held + 0.5)))
        encoded: list = [term_index[term]]
        for f, flat in enumerate(lists):
            encoded.append(_weights(flat, idf, field_boost[f], doc_boosts))
        chunk[term] = encoded
        term_files[bucket_of(term, buckets)][term] = chunks
        size += len(term.encode()) + 4 * sum(len(entries) for entries in lists)
        if size >= POSTINGS_TARGET:
            out.add(f"postings/{chunks}.json", chunk)
            chunk, size, chunks = {}, 0, chunks + 1
    if chunk:
        out.add(f"postings/{chunks}.json", chunk)
        chunks += 1
    for number, terms in enumerate(term_files):
        out.add(f"terms/{number}.json", terms)
    for page, start in enumerate(starts):
        end = starts[page + 1] if page + 1 < len(starts) else len(docs)
        out.add(f"pages/{page}.json", [_shown(doc) for doc in docs[start:end]])
    manifest_config = dict(config, kb={
        "format": FORMAT,
        "folder": folder,
        "material": material_worker,
        "entries": count,
        "fields": fields,
        "buckets": buckets,
        # where each page's entries start, as differences: entry numbers are positions in the index
        "starts": [b - a for a, b in zip([0] + starts, starts)],
    })
    out.add("search_index.json", {"config": manifest_config, "docs": []})
    return out


def _weights(flat: list[int], idf: float, field_boost: float, doc_boosts: list[float]) -> list[float]:
    """[entry difference, weight, …] for one term in one field, from [entry, tf, …].

    lunr.Builder.createFieldVectors with b = 0, where a field's length drops out, in lunr's order of
    operations (the score, times the field's boost, times the entry's), rounded as JavaScript's
    Math.round(score * 1000) / 1000 rounds (halves up)."""
    out: list[float] = []
    previous = 0
    base: dict[int, float] = {}
    for i in range(0, len(flat), 2):
        number, tf = flat[i], flat[i + 1]
        score = base.get(tf)
        if score is None:
            score = base[tf] = idf * ((K1 + 1) * tf) / (K1 + tf)
        out += (number - previous, math.floor(score * field_boost * doc_boosts[number] * 1000 + 0.5) / 1000)
        previous = number
    return out


def _shown(doc: dict) -> dict:
    """What a result shows of an entry: Material's fields without our hidden keyword fields."""
    return {key: doc[key] for key in ("location", "title", "text", "tags") if key in doc}
