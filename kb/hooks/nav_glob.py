"""Let ``nav:`` in mkdocs.yml name a folder's pages with a wildcard.

    nav:
      - 典型案例:
          - cases/index.md
          - cases/*.md

expands to every Chinese page matching the pattern (English ``*.en.md``
files are the i18n plugin's business), sorted by file name, leaving out pages
listed explicitly elsewhere in the nav. Volunteers add a case without touching
mkdocs.yml, and MkDocs' ``omitted_files`` validation still reports any page
that no entry covers. A pattern that matches nothing fails the build: it is
almost certainly a typo.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

LANGUAGE_SUFFIXES = (".en.md",)


def _explicit(items: list[Any]) -> set[str]:
    found: set[str] = set()
    for item in items:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            found |= _explicit(value)
        elif isinstance(value, str) and "*" not in value:
            found.add(value)
    return found


def _expand(items: list[Any], docs: Path, explicit: set[str]) -> list[Any]:
    out: list[Any] = []
    for item in items:
        if isinstance(item, dict):
            (title, value), = item.items()
            out.append({title: _expand(value, docs, explicit) if isinstance(value, list) else value})
        elif isinstance(item, str) and "*" in item:
            matches = sorted(
                p.relative_to(docs).as_posix()
                for p in docs.glob(item)
                if p.is_file() and not p.name.endswith(LANGUAGE_SUFFIXES)
            )
            if not matches:
                raise ValueError(f"nav_glob: '{item}' in mkdocs.yml matches no page")
            out.extend(m for m in matches if m not in explicit)
        else:
            out.append(item)
    return out


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if config.nav:
        config.nav = _expand(config.nav, Path(config.docs_dir), _explicit(config.nav))
    return config
