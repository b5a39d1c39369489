"""``--fix``: repair what can be repaired without judgement.

A BOM is removed; look-alike characters become the ideographs they imitate;
outside law pages, punctuation and spacing are corrected by autocorrect.
Statute text is never touched by the spacing and punctuation fixer, and a
file is written only when something changed.
"""

from __future__ import annotations

from pathlib import Path

from kb.checks.checkers.characters import fixed
from kb.checks.workspace import Page
from kb.frontmatter import split_front_matter
from kb.paths import DOCS


def fix_file(path: Path) -> bool:
    """Fix one file in place; return whether it changed."""
    data = path.read_bytes()
    if b"\x00" in data:
        return False
    had_bom = data.startswith(b"\xef\xbb\xbf")
    try:
        text = data[3 if had_bom else 0:].decode("utf-8")
    except UnicodeDecodeError:
        return False
    _, _, body_line = split_front_matter(text)
    page = Page(path, text) if path.is_relative_to(DOCS) else None
    statute = page is not None and page.kind == "law"
    offset = sum(len(line) + 1 for line in text.split("\n")[: body_line - 1])
    new = fixed(text, min(offset, len(text)), statute)
    if new == text and not had_bom:
        return False
    path.write_text(new, encoding="utf-8")
    return True


def fix_files(paths: list[Path], language: str) -> list[str]:
    changed = [path for path in paths if path.is_file() and not path.is_symlink() and fix_file(path)]
    label = "已修正" if language == "zh" else "fixed"
    return [f"{label}: {path}" for path in changed]
