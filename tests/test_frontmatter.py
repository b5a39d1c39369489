"""The front-matter cache the build's hooks share: the same split as split_front_matter, renewed on save."""

from __future__ import annotations

import os
from pathlib import Path

from kb.frontmatter import read_meta, read_page, split_front_matter


def _save(path: Path, text: str, version: int) -> None:
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(version, version))  # a distinct modification time, as a later save has


def test_read_page_splits_as_split_front_matter(tmp_path: Path) -> None:
    page = tmp_path / "case.md"
    for text in ("---\ntitle: 甲\ncites:\n- 反家庭暴力法 23\n---\n\n# 甲\n\n正文 [[反家庭暴力法 16]]\n",
                 "# no front matter\n\ntext\n",
                 "---\ntitle: [unclosed\n---\nbody\n",  # malformed: everything is body, as split_front_matter says
                 "---\ntitle: not closed\n"):
        _save(page, text, len(text) * 1_000_000_000)
        meta, body, _ = split_front_matter(text)
        assert read_page(page) == (meta, body)
        assert read_meta(page) == meta


def test_a_saved_file_is_read_again(tmp_path: Path) -> None:
    page = tmp_path / "case.md"
    _save(page, "---\ntitle: before\n---\nold body\n", 1_000_000_000)
    assert read_page(page) == ({"title": "before"}, "old body\n")
    _save(page, "---\ntitle: after\n---\nnew body\n", 2_000_000_000)
    assert read_meta(page) == {"title": "after"}
    assert read_page(page) == ({"title": "after"}, "new body\n")
