"""Content mistakes stop the build with the checks' own report (file, line, rule, Chinese message),
never a Python traceback (kb/build_errors.py). Built with the mkdocs command, as make build does."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

CASE = "cases/protection-order-spouse.md"


def mkdocs_build(docs: Path, site: Path, processes: int) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` of ``docs`` with the project's configuration (inherited, so hooks resolve)."""
    config = ROOT / f".mkdocs-test-{os.getpid()}-{processes}.yml"
    config.write_text(f"INHERIT: mkdocs.yml\ndocs_dir: {docs}\n", encoding="utf-8")
    try:
        return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "--site-dir",
                               str(site)], cwd=ROOT, capture_output=True, text=True, check=False,
                              env=dict(os.environ, NO_MKDOCS_2_WARNING="1", KB_BUILD_PROCESSES=str(processes)))
    finally:
        config.unlink()


@pytest.mark.parametrize(("processes", "mistake", "rule"), [
    (1, ("category: protection-order", "category: protection-ordr"), "FM003"),
    (2, ("category: protection-order", "category: protection-ordr"), "FM003"),
    (1, ("（[[反家庭暴力法 23]]）", "（[[反家庭暴力法 99]]）"), "CITE003"),
])
def test_a_content_mistake_is_reported_like_the_checks(tmp_path: Path, processes: int, mistake: tuple[str, str],
                                                       rule: str) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    for name in (CASE, CASE.replace(".md", ".en.md")):
        page = docs / name
        page.write_text(page.read_text(encoding="utf-8").replace(*mistake), encoding="utf-8")
    result = mkdocs_build(docs, tmp_path / "site", processes)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output, output[-3000:]
    assert f"docs/{CASE}:" in output and f" error {rule} " in output, output[-3000:]
    assert "构建中止" in output
