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

    # lunr.Builder.add: term frequencies per (entry, field), postings per term. Each distinct token goes
    # through the pipeline once: the same words recur on every page.
    terms_of: dict[str, str] = {}
    frequencies: list[list[Counter[str]]] = []
    postings: dict[str, list[list[int]]] = {}
    for number, doc in enumerate(docs):
        per_field = []
        for f, name in enumerate(fields):
            counts = Counter(terms_of[token] if token in terms_of else terms_of.setdefault(token, pipeline(token))
                             for token in tokens(doc.get(name), separator))
            for term in counts:  # a new term's index is the next number, as lunr gives it
                if term not in postings:
                    postings[term] = [[] for _ in fields]
                postings[term][f].append(number)
            per_field.append(counts)
        frequencies.append(per_field)

    # lunr.Builder.createFieldVectors with b = 0, where a field's length drops out; lunr.idf counts
    # an entry once per field it has the term in.
    count = len(docs)
    idf = {term: math.log(1 + abs((count - (n := sum(len(p) for p in lists)) + 0.5) / (n + 0.5)))
           for term, lists in postings.items()}
    weights: dict[str, list[list[float]]] = {term: [[] for _ in fields] for term in postings}
    for number, doc in enumerate(docs):
        doc_boost = doc.get("boost") or 1
        for f, counts in enumerate(frequencies[number]):
            boost = field_boost[f]
            for term, tf in counts.items():
                score = idf[term] * ((K1 + 1) * tf) / (K1 + tf)
                weights[term][f].append(math.floor(score * boost * doc_boost * 1000 + 0.5) / 1000)  # JS Math.round

    out = ShardedIndex()
    ordered = sorted(postings)
    buckets = bucket_count(len(ordered))
    term_files: list[dict[str, list[int]]] = [{} for _ in range(buckets)]
    chunk: dict[str, list] = {}
    size = 0
    chunks = 0
    # lunr numbers terms in the order it meets them (the order of ``postings``); a score adds up a
    # query's weights in that order, and the same order keeps equal scores in Material's order.
    term_index = {term: number for number, term in enumerate(postings)}
    for term in ordered:
        encoded = [term_index[term]]
        for f in range(len(fields)):
            pairs: list[float] = []
            previous = 0
            for number, weight in zip(postings[term][f], weights[term][f]):
                pairs += [number - previous, weight]
                previous = number
            encoded.append(pairs)
        chunk[term] = encoded
        term_files[bucket_of(term, buckets)][term] = chunks
        size += len(term.encode()) + 8 * sum(len(p) for p in postings[term])
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


def _shown(doc: dict) -> dict:
    """What a result shows of an entry: Material's fields without our hidden keyword fields."""
    return {key: doc[key] for key in ("location", "title", "text", "tags") if key in doc}
