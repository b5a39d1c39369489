"""Small HTML reading helpers for tests, on the standard library's parser."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""


@dataclass
class _Collector(HTMLParser):
    elements: list[Element] = field(default_factory=list)
    _open: list[Element] = field(default_factory=list)

    def __post_init__(self) -> None:
        HTMLParser.__init__(self, convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.elements.append(element)
        if tag not in {"meta", "link", "img", "input", "br", "hr", "source", "path"}:
            self._open.append(element)

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index].tag == tag:
                del self._open[index:]
                break

    def handle_data(self, data: str) -> None:
        for element in self._open:
            element.text += data


def parse(path: Path) -> list[Element]:
    """All elements of an HTML file, each with the text it contains."""
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector.elements


def find(elements: list[Element], tag: str, **attrs: str) -> list[Element]:
    """Elements with ``tag`` whose attributes include ``attrs`` (``class_`` for class)."""
    wanted = {key.rstrip("_"): value for key, value in attrs.items()}
    found = []
    for element in elements:
        if element.tag != tag:
            continue
        if all(
            value in element.attrs.get(key, "").split() if key == "class" else element.attrs.get(key) == value
            for key, value in wanted.items()
        ):
            found.append(element)
    return found
