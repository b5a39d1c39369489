"""Give templates in ``overrides/`` the project's translated UI strings.

Templates call ``kb_t("key")``. The language is the one the i18n plugin is
building (``config.theme.language``). A missing key or language raises, so a
typo in a template fails the build instead of rendering an empty label.
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
    return env
