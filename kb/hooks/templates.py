"""The template environment: the project's translated UI strings, and templates read once per build.

Templates in ``overrides/`` call ``kb_t("key")``. The language is the one the
i18n plugin is building (``config.theme.language``). A missing key or
language raises, so a typo in a template fails the build instead of rendering
an empty label.

Jinja checks a template file's modification time each time a page includes
it (tens of thousands of times in a large build). MkDocs makes a new
environment for every build, ``mkdocs serve`` rebuilds included, so within
one build the files cannot change and the check is turned off. And each
language's build compiles the same templates again (MkDocs and Material
have about fifty); the compiled code is kept in memory, keyed by the
template's name and a checksum of its source, so an edited template is
compiled again.
"""

from __future__ import annotations

from functools import lru_cache

import jinja2
import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from kb.paths import ROOT
from kb.taxonomy import label

STRINGS_FILE = ROOT / "kb" / "ui_strings.yml"
LANGUAGES = ("zh", "en")


@lru_cache(maxsize=1)
def load_strings() -> dict[str, dict[str, str]]:
    """Read and validate the UI strings once per process."""
    data = yaml.safe_load(STRINGS_FILE.read_text(encoding="utf-8"))
    for key, values in data.items():
        missing = [lang for lang in LANGUAGES if not values.get(lang)]
        if missing:
            raise ValueError(f"{STRINGS_FILE}: '{key}' lacks {', '.join(missing)}")
    return data


def translate(key: str, language: str) -> str:
    """Return the UI string ``key`` in ``language``; raise on anything unknown."""
    strings = load_strings()
    if key not in strings:
        raise KeyError(f"kb_t: unknown UI string '{key}' (add it to {STRINGS_FILE.name})")
    if language not in strings[key]:
        raise KeyError(f"kb_t: UI string '{key}' has no '{language}' text")
    return strings[key][language]


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates for every environment of this process (Jinja keys them by name and source checksum)."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


_bytecode = MemoryBytecodeCache()


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    @jinja2.pass_context
    def kb_t(context: jinja2.runtime.Context, key: str) -> str:
        return translate(key, str(context["config"].theme["language"]))

    @jinja2.pass_context
    def kb_role(context: jinja2.runtime.Context, key: str) -> str:
        """A reviewer role (data/taxonomy.yml, reviewers) in the page's language."""
        return label("reviewers", key, str(context["config"].theme["language"]))

    env.globals["kb_t"] = kb_t
    env.globals["kb_role"] = kb_role
    env.auto_reload = False
    env.bytecode_cache = _bytecode
    return env
