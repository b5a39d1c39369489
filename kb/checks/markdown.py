"""What the checks need to know about Markdown: links, images and anchors.

Anchors are computed the way the site renders them: an explicit ``{#id}``
attribute wins; otherwise the toc extension's slug of the heading text
(``pymdownx.slugs.slugify(case="lower")``, as configured in mkdocs.yml), made
unique with ``_1``, ``_2`` like Python-Markdown does; plus ``id``/``name``
attributes of raw HTML and ``{ #id }`` attribute lists on other blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pymdownx.slugs import slugify

_slugify = slugify(case="lower")

HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$", re.M)
ATTR_LIST = re.compile(r"\{:?[ \t]*([^{}\n]*?)[ \t]*\}[ \t]*$")
ATTR_ID = re.compile(r"(?:^|\s)#([A-Za-z0-9_\-:.\u00c0-\uffff]+)")
HTML_ID = re.compile(r"""<[a-zA-Z][^>]*?\s(?:id|name)\s*=\s*["']([^"']+)["']""")
BLOCK_ATTR_ID = re.compile(r"\{:?[ \t]*[^{}\n]*?#([A-Za-z0-9_\-]+)[^{}\n]*\}")

IMAGE = re.compile(r"!\[([^\]\n]*)\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'][^\"'\n]*[\"'])?\s*\)")
LINK = re.compile(r"(?<![!\[])\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'][^\"'\n]*[\"'])?\s*\)")
REFERENCE_DEF = re.compile(r"^[ ]{0,3}\[([^\]\n]+)\]:[ \t]*<?(\S+?)>?(?:[ \t]+.*)?$", re.M)
AUTOLINK = re.compile(r"<((?:https?|mailto|ftp):[^>\s]+)>")
HTML_HREF = re.compile(r"""<a\s[^>]*?href\s*=\s*["']([^"']*)["']""", re.I)
HTML_SRC = re.compile(r"""<(img|source|video|audio|track|iframe|embed|script|input)\s[^>]*?(?:src|poster|data)\s*=\s*["']([^"']*)["']""", re.I)
HTML_IMG_ALT = re.compile(r"""<img\s[^>]*>""", re.I)

INLINE_MARKUP = [
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[\[([^\]|]+?)(?:\|([^\]]+))?\]\]"), r"\1"),
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"<[^>]+>"), ""),
    (re.compile(r"(\*\*|__|\*|_|~~|`)"), ""),
]


@dataclass(frozen=True)
class Link:
    kind: str  # "link" | "image" | "html-image" | "html-media"
    url: str
    text: str
    offset: int  # where the URL starts in the file


def heading_text(raw: str) -> str:
    """Heading text as the toc extension sees it, without inline markup."""
    text = raw
    for pattern, replacement in INLINE_MARKUP:
        text = pattern.sub(replacement, text)
    return text.strip()


def anchors(masked: str) -> set[str]:
    """Every ID the rendered page will have (from text with code blanked out)."""
    found: set[str] = set()
    generated: list[str] = []
    for match in HEADING.finditer(masked):
        text = match.group(2)
        attrs = ATTR_LIST.search(text)
        explicit = None
        if attrs:
            id_match = ATTR_ID.search(" " + attrs.group(1))
            explicit = id_match.group(1) if id_match else None
            text = text[: attrs.start()].rstrip()
        if explicit:
            found.add(explicit)
        else:
            generated.append(_slugify(heading_text(text), "-"))
    for slug in generated:
        candidate, number = slug, 0
        while candidate in found or not candidate:
            number += 1
            candidate = f"{slug}_{number}"
        found.add(candidate)
    found.update(HTML_ID.findall(masked))
    found.update(BLOCK_ATTR_ID.findall(masked))
    return found


def explicit_anchors(masked: str) -> set[str]:
    """IDs written by hand ({#id}); translations must keep all of them."""
    found = set(BLOCK_ATTR_ID.findall(masked))
    for match in HEADING.finditer(masked):
        attrs = ATTR_LIST.search(match.group(2))
        if attrs:
            id_match = ATTR_ID.search(" " + attrs.group(1))
            if id_match:
                found.add(id_match.group(1))
    return found


def links(masked: str) -> list[Link]:
    """Links and images of a page, with the offset of each URL."""
    found: list[Link] = []
    # Substring tests first: most pages have no inline link, and the link
    # pattern, which opens with a look-behind, cannot be scanned fast.
    if "](" in masked:
        for match in IMAGE.finditer(masked):
            found.append(Link("image", match.group(2), match.group(1), match.start(2)))
        for match in LINK.finditer(masked):
            found.append(Link("link", match.group(2), match.group(1), match.start(2)))
    for match in REFERENCE_DEF.finditer(masked):
        found.append(Link("link", match.group(2), match.group(1), match.start(2)))
    if "<" in masked:
        for match in AUTOLINK.finditer(masked):
            found.append(Link("link", match.group(1), match.group(1), match.start(1)))
        for match in HTML_HREF.finditer(masked):
            found.append(Link("link", match.group(1), "", match.start(1)))
        for match in HTML_SRC.finditer(masked):
            kind = "html-image" if match.group(1).lower() == "img" else "html-media"
            found.append(Link(kind, match.group(2), "", match.start(2)))
    return sorted(found, key=lambda link: link.offset)
