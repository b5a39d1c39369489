"""Shared fixtures: one strict build of the site per test session.

The build uses the repository's own mkdocs.yml and docs/, plus one extra
Chinese-only page (``kb-test-untranslated.md``) so that the English fallback
notice can be tested without leaving an untranslated page in the real site.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
UNTRANSLATED_PAGE = "kb-test-untranslated.md"

BUILD_SCRIPT = """
import sys

import pathspec
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

docs_dir, site_dir, extra_page = sys.argv[1:4]
config = load_config(config_file="mkdocs.yml", docs_dir=docs_dir, site_dir=site_dir)
patterns = [p.pattern for p in config.not_in_nav.patterns] if config.not_in_nav else []
config.not_in_nav = pathspec.GitIgnoreSpec.from_lines([*patterns, "/" + extra_page])

config.plugins.on_startup(command="build", dirty=False)  # as `mkdocs build` does
try:
    build(config)
except Abort as error:  # a SystemExit, silent unless shown, as the mkdocs command shows it
    error.show()
    raise
config.plugins.on_shutdown()
"""


def build_site(docs_dir: Path, site_dir: Path, processes: int = 2) -> subprocess.CompletedProcess[str]:
    """Build ``docs_dir`` with the project's config, strictly, in a subprocess.

    A subprocess keeps the i18n plugin's per-build state out of the test
    process and makes the build exactly what ``mkdocs build`` does. By default
    the English site is built in a second process (kb/hooks/parallel_languages.py),
    as ``mkdocs build`` does on a machine with two cores, on any machine.
    """
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", KB_BUILD_PROCESSES=str(processes))
    return subprocess.run(
        [sys.executable, "-c", BUILD_SCRIPT, str(docs_dir), str(site_dir), UNTRANSLATED_PAGE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site: the real docs plus one untranslated test page."""
    work = tmp_path_factory.mktemp("build")
    docs = work / "docs"
    shutil.copytree(ROOT / "docs", docs)
    (docs / UNTRANSLATED_PAGE).write_text(
        "---\ntitle: 测试用未翻译页面\ndescription: 只有中文版本的测试页面。\n---\n\n"
        "# 测试用未翻译页面\n\n本页只有中文版本。\n",
        encoding="utf-8",
    )
    site = work / "site"
    result = build_site(docs, site)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return site
