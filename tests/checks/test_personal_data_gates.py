"""The personal-data checker skips its precise patterns when a cheap gate finds
nothing; the gates must be necessary conditions, or real data would slip through."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kb.checks.checkers import personal_data as pd

# Text made of what the patterns look at: digits, separators, address words, letters.
PIECES = st.sampled_from(
    ["1", "3", "8", "0", "9", "X", " ", "-", "(", ")", "+", "86", "路", "街", "小区", "号", "栋", "单元", "室",
     "号楼", "十二", "３", "幢", "中", "a", "@", ".", "\n"]
)
TEXT = st.lists(PIECES, max_size=60).map("".join)


@settings(max_examples=3000, deadline=None)
@given(TEXT)
def test_digit_gate_is_necessary(text: str) -> None:
    if any(p.search(text) for p in (pd.ID_NUMBER, pd.MOBILE, pd.LANDLINE, pd.CARD)):
        assert pd.DIGIT_RUN.search(text), text


@settings(max_examples=3000, deadline=None)
@given(TEXT)
def test_house_number_gate_is_necessary(text: str) -> None:
    if pd.ADDRESS.search(text):
        assert pd.has_house_number(text), text


def test_gates_let_real_identifiers_through() -> None:
    for sample in ("13812345678", "138 1234 5678", "(010) 12345678", "0755-12345678", "110101199003074258",
                   "6222 0212 3456 7890 128"):
        assert pd.DIGIT_RUN.search(sample), sample
    assert pd.has_house_number("和平路十二号")
    assert pd.has_house_number("3号楼2单元")
