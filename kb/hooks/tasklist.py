"""Give every task-list checkbox an accessible name.

pymdownx.tasklist renders ``- [ ] 报警回执`` as a checkbox inside an empty
label, so screen readers announce "checkbox" with no name (axe: "label",
critical). Printable checklists are made of these, so each checkbox is named
after the text of its item.
"""

from __future__ import annotations

import html
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

ITEM = re.compile(
    r'(<li class="task-list-item">\s*<label class="task-list-control">\s*<input type="checkbox")([^>]*>)(.*?)(?=<li|</ul>|</ol>)',
    re.S,
)
TAG = re.compile(r"<[^>]+>")


def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    def name(match: re.Match[str]) -> str:
        text = " ".join(html.unescape(TAG.sub(" ", match.group(3))).split())[:120]
        if not text:
            raise ValueError(f"{page.file.src_uri}: a task-list item has no text to name its checkbox")
        return f'{match.group(1)} aria-label="{html.escape(text, quote=True)}"{match.group(2)}{match.group(3)}'

    return ITEM.sub(name, content)
