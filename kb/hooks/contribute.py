"""The 参与编写 page (about/contribute.md): the button that creates a case in the browser, and
the links to the repository's issue forms, filled in where the page says so.

``<!-- new-case-link -->`` becomes the button (kb/new_case_link.py) and the file name and id it
fills in; ``<!-- repository-links -->`` becomes Markdown link definitions (``[issues]: …``)
for the page's links into the repository, so its address is written once, in mkdocs.yml.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from kb import markers
from kb.new_case_link import new_case

PAGES = ("about/contribute.md", "about/contribute.en.md")
BUTTON_MARKER = "<!-- new-case-link -->"
LINKS_MARKER = "<!-- repository-links -->"
# Reference name -> path under repo_url; {branch} is edit_uri's branch.
REPOSITORY_LINKS = {
    "new-case-form": "issues/new?template=new-case.yml",
    "issues": "issues",
    "contributing": "blob/{branch}/CONTRIBUTING.md",
    "taxonomy": "blob/{branch}/data/taxonomy.yml",
}
TEXT = {
    "zh": ("在 GitHub 上新建案例",
           "按钮打开 GitHub 的新建文件页面，文件夹是 `{folder}`，文件名已填为 `{filename}`，"
           "案例编号 `{case_id}` 是本站最近一次更新时下一个未用的编号。"),
    "en": ("Create a case on GitHub",
           "The button opens GitHub's new-file page in the folder `{folder}`, with the file name `{filename}`; "
           "the case id `{case_id}` is the next free one when the site was last updated."),
}


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri not in PAGES:
        return markdown
    language = "en" if str(config.theme["language"]) == "en" else "zh"
    case = new_case(str(config.repo_url), str(config.edit_uri), Path(config.docs_dir), dt.date.today())
    label, note = TEXT[language]
    button = (f'[{label}]({case.url}){{ .md-button .md-button--primary data-kb-new-case="{case.case_id}" }}\n\n'
              + note.format(folder=case.folder, filename=case.filename, case_id=case.case_id))
    repository = str(config.repo_url).rstrip("/")
    links = "\n".join(f"[{name}]: {repository}/{path.format(branch=case.branch)}"
                      for name, path in REPOSITORY_LINKS.items())
    markdown = markers.fill(markdown, BUTTON_MARKER, button, page.file.src_uri, "the new-case button")
    return markers.fill(markdown, LINKS_MARKER, links, page.file.src_uri, "the repository's links")
