"""Front matter: the YAML block between ``---`` lines at the top of a page.

MkDocs reads it too, but reports a broken block only as a warning without a
line number. Here it is parsed once, and errors carry the line in the file as
the volunteer sees it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from kb.twins import chinese_twin, is_english, merged

# libyaml's loader when PyYAML was built with it: the build parses every
# page's front matter several times (citations, cases, law index).
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class SafeLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """The safe loader, except that a date-shaped value that is no real day (2026-02-30) stays a
    string: the schema then reports it as an invalid date at its line, where PyYAML would raise."""


def _timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


SafeLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
ALIAS = re.compile(r"(?<![\w&*])[&*][A-Za-z0-9_-]+")

DELIMITER = "---"
# The line that closes the block: --- or ..., then only whitespace (as str.rstrip() strips it).
CLOSING = re.compile(r"^(?:---|\.\.\.)[^\S\n]*$", re.M)


@dataclass
class FrontMatterError(Exception):
    """A front-matter problem at ``line``/``col`` (1-based, in the file)."""

    code: str
    line: int
    col: int
    message_zh: str
    message_en: str


def split_front_matter(text: str) -> tuple[dict[str, Any], str, int]:
    """Return (meta, body, body_first_line); an absent block gives an empty dict.

    Never raises: callers that need errors use :func:`parse_front_matter`.
    """
    try:
        return parse_front_matter(text)
    except FrontMatterError:
        return {}, text, 1


def parse_front_matter(text: str) -> tuple[dict[str, Any], str, int]:
    """Parse the block strictly; raise FrontMatterError with a file line."""
    first_end = text.find("\n")
    if text[: first_end if first_end >= 0 else len(text)].rstrip() != DELIMITER:
        return {}, text, 1
    # Only the front-matter lines are looked at: splitting the whole page into lines cost more than the YAML.
    closing = CLOSING.search(text, first_end + 1) if first_end >= 0 else None
    if closing is None:
        raise FrontMatterError("FM001", 1, 1, "前置元数据没有结束：缺少第二行 ---",
                               "front matter is not closed: the second --- line is missing")
    block = text[first_end + 1: max(closing.start() - 1, first_end + 1)]
    line_end = text.find("\n", closing.start())
    body = text[line_end + 1:] if line_end >= 0 else ""
    closing_line = text.count("\n", 0, closing.start())  # 0-based
    try:
        meta = yaml.load(block, Loader=SafeLoader) if block.strip() else {}
    except yaml.YAMLError:
        error = _python_error(block)
        problem_mark = getattr(error, "problem_mark", None)
        context_mark = getattr(error, "context_mark", None)
        # A token scanned from one place to another (an unclosed quote runs to the end of the
        # block): the problem is where it starts, and where the scanner gave up is the context.
        scanning = str(getattr(error, "context", "") or "").startswith("while scanning")
        mark = (context_mark if scanning and context_mark else problem_mark) or context_mark
        line = (mark.line + 2) if mark else 2  # +1 for 1-based, +1 for the opening ---
        col = (mark.column + 1) if mark else 1
        problem = getattr(error, "problem", None) or str(error)
        if scanning and problem_mark is not None and problem_mark is not mark:
            problem += f"（第 {problem_mark.line + 2} 行 / line {problem_mark.line + 2}）"
        raise FrontMatterError("FM002", line, col, f"YAML 语法错误：{problem}",
                               f"YAML syntax error: {problem}") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise FrontMatterError("FM002", 2, 1, "前置元数据应为“字段: 值”的形式",
                               "front matter must be a mapping of field: value")
    try:
        return normalise(meta), body, closing_line + 2
    except RecursionError:  # x: &a [*a] — a value that contains itself
        alias = ALIAS.search(block)
        line = block.count("\n", 0, alias.start()) + 2 if alias else 2
        col = alias.start() - block.rfind("\n", 0, alias.start()) if alias else 1
        raise FrontMatterError("FM002", line, col, "YAML 别名（&…、*…）引用了自身，无法展开；请直接写出值",
                               "a YAML alias (&…, *…) refers to itself and cannot be expanded; write the value out") from None


def read_meta(path: Path) -> dict[str, Any]:
    """The front matter of a file, parsed once per version of the file; an English page's
    with the language-neutral fields of its Chinese twin (:func:`with_twin`)."""
    return with_twin(path, dict(_parsed(path, path.stat().st_mtime_ns)[0]))


def read_page(path: Path) -> tuple[dict[str, Any], str]:
    """The front matter and the body of a file, as ``split_front_matter`` splits them;
    the front matter is parsed once per version of the file, and merged, as for ``read_meta``."""
    version = path.stat().st_mtime_ns  # before reading: a file saved in between is read again next time
    text = path.read_text(encoding="utf-8")
    items, body_start = _parsed(path, version, text)
    return with_twin(path, dict(items)), text[body_start:]


def with_twin(path: Path, meta: dict[str, Any]) -> dict[str, Any]:
    """``meta`` of the page at ``path``; for an English page, merged with its Chinese twin's
    language-neutral fields (kb.twins), which are written in the Chinese page only.

    The build reads every page's front matter through here (read_meta, read_page, and the
    page_meta hook for page.meta), so every consumer sees the merged fields.
    """
    if not is_english(path):
        return meta
    twin = chinese_twin(path)
    try:
        version = twin.stat().st_mtime_ns
    except OSError:  # no Chinese page (I18N005): the English page has only what it says itself
        return meta
    return merged(dict(_parsed(twin, version)[0]), meta)


# path -> (version, front-matter items, where the body starts): the build's hooks read
# every page's front matter (cases, citations, feed), and each language's build does it again.
_cache: dict[Path, tuple[int, tuple[tuple[str, Any], ...], int]] = {}


def _parsed(path: Path, version: int, text: str | None = None) -> tuple[tuple[tuple[str, Any], ...], int]:
    cached = _cache.get(path)
    if cached is None or cached[0] != version:
        text = path.read_text(encoding="utf-8") if text is None else text
        meta, body, _ = split_front_matter(text)
        cached = _cache[path] = (version, tuple(meta.items()), len(text) - len(body))
    return cached[1], cached[2]


@lru_cache(maxsize=256)
def _compose(block: str) -> yaml.Node | None:
    """The YAML node tree of a front-matter block, composed once per block (libyaml)."""
    return yaml.compose(block, Loader=SafeLoader)


def _python_error(block: str) -> yaml.YAMLError:
    """The error as PyYAML's pure-Python parser reports it.

    libyaml (used for speed) marks some errors at the end of the input; the
    Python parser names the line the volunteer has to fix, so errors are
    located with it.
    """
    try:
        yaml.load(block, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        return error
    return yaml.YAMLError("libyaml rejected this front matter (the Python parser accepts it)")


def normalise(value: Any) -> Any:
    """Dates become ISO strings, so the schemas see one type whether quoted or not.

    YAML 1.1 reads the key ``on`` (as in ``review: {on: 2026-11-28}``) as the
    boolean True; it is turned back into "on".
    """
    if isinstance(value, dict):
        return {("on" if k is True else str(k)): normalise(v) for k, v in value.items()}
    if isinstance(value, list):
        return [normalise(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def field_lines(text: str) -> dict[str, tuple[int, int]]:
    """The 0-based file lines [first, end) of each top-level front-matter field, with the lines
    indented under it, so a field can be removed without touching the others; {} when the block
    does not parse."""
    lines = text.split("\n")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].rstrip() in (DELIMITER, "..."))
        node = _compose("\n".join(lines[1:end]))
    except (StopIteration, yaml.YAMLError):
        return {}
    if not isinstance(node, yaml.MappingNode):
        return {}
    spans = {}
    for key_node, value_node in node.value:
        first = key_node.start_mark.line + 1  # +1: the opening ---
        last = max(value_node.end_mark.line + (1 if value_node.end_mark.column > 0 else 0), first)
        while last > first and lines[last].strip()[:1] in ("", "#"):  # a comment above the next field stays
            last -= 1
        spans[str(key_node.value)] = (first, last + 1)
    return spans


def without_fields(text: str, names: list[str]) -> str:
    """``text`` with the top-level front-matter fields ``names`` (and their indented lines) removed."""
    spans = field_lines(text)
    drop = {line for name in names if name in spans for line in range(*spans[name])}
    return "\n".join(line for index, line in enumerate(text.split("\n")) if index not in drop)


def key_line(text: str, path: list[str | int]) -> tuple[int, int]:
    """Best-effort file line/column of a front-matter field, for error reports.

    Walks the YAML node tree, so nested fields (``review.on``) and list items
    (``cites[2]``) point at the right line.
    """
    lines = text.split("\n")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].rstrip() in (DELIMITER, "..."))
        node = _compose("\n".join(lines[1:end]))
    except (StopIteration, yaml.YAMLError):
        return 1, 1
    best = node
    for part in path:
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            for key_node, value_node in node.value:
                if key_node.value == part:
                    best, node = key_node, value_node
                    break
            else:
                break
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = best = node.value[part]
        else:
            break
    if best is None:
        return 2, 1
    return best.start_mark.line + 2, best.start_mark.column + 1
