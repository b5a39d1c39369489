"""``--fix``: repair what can be repaired without judgement.

A BOM is removed; Windows line endings become LF; citations typed with
full-width brackets (【【…】】) get ASCII ones; look-alike characters become
the ideographs they imitate; outside law pages, punctuation and spacing are
corrected by autocorrect. Statute text is never touched by the spacing and
punctuation fixer, and a file is written only when something changed.

An English page loses the language-neutral fields it repeats from its Chinese
page (FM008: they are written in the Chinese page only). A field whose value
differs from the Chinese page's is left, and named: which one is right is for
the volunteer to decide (FM006).

A fix never hides personal data: the privacy rules run on the text before and
after, and a file whose fix would turn a personal-data error into a pass
(文三路88号 spaced into 文三路 88 号 was one) is left as it is and reported.
"""

from __future__ import annotations

from pathlib import Path

from kb.checks.checkers import Context
from kb.checks.checkers import personal_data
from kb.checks.checkers.characters import fixed
from kb.checks.checkers.citations import KEYBOARD_CITATION
from kb.checks.checkers.frontmatter import repeated_fields
from kb.checks.workspace import Page, Workspace
from kb.frontmatter import split_front_matter, without_fields
from kb.paths import DOCS
from kb.twins import chinese_twin, is_english

UNCHANGED, CHANGED, REFUSED = "unchanged", "changed", "refused"


def _personal_data(path: Path, text: str, docs: Path) -> set[tuple[str, str]]:
    """The personal-data findings (rule, value) of ``text`` as the page ``path``."""
    ctx = Context(Page(path, text, docs), Workspace(docs), None)
    personal_data.check(ctx)
    return {(p.rule, str(dict(p.params).get("value", ""))) for p in ctx.problems}


def repeated_in_english(path: Path, text: str, docs: Path) -> tuple[str, list[str]]:
    """An English page's ``text`` without the language-neutral fields that repeat its Chinese page's,
    and the neutral fields whose value differs (left in place: a person must choose)."""
    if not is_english(path) or not path.is_relative_to(docs):
        return text, []
    chinese = Workspace(docs).page(chinese_twin(path))
    if chinese is None:  # no Chinese page: the English page keeps its fields (I18N005)
        return text, []
    same, different = repeated_fields(Page(path, text, docs), chinese)
    return (without_fields(text, same) if same else text), different


def fix_file(path: Path, docs: Path = DOCS) -> str:
    """Fix one file in place: UNCHANGED, CHANGED, or REFUSED (the fix would hide personal data)."""
    data = path.read_bytes()
    if b"\x00" in data:
        return UNCHANGED
    had_bom = data.startswith(b"\xef\xbb\xbf")
    try:
        original = data[3 if had_bom else 0:].decode("utf-8")
    except UnicodeDecodeError:
        return UNCHANGED
    text = original.replace("\r\n", "\n").replace("\r", "\n")
    text = KEYBOARD_CITATION.sub(lambda m: f"[[{m.group(1).strip()}]]", text)
    text, _ = repeated_in_english(path, text, docs)
    _, _, body_line = split_front_matter(text)
    page = Page(path, text, docs) if path.is_relative_to(docs) else None
    statute = page is not None and page.kind == "law"
    offset = sum(len(line) + 1 for line in text.split("\n")[: body_line - 1])
    new = fixed(text, min(offset, len(text)), statute)
    if new == original and not had_bom:
        return UNCHANGED
    if path.is_relative_to(docs) and len(_personal_data(path, new, docs)) < len(_personal_data(path, original, docs)):
        return REFUSED
    path.write_text(new, encoding="utf-8", newline="\n")
    return CHANGED


def fix_files(paths: list[Path], language: str, docs: Path = DOCS) -> list[str]:
    lines = []
    for path in paths:
        if not path.is_file() or path.is_symlink():
            continue
        result = fix_file(path, docs)
        if result == CHANGED:
            lines.append(f"{'已修正' if language == 'zh' else 'fixed'}: {path}")
        elif result == REFUSED:
            lines.append(f"未修正（修正后个人信息检查会漏掉疑似个人信息，请先删除个人信息）: {path}" if language == "zh"
                         else f"not fixed (the fix would hide suspected personal data; remove it first): {path}")
        different = repeated_in_english(path, path.read_text(encoding="utf-8", errors="replace"), docs)[1]
        if different:
            names = "、".join(different) if language == "zh" else ", ".join(different)
            lines.append(f"未删除 {names}（此字段只写在中文页面里，但英文页面的值与中文页面不同；请确定哪个值正确，"
                         f"写进中文页面，再删掉英文页面里的这一字段）: {path}" if language == "zh"
                         else f"not removed: {names} (written in the Chinese page only, but the English value differs; "
                              f"decide which is right, put it in the Chinese page, then delete it here): {path}")
    return lines
