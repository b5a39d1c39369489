"""Short links, redirects, QR codes and the link-stability check."""

from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path

import yaml

from kb.paths import DATA, ROOT
from kb.redirects import load
from tests.qrscan import decode

spec = importlib.util.spec_from_file_location("link_stability", ROOT / "scripts" / "link_stability.py")
link_stability = importlib.util.module_from_spec(spec)
spec.loader.exec_module(link_stability)


def test_every_short_link_resolves(site_dir: Path) -> None:
    codes = yaml.safe_load((DATA / "shortlinks.yml").read_text(encoding="utf-8"))
    for code in codes:
        for prefix in ("", "en/"):
            page = site_dir / prefix / "go" / code / "index.html"
            text = page.read_text(encoding="utf-8")
            url = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', text).group(1)
            path, _, anchor = url.partition("#")
            target = (page.parent / path / "index.html").resolve()
            assert target.exists(), f"/{prefix}go/{code}/ → {url}"
            if anchor:
                assert f'id="{anchor}"' in target.read_text(encoding="utf-8"), f"/{prefix}go/{code}/ → #{anchor}"


def test_short_link_to_missing_anchor_fails_loudly(tmp_path: Path, monkeypatch) -> None:
    import kb.redirects as redirects

    bad = tmp_path / "shortlinks.yml"
    bad.write_text("x: law/anti-domestic-violence-law.md#art-99\n", encoding="utf-8")
    monkeypatch.setattr(redirects, "SHORTLINKS_FILE", bad)
    try:
        load()
    except ValueError as error:
        assert "art-99" in str(error)
    else:
        raise AssertionError("a short link to a missing anchor must fail")


def test_every_page_has_a_qr_code_of_its_address(site_dir: Path) -> None:
    pages = [p for p in site_dir.rglob("index.html") if "/go/" not in p.as_posix()]
    assert len(pages) > 100
    for page in pages:
        text = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in text:
            continue
        assert 'class="kb-qr"' in text, page
    law = (site_dir / "law" / "anti-domestic-violence-law" / "index.html").read_text(encoding="utf-8")
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', law).group(1)
    codes = re.findall(r'<svg viewBox="[^"]+" class="kb-qr">.*?</svg>', law)
    assert len(codes) == 2, "the share panel and the print footer each show the code"
    assert {decode(code) for code in codes} == {canonical}, "the QR code encodes the page's canonical address"


def test_manifest_is_served_by_the_build(site_dir: Path) -> None:
    assert link_stability.read_manifest(), "data/published-urls.txt is empty"
    assert link_stability.check(site_dir) == []


def test_removing_a_published_page_fails(site_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy, symlinks=True)
    shutil.rmtree(copy / "help" / "warning-letter")
    missing = link_stability.check(copy)
    assert "/help/warning-letter/" in missing
    # A redirect page at the old address keeps the URL alive.
    (copy / "help" / "warning-letter").mkdir()
    (copy / "help" / "warning-letter" / "index.html").write_text("redirect", encoding="utf-8")
    assert "/help/warning-letter/" not in link_stability.check(copy)


def test_removing_an_article_anchor_fails(site_dir: Path, tmp_path: Path) -> None:
    manifest = tmp_path / "urls.txt"
    link_stability.write_manifest({"/law/anti-domestic-violence-law/#art-23"}, manifest)
    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy, symlinks=True)
    page = copy / "law" / "anti-domestic-violence-law" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace('id="art-23"', 'id="art-x"'), encoding="utf-8")
    assert link_stability.check(copy, manifest) == ["/law/anti-domestic-violence-law/#art-23"]
