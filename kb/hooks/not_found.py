"""Write one 404 page per language: ``/404.html`` (zh) and ``/en/404.html``.

MkDocs writes static templates such as ``404.html`` to the root of the site
directory. The i18n plugin runs one build per language into the same folder,
so the English 404 page would overwrite the Chinese one and no ``/en/404.html``
would exist. This hook keeps each language's rendering and, once every
language has been built, writes each to its own place.
"""

from __future__ import annotations

from copy import deepcopy
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

DEFAULT_LANGUAGE = "zh"
_rendered: dict[str, str] = {}
_depth = 0  # builds in progress: the i18n plugin nests each language's build


def on_pre_build(config: MkDocsConfig) -> None:
    global _depth
    _depth += 1


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


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name == "404.html":
        _rendered[str(config.theme["language"])] = output_content
    return output_content


@event_priority(-200)  # after the i18n plugin (-100) has built the other languages
def on_post_build(config: MkDocsConfig) -> None:
    global _depth
    _depth -= 1
    if _depth > 0:
        return  # an inner build of the i18n plugin; the outermost build writes
    site = Path(config.site_dir)
    for language, html in _rendered.items():
        target = site / "404.html" if language == DEFAULT_LANGUAGE else site / language / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    if DEFAULT_LANGUAGE not in _rendered:
        raise RuntimeError("not_found hook: the Chinese 404 page was never rendered")
    _rendered.clear()
