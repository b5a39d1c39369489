"""make serve (mkdocs serve --dirty): after an edit, the changed page, the
pages that list it and the search index are up to date.

Two builds in one process, as ``mkdocs serve`` runs them: the first renders
everything, the second (after editing a case) only what changed, plus what
kb/hooks/dirty_reload.py adds.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kb.citations import page_citations
from kb.laws import page_articles

ROOT = Path(__file__).resolve().parent.parent
CASE = "cases/protection-order-spouse.md"
LAW = "people-mediation-law"
MARKER = "预览修改标记"

SERVE_SCRIPT = """
import shutil, sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

docs_dir, site_dir, case, title, addition, before = sys.argv[1:7]
config = load_config(config_file="mkdocs.yml", docs_dir=docs_dir, site_dir=site_dir, strict=False)
config.plugins.on_startup(command="serve", dirty=True)
build(config, dirty=True)
shutil.copytree(site_dir, before)
page = Path(docs_dir) / case
text = page.read_text(encoding="utf-8")
lines = text.split("\\n")
lines[2] = f"title: {title}"
text = "\\n".join(lines).replace("tags: [protection-order, evidence, court, police]",
                                 "tags: [protection-order, evidence, court, police, shelter]")
page.write_text(text + addition, encoding="utf-8")
config = load_config(config_file="mkdocs.yml", docs_dir=docs_dir, site_dir=site_dir, strict=False)  # as serve does
build(config, dirty=True)
"""


def _uncited_article() -> str:
    """An article of LAW that no page cites, so its "cited in" list appears only after the edit."""
    cited: set[str] = set()
    for path in (ROOT / "docs").rglob("*.md"):
        cited |= page_citations(path, "")[0]
    for article in page_articles(ROOT / "docs" / "law" / f"{LAW}.md"):
        if f"{LAW}#{article}" not in cited:
            return article
    pytest.skip(f"every article of {LAW} is cited")


def _index(site: Path, prefix: str = "") -> list[dict]:
    return json.loads((site / prefix / "search" / "search_index.full.json").read_text(encoding="utf-8"))["docs"]


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    work = tmp_path_factory.mktemp("dirty")
    docs, site, before = work / "docs", work / "site", work / "before"
    shutil.copytree(ROOT / "docs", docs)
    article = _uncited_article()
    number = article.removeprefix("art-")
    title = f"{MARKER}：丈夫多次殴打妻子"
    addition = f"\n{MARKER}：依据[[人民调解法 {number}]]。\n"
    result = subprocess.run(
        [sys.executable, "-c", SERVE_SCRIPT, str(docs), str(site), CASE, title, addition, str(before)],
        cwd=ROOT, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        pytest.fail(f"dirty builds failed:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return before, site, article


def test_the_edited_page_is_rendered_again(rebuilt: tuple[Path, Path, str]) -> None:
    before, site, _ = rebuilt
    page = "cases/protection-order-spouse/index.html"
    assert MARKER not in (before / page).read_text(encoding="utf-8")
    assert MARKER in (site / page).read_text(encoding="utf-8")


def test_the_english_twin_shows_the_new_tag(rebuilt: tuple[Path, Path, str]) -> None:
    """Tags are written in the Chinese page only; the English page, unchanged itself, shows them."""
    before, site, _ = rebuilt
    page = "en/cases/protection-order-spouse/index.html"
    assert "tag/shelter/" not in (before / page).read_text(encoding="utf-8")
    assert "tag/shelter/" in (site / page).read_text(encoding="utf-8")


def test_the_case_index_shows_the_new_title(rebuilt: tuple[Path, Path, str]) -> None:
    before, site, _ = rebuilt
    assert MARKER not in (before / "cases/index.html").read_text(encoding="utf-8")
    assert MARKER in (site / "cases/index.html").read_text(encoding="utf-8")


def test_the_newly_cited_law_page_lists_the_case(rebuilt: tuple[Path, Path, str]) -> None:
    before, site, article = rebuilt
    law = f"law/{LAW}/index.html"
    link = 'href="../../cases/protection-order-spouse/"'
    assert link not in (before / law).read_text(encoding="utf-8")
    html = (site / law).read_text(encoding="utf-8")
    assert link in html[html.index(f'id="{article}"'):], "the case is not listed under the article it now cites"


def test_the_search_index_keeps_every_page_once(rebuilt: tuple[Path, Path, str]) -> None:
    before, site, _ = rebuilt
    for prefix in ("", "en"):
        old, new = _index(before, prefix), _index(site, prefix)
        locations = [entry["location"] for entry in new]
        assert len(locations) == len(set(locations)), f"{prefix or 'zh'}: entries repeated"
        assert sorted(locations) == sorted(entry["location"] for entry in old), f"{prefix or 'zh'}: pages lost"
    # Material puts zero-width spaces between the words of Chinese text.
    assert sum(MARKER in entry["text"].replace("\u200b", "") for entry in _index(site)) == 1
