"""Pages as the checks see them: each file read once, parsed once, cached.

A ``Page`` holds the text, its line offsets, the front matter (or the error
that stopped it), and a "masked" copy of the text in which code and HTML
comments are blanked out with spaces. Rules search the masked text, so a
citation or phone number inside a code sample is not reported, while every
offset still maps to the line and column the volunteer sees.
"""

from __future__ import annotations

import bisect
import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from kb.checks.markdown import anchors, explicit_anchors
from kb.frontmatter import FrontMatterError, parse_front_matter
from kb.paths import DOCS, ROOT
from kb.twins import merged, twin

MAX_BYTES = 1_000_000
FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})[^\n]*$", re.M)
INLINE_CODE = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
ALLOW = re.compile(r"<!--\s*check:\s*allow\s+([A-Z0-9 ,]+?)\s*-->")


def has_fences(text: str) -> bool:
    """Whether ``text`` may hold a FENCE line: a substring test, cheaper than scanning for one."""
    return "```" in text or "~~~" in text


def blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with every character but newlines inside the sorted ``spans`` turned into a space."""
    parts: list[str] = []
    position = 0
    for start, end in spans:
        start = max(start, position)
        if end <= start:
            continue
        parts.append(text[position:start])
        # One string of spaces per line: a regex replacing each character cost more than the rules.
        parts.append("\n".join(" " * len(line) for line in text[start:end].split("\n")))
        position = end
    parts.append(text[position:])
    return "".join(parts)


@dataclass
class LoadProblem:
    rule: str
    params: dict[str, object] = field(default_factory=dict)
    line: int = 1
    col: int = 1


class Page:
    """One Markdown file under docs/."""

    def __init__(self, path: Path, text: str, docs: Path = DOCS) -> None:
        self.path = path
        self.text = text
        # String operations: pathlib's relative_to cost more than parsing the page on a large site.
        docs_prefix = str(docs).rstrip(os.sep) + os.sep
        self.rel = (str(path)[len(docs_prefix):] if str(path).startswith(docs_prefix) else path.name).replace(os.sep, "/")
        self.meta: dict[str, Any] = {}
        self.body = text
        self.body_line = 1
        self.front_matter_error: FrontMatterError | None = None
        self.has_front_matter = text.startswith("---")
        try:
            self.meta, self.body, self.body_line = parse_front_matter(text)
        except FrontMatterError as error:
            self.front_matter_error = error
        # What the file itself says; ``meta`` is what the rules read, for an English page merged with
        # its Chinese twin's language-neutral fields (Workspace.page, kb.twins).
        self.own_meta: dict[str, Any] = self.meta

    # Positions ---------------------------------------------------------
    @cached_property
    def line_starts(self) -> list[int]:
        return [0] + [m.end() for m in re.finditer("\n", self.text)]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset in the file."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    @property
    def body_offset(self) -> int:
        """Where the body starts: what the front-matter parse left, without splitting the file into lines
        (most pages have nothing to report, so need no line numbers)."""
        return len(self.text) - len(self.body)

    # Text for the rules -----------------------------------------------
    @cached_property
    def masked(self) -> str:
        """The file with front matter, fenced and inline code and HTML comments blanked."""
        # Most pages have no code and no comments: a substring test is cheaper than a scan.
        spans = [(0, self.body_offset)]
        fences = list(FENCE.finditer(self.text, self.body_offset)) if has_fences(self.text) else []
        index = 0
        while index < len(fences):
            opening = fences[index]
            marker = opening.group(1)
            closing = next(
                (f for f in fences[index + 1:] if f.group(1)[0] == marker[0] and len(f.group(1)) >= len(marker)
                 and f.group(0).strip() == f.group(1)),
                None,
            )
            spans.append((opening.start(), closing.end() if closing else len(self.text)))
            index = fences.index(closing) + 1 if closing else len(fences)
        text = blanked(self.text, spans)
        spans = [m.span() for m in INLINE_CODE.finditer(text) if "\n\n" not in m.group(0)] if "`" in text else []
        spans += [m.span() for m in HTML_COMMENT.finditer(text)] if "<!--" in text else []
        return blanked(text, sorted(spans))

    @cached_property
    def allowed(self) -> dict[int, set[str]]:
        """Rules switched off per line by ``<!-- check: allow RULE -->``."""
        allowed: dict[int, set[str]] = {}
        for match in ALLOW.finditer(self.text):
            line = self.position(match.start())[0]
            allowed.setdefault(line, set()).update(re.split(r"[ ,]+", match.group(1).strip()))
        return allowed

    @cached_property
    def anchors(self) -> set[str]:
        """Every ID the rendered page will have."""
        return anchors(self.masked)

    @cached_property
    def explicit_anchors(self) -> set[str]:
        return explicit_anchors(self.masked)

    # Classification ----------------------------------------------------
    @property
    def is_english(self) -> bool:
        return self.path.name.endswith(".en.md")

    @property
    def stem(self) -> str:
        """The page's name without language suffix: cases/foo for cases/foo.en.md."""
        return self.rel[: -len(".en.md")] if self.is_english else self.rel[: -len(".md")]

    @property
    def kind(self) -> str:
        """Which schema applies, decided by folder (CONTRIBUTING.md, 页面类型)."""
        parts = self.rel.split("/")
        if parts[-1] in ("index.md", "index.en.md") or len(parts) == 1 or self.stem in GENERAL_PAGES:
            return "page"
        return {"law": "law", "cases": "case", "help": "help", "guides": "guide", "training": "training",
                "questions": "question"}.get(
            parts[0], "page"
        )


# Pages in a section folder that are not of the section's kind: the law-updates page lists laws
# but is not a law page (it has no statute text).
GENERAL_PAGES = ("law/updates",)


class Workspace:
    """All pages the checks may need, loaded lazily and only once."""

    def __init__(self, docs: Path = DOCS) -> None:
        self.docs = docs
        self._pages: dict[str, Page | None] = {}
        self._keys: dict[Path | str, str] = {}
        # Answers that depend only on the pages, kept for the run (e.g. resolved citations).
        self.memo: dict[str, dict[object, object]] = {}
        self._load_problems: dict[str, list[LoadProblem]] = {}

    def page(self, path: Path | str) -> Page | None:
        """The page at ``path``, or None if it cannot be read as a Markdown page.

        Keyed by the normalised path string: rules look pages up tens of
        thousands of times on a large site, and building Path objects for
        each lookup cost more than reading the files.
        """
        key = self._key(path)
        if key not in self._pages:
            page = self._pages[key] = self._load(Path(key))
            if page is not None and page.is_english:
                twin = self.counterpart(page)
                if twin is not None:
                    page.meta = merged(twin.own_meta, page.own_meta)
        return self._pages[key]

    def _key(self, path: Path | str) -> str:
        key = self._keys.get(path)
        if key is None:
            key = self._keys[path] = os.path.normpath(os.path.join(ROOT, path))
        return key

    def load_problems(self, path: Path | str) -> list[LoadProblem]:
        """What stopped the file at ``path`` from being read as a page (after ``page(path)``)."""
        return self._load_problems.get(self._key(path), [])

    def _load(self, path: Path) -> Page | None:
        problems: list[LoadProblem] = []
        self._load_problems[str(path)] = problems
        if path.is_symlink():
            target = path.resolve()
            if not target.is_relative_to(self.docs.resolve()):
                problems.append(LoadProblem("FILE007", {"target": str(target)}))
                return None
        try:
            data = path.read_bytes()
        except OSError as error:
            problems.append(LoadProblem("FILE001", {"reason": error.strerror or str(error)}))
            return None
        if len(data) > MAX_BYTES:
            problems.append(LoadProblem("FILE005", {"size": len(data), "limit": MAX_BYTES}))
            return None
        if not data.strip():
            problems.append(LoadProblem("FILE003"))
            return None
        if b"\x00" in data:
            problems.append(LoadProblem("FILE004", line=data[: data.index(b"\x00")].count(b"\n") + 1))
            return None
        if data.startswith(b"\xef\xbb\xbf"):
            problems.append(LoadProblem("FILE006"))
            data = data[3:]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            problems.append(LoadProblem("FILE002", {"byte": error.start + 1},
                                        line=data[: error.start].count(b"\n") + 1))
            return None
        if "\r" in text:
            # Windows (CRLF) or old Mac (CR) line endings: read as LF so every other rule still works.
            first = text.index("\r")
            problems.append(LoadProblem("FILE009", line=text.count("\n", 0, first) + 1))
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        return Page(path, text, self.docs)

    def counterpart(self, page: Page) -> Page | None:
        """The other language's version of a page, if the file exists."""
        other = twin(page.path)
        return self.page(other) if other.exists() else None

    def all_markdown(self) -> list[Path]:
        return sorted(p for p in self.docs.rglob("*.md"))
