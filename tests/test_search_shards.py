"""kb/search_shards.py: the index in pieces, built as lunr would build it.

The browser test tests/browser/test_search_shards.py holds the worker's
answers to Material's; these tests pin the build-time side on small inputs.
"""

from __future__ import annotations

import json
import math
import re

import pytest

from kb.search_shards import bucket_of, build, tokens

CONFIG = {"lang": ["en", "zh"], "separator": "[\\s\\u200b\\-]", "pipeline": [],
          "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}}
SEPARATOR = re.compile("[\\s\\ufeff\\u200b\\-]")


def built(docs: list[dict], config: dict = CONFIG) -> dict[str, object]:
    return {path: json.loads(text) for path, text in build({"config": config, "docs": docs}, "../../../search/",
                                                           "search.0.min.js").files.items()}


def test_tokens_skip_tags_and_split_at_material_separators() -> None:
    assert tokens("<p>家庭\u200b暴力 Protection-Order</p>", SEPARATOR) == ["家庭", "暴力", "protection", "order"]
    assert tokens(["a b", "c"], SEPARATOR) == ["a", "b", "c"]
    assert tokens(None, SEPARATOR) == []


def test_weights_are_lunrs_bm25_with_material_boosts() -> None:
    docs = [{"location": "a/", "title": "保护令", "text": "<p>保护令 保护令</p>", "boost": 2},
            {"location": "a/#x", "title": "离婚", "text": "<p>财产</p>"},
            {"location": "b/", "title": "其他", "text": "<p>保护令</p>"}]
    files = built(docs)
    postings = {term: data for path, chunk in files.items() if path.startswith("postings/") for term, data in chunk.items()}
    # 保护令 is in the title of entry 0 and the text of entries 0 and 2: lunr counts 3 "documents".
    idf = math.log(1 + abs((3 - 3 + 0.5) / (3 + 0.5)))
    title, text = postings["保护令"][1], postings["保护令"][2]
    assert title == [0, round(idf * 2.2 * 1 / (1.2 + 1) * 1000 * 2, 3)]
    assert text == [0, round(idf * 2.2 * 2 / (1.2 + 2) * 2, 3), 2, round(idf * 2.2 / 2.2, 3)]
    manifest = files["search_index.json"]
    assert manifest["docs"] == [] and manifest["config"]["kb"]["starts"] == [0, 2]
    assert manifest["config"]["kb"]["entries"] == 3
    assert files["pages/0.json"] == [{k: v for k, v in d.items() if k != "boost"} for d in docs[:2]]
    terms = files[f"terms/{bucket_of('保护令', manifest['config']['kb']['buckets'])}.json"]
    assert "保护令" in terms and f"postings/{terms['保护令']}.json" in files


def test_the_chinese_index_trims_punctuation_as_lunr_multi_does() -> None:
    files = built([{"location": "a/", "title": "（保护令）", "text": "“离婚”"}])
    terms = {term for path, chunk in files.items() if path.startswith("terms/") for term in chunk}
    assert {"保护令", "离婚"} <= terms and "（保护令）" not in terms


def test_what_the_worker_cannot_reproduce_fails_the_build() -> None:
    with pytest.raises(ValueError, match="pipeline"):
        built([], dict(CONFIG, pipeline=["stemmer"]))
    with pytest.raises(ValueError, match="trimmer"):
        built([], dict(CONFIG, lang=["en", "ja"]))
    with pytest.raises(ValueError, match="next to each other"):
        built([{"location": "a/", "title": "x", "text": ""}, {"location": "b/", "title": "y", "text": ""},
               {"location": "a/#z", "title": "z", "text": ""}])
