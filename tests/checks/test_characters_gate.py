"""The characters checker does not hand autocorrect the lines matching
QUIET_LINE. That is only safe if autocorrect has nothing to say about such a
line, and if blanking it hides no other line's warning; these tests look for
a counter-example."""

from __future__ import annotations

import autocorrect_py
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kb.checks.checkers.characters import QUIET_LINE, cjk_lines


def _chars(*ranges: tuple[int, int]) -> str:
    return "".join(chr(code) for low, high in ranges for code in range(low, high + 1))


# Samples of every quiet range (all of the punctuation, slices of the ideographs).
QUIET = _chars((0x3001, 0x303F), (0x3400, 0x3410), (0x4E00, 0x4E60), (0x9F00, 0x9FFF), (0xFF01, 0xFF0F),
               (0xFF1A, 0xFF20), (0xFF3B, 0xFF40), (0xFF5B, 0xFF65), (0x2010, 0x2027), (0xB7, 0xB7)) + "法律条文依据第款项"
IDEOGRAPHS = _chars((0x4E00, 0x4E60)) + "反家庭暴力法刑民典"
CITATION = st.builds(
    lambda first, rest, numbers: f"[[{first}{rest} {numbers}]]",
    st.sampled_from(IDEOGRAPHS),
    st.text(alphabet=IDEOGRAPHS + "〔〕（）0123456789号释", max_size=10),
    st.from_regex(r"\A[1-9][0-9]{0,3}(?:(?:-|、|, |，)[1-9][0-9]{0,3}){0,3}\Z"),
)

# An ideograph, then a spaced run of ASCII letters and digits, then a space and
# an ideograph or Chinese punctuation: 拨打 110，
ASCII_RUN = st.builds(
    lambda before, run, after: f"{before} {run}{after}",
    st.sampled_from(IDEOGRAPHS),
    st.from_regex(r"\A[A-Za-z0-9]+(?:\.[0-9]+)?\Z"),
    st.one_of(st.sampled_from(IDEOGRAPHS).map(lambda ideograph: " " + ideograph), st.sampled_from("。，；：、！？）")),
)
QUIET_LINES = st.builds(
    lambda prefix, parts, suffix: prefix + "".join(parts) + suffix,
    st.from_regex(r"\A(?: {2})?(?:(?:[-*]|[1-9][0-9]?\.|>|#{1,6}) ){0,2}\Z"),
    st.lists(st.one_of(st.text(alphabet=QUIET, min_size=1, max_size=12), CITATION, ASCII_RUN), min_size=1, max_size=6)
    .filter(lambda parts: parts[0].startswith("[[") or "\u3400" <= parts[0][0] <= "\u9fff"),
    st.one_of(st.just(""), st.from_regex(r"\A \{#[a-z][a-z0-9-]{0,10}\}\Z")),
)
# Lines autocorrect does have things to say about: Latin text, digits and
# half-width punctuation next to Chinese.
NOISY_LINES = st.text(alphabet=QUIET[:40] + "中文法律abc AZ09,.:;!?()[]*-#`'\"", max_size=30)

SETTINGS = settings(max_examples=500, deadline=None, suppress_health_check=list(HealthCheck))


def _flagged(body: str) -> set[int]:
    """The lines autocorrect warns about."""
    return {line.line for line in autocorrect_py.lint_for(body, "md").lines}


@SETTINGS
@given(QUIET_LINES)
def test_autocorrect_leaves_quiet_lines_alone(line: str) -> None:
    assert QUIET_LINE.fullmatch(line), line
    assert _flagged(f"前文\n{line}\n") == set(), line


def _blanked(lines: list[str]) -> str:
    return "\n".join("" if QUIET_LINE.fullmatch(line) else line for line in lines) + "\n"


@SETTINGS
@given(st.lists(st.one_of(QUIET_LINES, NOISY_LINES), min_size=1, max_size=8))
def test_blanking_quiet_lines_hides_no_line_with_something_to_fix(lines: list[str]) -> None:
    """Blanking lines changes how Markdown reads their neighbours (a list item
    or a pair of brackets may end sooner), so autocorrect may count a line's
    warnings differently; but every line it flags in the whole page is still
    flagged, except where brackets pair with a citation across lines (below)."""
    full, gated = _flagged("\n".join(lines) + "\n"), _flagged(_blanked(lines))
    hidden = {number for number in full - gated if not _bracket_pairing(lines, number - 1)}
    assert not hidden, (lines, hidden)


def _bracket_pairing(lines: list[str], index: int) -> bool:
    """Whether brackets on line ``index`` and a blanked citation may pair across lines."""
    blanked = {i for i, line in enumerate(lines) if "[[" in line and QUIET_LINE.fullmatch(line)}
    others = "".join(line for i, line in enumerate(lines) if i != index)
    if index in blanked:
        return "[" in others or "]" in others
    return bool(blanked) and ("[" in lines[index] or "]" in lines[index])


def test_brackets_across_lines_are_the_known_difference() -> None:
    """When a "[" opened on another line pairs with a citation's brackets,
    autocorrect reads them as text and asks for spaces around the citation
    (or, with "]" on a later line, around that bracket).
    The citation is written without them (CONTRIBUTING.md) and gets no such
    warning anywhere else; with its line blanked, the stray "[" gets the
    warning instead, which is where the volunteer has something to fix."""
    lines = ["见[链接", "依据[[刑法 1]]规定"]
    assert _flagged("\n".join(lines) + "\n") == {2}
    assert _flagged(_blanked(lines)) == {1}


def test_lines_with_something_to_fix_are_not_quiet() -> None:
    for line in ("* ", "## {#facts}", "1. ：中文", "- “中文”"):
        assert not QUIET_LINE.fullmatch(line), line
    for line in ("中文,中文", "依据[[刑法 313]]:", "拨打12338求助", "ＡＢＣ中文", "中文　中文", "[[刑法 3|第三条]]中文",
                 "- 中文 `code`", "## 标题 {#Facts}", "拨打 12338求助", "拨打12338 求助", "拨打 110 。", "拨打 110,",
                 "中文，110 中文", "法释〔2022〕17号规定"):
        assert not QUIET_LINE.fullmatch(line), line
        assert cjk_lines(line, line) == line, line
