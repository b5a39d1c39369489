"""HTML that hooks add to a page's Markdown without Python-Markdown parsing it.

Hooks write citations, the case header and the related-case lists as HTML.
Put into the Markdown as it is, that HTML costs Python-Markdown a pass of its
HTML parser over the page and cuts the text into more pieces for the inline
patterns: on a case page, more than the page's own text (the Markdown time of
a case page was 2.7 × that of the same page without our HTML).

So a hook puts a *slot* into the Markdown instead: a few private-use
characters that no Markdown rule, glossary term or slug touches. Once the
page is converted, ``fill`` (kb/hooks/html_slots.py, before search indexes
the page) puts each fragment where its slot ended up. A slot alone in a
paragraph (``block``) replaces the whole paragraph. A slot that is lost or
left over fails the build, naming the page.

Slots are not for headings: a heading's text makes its anchor and its
table-of-contents entry, which must not see the placeholder.
"""

from __future__ import annotations

import re

OPEN, CLOSE = "\ue000", "\ue001"
DIGITS = "".join(chr(0xE010 + digit) for digit in range(10))
SLOT = re.compile(f"(<p>)?{OPEN}([{DIGITS}]+){CLOSE}(</p>)?")
_TO_DIGITS = str.maketrans("0123456789", DIGITS)
_FROM_DIGITS = str.maketrans(DIGITS, "0123456789")

_fragments: dict[str, list[tuple[str, bool]]] = {}  # page src_uri -> (HTML, is a block) by slot number


def start(page_uri: str) -> None:
    """Forget what an earlier, failed rendering of the page left (``mkdocs serve`` rebuilds)."""
    _fragments.pop(page_uri, None)


def slot(page_uri: str, fragment: str, is_block: bool = False) -> str:
    """A placeholder for ``fragment`` (HTML) in the Markdown of the page ``page_uri``."""
    fragments = _fragments.setdefault(page_uri, [])
    fragments.append((fragment, is_block))
    return OPEN + str(len(fragments) - 1).translate(_TO_DIGITS) + CLOSE


def block(page_uri: str, fragment: str) -> str:
    """A slot for block-level HTML: a paragraph of its own, which the HTML replaces."""
    return f"\n\n{slot(page_uri, fragment, is_block=True)}\n\n"


def fill(page_uri: str, content: str) -> str:
    """The page's HTML with every slot replaced by its fragment."""
    fragments = _fragments.pop(page_uri, [])
    used: set[int] = set()

    def replace(match: re.Match[str]) -> str:
        number = int(match.group(2).translate(_FROM_DIGITS))
        if number >= len(fragments) or number in used:
            raise ValueError(f"{page_uri}: HTML slot {number} is not one of this page's, or appears twice")
        used.add(number)
        fragment, is_block = fragments[number]
        if is_block and match.group(1) and match.group(3):
            return fragment  # the paragraph Python-Markdown made of the slot
        return (match.group(1) or "") + fragment + (match.group(3) or "")

    content = SLOT.sub(replace, content) if fragments else content
    if len(used) != len(fragments):
        lost = sorted(set(range(len(fragments))) - used)
        raise ValueError(f"{page_uri}: the Markdown lost HTML slot(s) {lost} (inside a heading, code or an attribute?)")
    return content
