"""Values of mkdocs.yml that the checks and tests need without running MkDocs.

mkdocs.yml uses MkDocs-only YAML tags (!ENV, !!python/…), so plain YAML
cannot load it; the few top-level scalars needed here are read directly.
"""

from __future__ import annotations

import re
from functools import lru_cache

import yaml

from kb.paths import ROOT


@lru_cache(maxsize=None)
def top_level(key: str) -> str:
    """A top-level scalar of mkdocs.yml, such as site_url; raise if absent."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    match = re.search(rf"^{re.escape(key)}:[ \t]*(\S.*)$", text, re.M)
    if match is None:
        raise KeyError(f"mkdocs.yml has no top-level '{key}'")
    return str(yaml.safe_load(match.group(1)))


def site_url() -> str:
    return top_level("site_url")
