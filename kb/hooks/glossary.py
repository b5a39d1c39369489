"""The glossary page: every term of data/glossary.yml, with the English the site uses for it,
the renderings it does not use, and a definition, where the page says ``<!-- glossary -->``.

The same file gives the tooltips (kb.markdown.cjk_abbr) and the terminology check (TERM001),
so the page, the tooltips and the check cannot disagree.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from kb import markers
from kb.glossary import terms

MARKER = "<!-- glossary -->"
PAGES = ("about/glossary.md", "about/glossary.en.md")
COLUMNS = {
    "zh": ("中文", "英文（本站用法）", "不使用的译法", "说明"),
    "en": ("Chinese", "English used on this site", "Not used", "Meaning"),
}


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table(language: str) -> str:
    columns = COLUMNS[language]
    rows = ["| " + " | ".join(columns) + " |", "|" + " --- |" * len(columns)]
    for term in terms():
        avoid = "、".join(term.discouraged) if language == "zh" else "; ".join(term.discouraged)
        meaning = term.zh_definition if language == "zh" and term.zh_definition else term.en_definition
        rows.append(f"| {cell(term.zh)} | **{cell(term.en)}** | {cell(avoid) or '—'} | {cell(meaning)} |")
    return "\n".join(rows) + "\n"


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri not in PAGES:
        return markdown
    return markers.fill(markdown, MARKER, table(str(config.theme["language"])), page.file.src_uri, "the glossary")
