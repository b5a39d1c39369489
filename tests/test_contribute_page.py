"""The 参与编写 page (docs/about/contribute.md): its button opens GitHub's new-file page in the
cases folder, with a free case file name and the case scaffold of scripts/new.py, which the
checks hold back for its placeholders (FILE010) and accept once they are written.

The link is read from the built page and taken apart as GitHub reads it; the repository,
branch and docs folder it must name are read from mkdocs.yml here, not from the hook.
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from kb.checks.checkers.files import SLUG
from kb.checks.rules import ERROR
from kb.checks.runner import run
from kb.frontmatter import split_front_matter
from kb.new_case_link import MAX_URL, branch_and_docs
from kb.site_config import top_level
from tests.test_new import highest_case_number

ROOT = Path(__file__).resolve().parent.parent
BUTTON = re.compile(r'<a\b[^>]*\bdata-kb-new-case="[^"]*"[^>]*>')
HREF = re.compile(r'\bhref="([^"]*)"')
PLACEHOLDERS = ("**待填写：**", "待填写：")


def button_url(site_dir: Path, prefix: str) -> str:
    """The address the built page's new-case button opens."""
    page = (site_dir / prefix / "about" / "contribute" / "index.html").read_text(encoding="utf-8")
    buttons = BUTTON.findall(page)
    assert len(buttons) == 1, f"{prefix}about/contribute/: expected one new-case button, found {len(buttons)}"
    href = HREF.search(buttons[0])
    assert href is not None
    return html.unescape(href.group(1))


def prefilled(url: str) -> tuple[str, str]:
    """The file name and the text GitHub fills in from the address."""
    query = parse_qs(urlsplit(url).query, strict_parsing=True, keep_blank_values=True)
    assert sorted(query) == ["filename", "value"] and all(len(values) == 1 for values in query.values())
    return query["filename"][0], query["value"][0]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_button_opens_the_new_file_page_of_the_cases_folder(site_dir: Path, prefix: str) -> None:
    url = button_url(site_dir, prefix)
    repository = urlsplit(top_level("repo_url"))
    edit = top_level("edit_uri").strip("/").split("/")  # edit/<branch>/<docs folder>
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc) == (repository.scheme, repository.netloc)
    assert parts.path == f"{repository.path.rstrip('/')}/new/{edit[1]}/{'/'.join(edit[2:])}/cases"
    assert len(url) <= MAX_URL, "GitHub refuses addresses longer than about 8 KB (414 URI Too Long)"

    filename, _ = prefilled(url)
    assert SLUG.match(filename) and not filename.endswith(".en.md"), f"{filename} breaks the file-name rule (FILE008)"
    assert not (ROOT / "docs" / "cases" / filename).exists(), f"{filename} would overwrite a case"


def test_prefilled_case_passes_the_checks_once_its_placeholders_are_written(site_dir: Path, tmp_path: Path) -> None:
    filename, text = prefilled(button_url(site_dir, ""))
    meta = split_front_matter(text)[0]
    assert meta["id"] == f"case-{highest_case_number(ROOT / 'docs') + 1:03d}"
    assert filename == f"{meta['id']}.md"
    assert {"title", "description", "category", "tags", "cites", "source", "review", "updated"} <= set(meta)

    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    case = docs / "cases" / filename
    case.write_text(text, encoding="utf-8")
    as_given = [p for p in run([case], docs=docs) if p.severity == ERROR]
    assert as_given and {p.rule for p in as_given} == {"FILE010"}, [f"{p.line}: {p.rule}" for p in as_given]

    written = text
    for placeholder in PLACEHOLDERS:
        written = written.replace(placeholder, "")
    case.write_text(written, encoding="utf-8")
    left = [f"{p.line}: {p.rule} {p.message('en')}" for p in run([case], docs=docs) if p.severity == ERROR]
    assert left == []


def test_edit_uri_without_a_branch_is_refused_with_the_reason() -> None:
    assert branch_and_docs("edit/main/docs/") == ("main", "docs")
    with pytest.raises(ValueError, match="edit_uri 'docs/'"):
        branch_and_docs("docs/")
