"""How hooks tell the outermost build from the i18n plugin's per-language builds, and whether a
build may use a second process.

mkdocs-static-i18n builds the default language, then, from its own
``on_post_build``, builds every other language into the same site folder with
its ``building`` flag set. A hook that must act once per site (after every
language exists) runs its ``on_post_build`` after the plugin's (priority
below -100) and acts only when this returns True.
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig


def is_outermost(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise RuntimeError("the i18n plugin is not configured; the project's hooks rely on it")
    return not plugin.building


def may_fork(command: str, dirty: bool) -> bool:
    """Whether this build may fork a second process: full builds only (``mkdocs serve`` runs threads,
    and dirty builds are small), on two or more cores, unless ``KB_BUILD_PROCESSES=1``
    (``2`` forces it on one core)."""
    setting = os.environ.get("KB_BUILD_PROCESSES", "")
    if setting not in ("", "1", "2"):
        raise ValueError(f"KB_BUILD_PROCESSES must be 1 or 2, not '{setting}'")
    wanted = int(setting) if setting else min(2, os.cpu_count() or 1)
    return command == "build" and not dirty and wanted == 2 and hasattr(os, "fork")
