"""Give every language root its own 404 page and sitemap.

MkDocs writes static templates (``404.html``, ``sitemap.xml``) to the root of
the site directory. The i18n plugin runs one build per language into the same
folder, so the English 404 page overwrote the Chinese one, and neither
``/en/404.html`` nor ``/en/sitemap.xml`` existed; Material's language selector
requests the latter on every English page. This hook keeps each language's
404 rendering and, once every language has been built, writes each 404 page
to its language root and copies the sitemap (which already lists every page
in both languages, with alternates) next to it.
"""

from __future__ import annotations

import shutil
from copy import deepcopy
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from kb.i18n_builds import is_outermost

DEFAULT_LANGUAGE = "zh"
SITEMAPS = ("sitemap.xml", "sitemap.xml.gz")
_rendered: dict[str, str] = {}


def on_pre_template(template: object, template_name: str, config: MkDocsConfig) -> object:
    """Point the 404 page's language switcher at each language's home page.

    The i18n plugin rewrites ``extra.alternate`` for every page it renders, so
    without this the 404 page would offer whichever page was rendered last.
    """
    if template_name == "404.html":
        i18n = config.plugins["i18n"]
        # The plugin assigns the attribute, which shadows the item; set both.
        config.extra["alternate"] = deepcopy(i18n.extra_alternate)
        config.extra.alternate = config.extra["alternate"]
    return template


@event_priority(-100)  # keep the 404 page as the other hooks leave it
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name == "404.html":
        _rendered[str(config.theme["language"])] = output_content
    return output_content


def language_state(config: MkDocsConfig) -> dict[str, str]:
    """The 404 pages rendered here, for kb/hooks/parallel_languages.py to send to the main process."""
    return dict(_rendered)


def merge_language_state(state: dict[str, str]) -> None:
    _rendered.update(state)


@event_priority(-200)  # after the i18n plugin (-100) has built the other languages
def on_post_build(config: MkDocsConfig) -> None:
    if not is_outermost(config):
        return  # an inner build of the i18n plugin; the outermost build writes
    site = Path(config.site_dir)
    for language, html in _rendered.items():
        target = site / "404.html" if language == DEFAULT_LANGUAGE else site / language / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    if DEFAULT_LANGUAGE not in _rendered:
        raise RuntimeError("language_roots hook: the Chinese 404 page was never rendered")
    for language in _rendered:
        if language == DEFAULT_LANGUAGE:
            continue
        for name in SITEMAPS:
            if not (site / name).exists():
                raise RuntimeError(f"language_roots hook: no {name} to copy (is the sitemap template enabled?)")
            shutil.copyfile(site / name, site / language / name)
    _rendered.clear()
