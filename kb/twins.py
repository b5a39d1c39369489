"""One page, two languages: what the English page takes from its Chinese twin.

A page is written in Chinese (``name.md``) and translated into English
(``name.en.md``). Most of its front matter is the same in both languages: the
case id, category, tags, citations, source, review, dates. Typed twice, the two
copies drifted, so a field is written once, in the Chinese page; the English
page holds only what is written in its own language (title, description,
outcome, …), listed under ``x-language-specific`` in schemas/common.schema.json.

The build (kb.frontmatter) and the checks (kb.checks.workspace) read an English
page's front matter through :func:`merged`, so every consumer sees both. An
English page without a Chinese page keeps what it has (the checks report it,
I18N005).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from kb.paths import SCHEMAS

ENGLISH_SUFFIX = ".en.md"


@cache
def language_specific() -> frozenset[str]:
    """The fields each language's page writes itself (schemas/common.schema.json)."""
    common = json.loads((SCHEMAS / "common.schema.json").read_text(encoding="utf-8"))
    return frozenset(common["x-language-specific"]["fields"])


def is_neutral(field: str) -> bool:
    """Whether ``field`` is the same in both languages, so written in the Chinese page only."""
    return field not in language_specific()


def is_english(path: Path | str) -> bool:
    return str(path).endswith(ENGLISH_SUFFIX)


def chinese_twin(path: Path) -> Path:
    """The Chinese page an English page translates: x.en.md → x.md."""
    return path.with_name(path.name[: -len(ENGLISH_SUFFIX)] + ".md")


def twin(path: Path) -> Path:
    """The other language's file of a page: x.md ↔ x.en.md."""
    return chinese_twin(path) if is_english(path) else path.with_name(path.name[: -len(".md")] + ENGLISH_SUFFIX)


def original(path: Path) -> Path:
    """The page whose language-neutral fields and citations ``path`` follows: an English page's
    Chinese twin where there is one, else the page itself."""
    if is_english(path) and chinese_twin(path).exists():
        return chinese_twin(path)
    return path


def merged(chinese: dict[str, Any], english: dict[str, Any]) -> dict[str, Any]:
    """The English page's front matter as consumers see it: its own language-specific fields and
    the Chinese page's neutral ones. The Chinese value wins, as the one the checks hold true."""
    return {**english, **{name: value for name, value in chinese.items() if is_neutral(name)}}
