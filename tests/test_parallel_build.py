"""kb/hooks/parallel_languages.py: building English in a second process changes
nothing in the site, and a failure there fails the build."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, build_site


def digests(site: Path) -> dict[str, str]:
    return {path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(site.rglob("*")) if path.is_file()}


def test_two_processes_build_exactly_what_one_builds(site_dir: Path, tmp_path: Path) -> None:
    # The session's site is built with two processes (tests/conftest.py); build the same docs with one.
    sequential = tmp_path / "site"
    result = build_site(site_dir.parent / "docs", sequential, processes=1)
    assert result.returncode == 0, result.stderr[-3000:]
    parallel, alone = digests(site_dir), digests(sequential)
    assert sorted(parallel) == sorted(alone), (
        f"only with two processes: {sorted(set(parallel) - set(alone))[:10]}; "
        f"only with one: {sorted(set(alone) - set(parallel))[:10]}")
    differing = [name for name in parallel if parallel[name] != alone[name]]
    assert not differing, f"files that differ: {differing[:20]}"
    for name in ("sitemap.xml", "en/sitemap.xml", "search/search_index.json", "en/search/search_index.json"):
        assert name in parallel  # the files the two processes' results are merged into


def test_a_failure_in_the_english_build_fails_the_build(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    # An English-only page with a link to nowhere: a strict-mode warning in the English build alone.
    (docs / "kb-test-broken.en.md").write_text(
        "---\ntitle: Broken link test\ndescription: A page with a broken link.\n---\n\n"
        "# Broken link test\n\n[Nowhere](kb-test-nowhere.md)\n", encoding="utf-8")
    result = build_site(docs, tmp_path / "site", processes=2)
    assert result.returncode != 0
    assert "building the other languages failed" in result.stdout, result.stdout[-2000:]
    assert "in strict mode" in result.stdout


@pytest.mark.parametrize("broken", ["no closing tag", "trailing text"])
def test_merged_sitemap_refuses_an_unexpected_sitemap(broken: str) -> None:
    from kb.hooks.parallel_languages import merged_sitemap

    good = '<?xml version="1.0"?>\n<urlset xmlns="x">\n    <url>\n        <loc>a</loc>\n    </url>\n</urlset>'
    other = good.replace("<loc>a</loc>", "<loc>b</loc>")
    assert merged_sitemap(good, other) == good.replace("\n</urlset>", "") + "\n    <url>\n        <loc>b</loc>\n    </url>\n</urlset>"
    bad = good[: -len("</urlset>")] if broken == "no closing tag" else good + "\n<!-- more -->"
    with pytest.raises(RuntimeError, match="sitemap.xml"):
        merged_sitemap(bad, other)
