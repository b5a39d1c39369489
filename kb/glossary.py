"""The glossary of legal terms (data/glossary.yml): tooltips, the glossary page and the
terminology check share it, so the English the site uses for a term is written down once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kb import data_files
from kb.paths import DATA

GLOSSARY_FILE = DATA / "glossary.yml"


@dataclass(frozen=True)
class Term:
    zh: str
    en: str
    en_definition: str
    zh_definition: str | None
    discouraged: tuple[str, ...]
    tooltip: bool

    @property
    def pattern(self) -> re.Pattern[str] | None:
        """The discouraged renderings as whole words or phrases, any case, optional plural s."""
        if not self.discouraged:
            return None
        alternatives = "|".join(re.escape(phrase) for phrase in sorted(self.discouraged, key=len, reverse=True))
        return re.compile(rf"(?<![\w-])(?:{alternatives})s?(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=4)
def _load(path: Path, version: int) -> tuple[Term, ...]:
    data = data_files.load(path, "glossary.schema.json")
    terms = tuple(Term(t["zh"], t["en"], t["en_definition"], t.get("zh_definition"), tuple(t.get("discouraged", [])),
                       t.get("tooltip", True)) for t in data["terms"])
    for field in ("zh", "en"):
        seen = [getattr(t, field) for t in terms]
        duplicate = next((value for value in seen if seen.count(value) > 1), None)
        if duplicate:
            raise ValueError(f"{path.name}: the term {duplicate!r} is listed twice")
    return terms


def terms(path: Path = GLOSSARY_FILE) -> tuple[Term, ...]:
    """Every term, validated against schemas/data/glossary.schema.json; read once per version of the file."""
    return _load(path, path.stat().st_mtime_ns)


def tooltips(path: Path = GLOSSARY_FILE) -> dict[str, str]:
    """Term → definition for kb.markdown.cjk_abbr: the Chinese terms with a Chinese definition, and the
    English terms meant to be explained wherever they appear."""
    found: dict[str, str] = {}
    for term in terms(path):
        if term.zh_definition:
            found[term.zh] = term.zh_definition
        if term.tooltip:
            found[term.en] = term.en_definition
    return found
