"""The hidden search keywords of kb.search: sub-words and synonyms.

``subwords`` and ``synonym_words`` run for every index entry of both
languages, so they take shortcuts (stop at the limit, skip short words, terms
lowered once); these tests hold them to the plain definitions.
"""

from __future__ import annotations

import jieba
import pytest

from kb import search
from kb.paths import DOCS


def plain_subwords(words: set[str]) -> list[str]:
    """The definition: every part of every word, sorted word order, not an index word, once, the first 60."""
    found: list[str] = []
    for word in sorted(words):
        for part in search._parts(word):
            if part not in words and part not in found:
                found.append(part)
    return found[: search.MAX_SUBWORDS]


def page_words(name: str) -> set[str]:
    text = (DOCS / name).read_text(encoding="utf-8")
    return {word for word in jieba.cut(text) if word.strip()}


@pytest.mark.parametrize("name", ["law/anti-domestic-violence-law.md", "help/protection-order.md",
                                  "cases/protection-order-spouse.md"])
def test_subwords_follow_the_definition(name: str) -> None:
    words = page_words(name)
    assert search.subwords(words) == plain_subwords(words)


def test_subwords_stop_at_the_limit_and_leave_out_index_words() -> None:
    words = page_words("law/anti-domestic-violence-law.md")
    found = search.subwords(words)
    assert len(plain_subwords(words)) == search.MAX_SUBWORDS  # the law page has more parts than the limit
    assert len(found) == search.MAX_SUBWORDS
    assert not set(found) & words
    assert len(set(found)) == len(found)


def test_subwords_of_a_long_term() -> None:
    assert "保护令" in search.subwords({"人身安全保护令"})
    assert "保护令" not in search.subwords({"人身安全保护令", "保护令"})


def test_synonyms_match_whatever_the_case() -> None:
    typed = search.synonyms()["en"]
    term = next(key for key in typed if key.lower() != key.upper())
    assert search.synonym_words(f"About {term.upper()} here", "en") == list(dict.fromkeys(typed[term]))
    assert search.synonym_words("nothing relevant", "en") == []
