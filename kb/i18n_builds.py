"""How hooks tell the outermost build from the i18n plugin's per-language builds.

mkdocs-static-i18n builds the default language, then, from its own
``on_post_build``, builds every other language into the same site folder with
its ``building`` flag set. A hook that must act once per site (after every
language exists) runs its ``on_post_build`` after the plugin's (priority
below -100) and acts only when this returns True.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig


def is_outermost(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise RuntimeError("the i18n plugin is not configured; the project's hooks rely on it")
    return not plugin.building
