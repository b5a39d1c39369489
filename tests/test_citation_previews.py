"""The citation hook's article previews: made once per article, and made again when its law page changes.

``make serve`` keeps the hook's module loaded between rebuilds, so a cache
that kept every version of a law page would grow with each edit.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from kb.citations import parse_reference, resolve
from kb.hooks import citations as hook


@pytest.fixture
def law_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stand-in law page whose one article is the file's text."""
    source = tmp_path / "law.md"
    source.write_text("第一版", encoding="utf-8")
    monkeypatch.setattr(hook, "_previews", {})
    monkeypatch.setattr(hook, "preview_source", lambda target, language: (source, language))
    monkeypatch.setattr(hook, "page_articles", lambda path: {
        "art-23": SimpleNamespace(paragraphs=[path.read_text(encoding="utf-8")])})
    monkeypatch.setattr(hook, "link_text", lambda target, full, language: "第二十三条")
    return source


def test_preview_follows_the_law_page_and_keeps_one_entry(law_file: Path) -> None:
    target = resolve(parse_reference("反家庭暴力法 23"))[0]
    assert "第一版" in hook.preview(target, "zh")
    law_file.write_text("第二版", encoding="utf-8")
    stat = law_file.stat()
    os.utime(law_file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    second = hook.preview(target, "zh")
    assert "第二版" in second and "第一版" not in second
    assert len(hook._previews) == 1


def test_preview_is_made_once_per_version(law_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = resolve(parse_reference("反家庭暴力法 23"))[0]
    made = []
    articles = hook.page_articles
    monkeypatch.setattr(hook, "page_articles", lambda path: made.append(path) or articles(path))
    first = hook.preview(target, "zh")
    assert hook.preview(target, "zh") == first
    assert len(made) == 1
