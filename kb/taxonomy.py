"""The controlled vocabularies of data/taxonomy.yml, with their zh/en labels."""

from __future__ import annotations

from functools import lru_cache

import yaml

from kb.paths import DATA

TAXONOMY_FILE = DATA / "taxonomy.yml"


@lru_cache(maxsize=1)
def taxonomy() -> dict[str, dict[str, dict[str, object]]]:
    return yaml.safe_load(TAXONOMY_FILE.read_text(encoding="utf-8"))


def label(group: str, key: str, language: str) -> str:
    """The label of ``key`` in ``group`` (categories, tags, …); raise on an unknown key."""
    entry = taxonomy()[group].get(key)
    if entry is None:
        raise KeyError(f"{TAXONOMY_FILE.name}: no '{key}' in {group}")
    return str(entry[language])
