"""Give Material's search dialog an accessible name.

Material marks the search overlay ``role="dialog"`` without a name, so screen
readers announce an unnamed dialog (Lighthouse and axe: aria-dialog-name).
Material has no template block for it; its partial is generated and would be
copied whole to add one attribute, so the attribute is added to the rendered
page instead, and the build fails if Material ever renders it differently.
"""

from __future__ import annotations

import html

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from kb.hooks.templates import translate

DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def name_dialog(output: str, language: str, where: str) -> str:
    if DIALOG not in output:
        raise ValueError(f"search_dialog: {where} has no Material search dialog as expected: {DIALOG}")
    label = html.escape(translate("search.dialog", language), quote=True)
    return output.replace(DIALOG, DIALOG[:-1] + f' aria-label="{label}">', 1)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return name_dialog(output, str(config.theme["language"]), page.file.src_uri)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return name_dialog(output, str(config.theme["language"]), template_name) if template_name == "404.html" else output
