"""Characters: look-alike compatibility characters (errors) and, outside
statute text, Chinese punctuation and CJK–Latin spacing (warnings, via
autocorrect, the well-kept implementation of the 中文文案排版 conventions)."""

from __future__ import annotations

import re
import unicodedata

import autocorrect_py

from kb.checks.checkers import Context
from kb.checks.workspace import FENCE, has_fences
from kb.citations import CITATION

# Kangxi radicals, CJK radicals supplement, compatibility ideographs (BMP and supplement).
LOOKALIKE = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff\U0002f800-\U0002fa1f]")
# CJK text and full-width forms: autocorrect's rules only concern lines with these.
CJK = re.compile("[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
# Characters autocorrect's rules never act on when they stand alone: CJK
# ideographs, CJK and full-width punctuation (not full-width letters, digits or
# the ideographic space), dashes, quotes and ellipses.
QUIET_CHARS = "\u3001-\u303f\u3400-\u9fff\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2010-\u2027\u00b7"
# A citation without a label; the law's name may hold document numbers, as in 法释〔2022〕17号.
QUIET_CITATION = r"\[\[[\u3400-\u9fff][\u3400-\u9fff〔〕（）0-9]* [1-9][0-9]{0,3}(?:(?:-|、|, |，)[1-9][0-9]{0,3})*\]\]"
# A run of ASCII letters and digits (a number, a hotline, a word) after an
# ideograph and a space, followed by a space and an ideograph or by Chinese
# punctuation: spaced as the conventions ask, as in 拨打 110，or 2023 年.
QUIET_ASCII = r"(?<=[\u3400-\u9fff]) [A-Za-z0-9]+(?:\.[0-9]+)?(?: (?=[\u3400-\u9fff])|(?=[。，；：、！？）]))"
# A line made only of those, citations without a label and spaced ASCII runs,
# starting with an ideograph or a citation (after a paragraph, "1. " may be
# text, and "1. ：" has a space to remove), after an optional list, quote or
# heading marker, and with an optional {#id} at the end: a hypothesis test
# (tests/checks/test_characters_gate.py) shows autocorrect leaves such lines
# alone, so they need not be linted. On a generated 5,000-page corpus they
# leave autocorrect a fifth of the text it had when ASCII runs and document
# numbers in law names made a line noisy.
QUIET_LINE = re.compile(
    rf"(?: {{2}})?(?:(?:[-*]|[1-9][0-9]?\.|>|#{{1,6}}) ){{0,2}}"  # markers
    rf"(?:[\u3400-\u9fff]|{QUIET_CITATION})(?:[{QUIET_CHARS}]|{QUIET_CITATION}|{QUIET_ASCII})*"  # text, from an ideograph on
    rf"(?: \{{#[a-z][a-z0-9-]*\}})?"  # {#id}
)


def _to_lint(line: str, plain: str) -> bool:
    """Whether autocorrect may have something to say about ``line`` (``plain``: the same line, code blanked)."""
    # isascii() answers from the string's header; a regex would look at every character.
    if plain.isascii() or CJK.search(plain) is None:
        return False
    if "[[" in plain and CJK.search(CITATION.sub("", plain)) is None:
        return False  # Chinese only inside citations, whose law names the citation rules check
    return QUIET_LINE.fullmatch(line) is None


def cjk_lines(body: str, masked: str) -> str:
    """``body`` with the lines autocorrect has nothing to say about emptied.

    autocorrect costs about a millisecond a page. A line is linted when it
    has Chinese text outside code and citations (``masked`` is the same body
    with code blanked; a citation's law name is a fixed string the citation
    rules check) and is not a QUIET_LINE. That leaves English pages almost
    nothing to lint, and Chinese pages about a quarter of their lines with
    Chinese text (docs/ at the time of writing). Fence
    lines stay, so code blocks stay code; the line count stays, so line
    numbers stay right.
    """
    fenced = has_fences(body)
    return "\n".join(
        line if _to_lint(line, plain) or (fenced and FENCE.match(line)) else ""
        for line, plain in zip(body.split("\n"), masked.split("\n"))
    )


def replacement(char: str) -> str:
    """The unified ideograph a look-alike stands for (NFKC), if there is one."""
    normal = unicodedata.normalize("NFKC", char)
    return normal if normal != char else "?"


def check(ctx: Context) -> None:
    page = ctx.page
    for match in LOOKALIKE.finditer(page.text, page.body_offset):
        char = match.group(0)
        ctx.at("CHAR001", match.start(), char=char, code=f"{ord(char):04X}", replacement=replacement(char))
    if page.kind == "law":
        return  # statute text is verbatim; its punctuation is the legislature's
    body = cjk_lines(page.text[page.body_offset:], page.masked[page.body_offset:])
    if not CJK.search(body):
        return
    result = autocorrect_py.lint_for(body, "md")
    for line in result.lines:
        rule, col = classify(line.old, line.new)
        file_line = page.body_line + line.line - 1
        ctx.at_line(rule, file_line, col, suggestion=line.new.strip()[:80])


def classify(old: str, new: str) -> tuple[str, int]:
    """CHAR003 when autocorrect only adds or removes spaces, else CHAR002; and the column."""
    col = next((i for i, (a, b) in enumerate(zip(old, new)) if a != b), min(len(old), len(new))) + 1
    rule = "CHAR003" if old.replace(" ", "") == new.replace(" ", "") else "CHAR002"
    return rule, col


def fixed(text: str, body_offset: int, statute: bool) -> str:
    """The text with every fixable character problem fixed (used by --fix)."""
    head, body = text[:body_offset], text[body_offset:]
    body = LOOKALIKE.sub(lambda m: replacement(m.group(0)) if replacement(m.group(0)) != "?" else m.group(0), body)
    if not statute:
        body = autocorrect_py.format_for(body, "md")
    return head + body
