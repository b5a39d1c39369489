"""QR codes: the SVG path draws exactly the code's modules, and a phone's decoder reads the URL back."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kb.qr import DARK, modules, path, svg
from tests.qrscan import decode, drawn


def test_a_reader_finds_the_url() -> None:
    url = "https://example.org/womens-rights-kb/law/anti-domestic-violence-law/#art-23"
    code = svg(url, "第二十三条 <保护令> & 告诫书")
    assert decode(code) == url
    assert "<title>第二十三条 &lt;保护令&gt; &amp; 告诫书</title>" in code


def test_path_draws_every_module_of_the_code() -> None:
    size, matrix = modules("https://example.org/womens-rights-kb/cases/")
    assert size >= 21 and len(matrix) == size * size
    assert drawn(path(size, matrix), size) == matrix


def test_path_of_a_small_matrix() -> None:
    dark, light = DARK, 255
    matrix = bytes([dark, dark, light,
                    light, light, light,
                    light, dark, dark])
    assert path(3, matrix) == "M4 4.5h2m-1 2h2"


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=12).flatmap(
    lambda n: st.tuples(st.just(n), st.lists(st.sampled_from([DARK, 255]), min_size=n * n, max_size=n * n))))
def test_path_round_trips_any_matrix(case: tuple[int, list[int]]) -> None:
    size, cells = case
    matrix = bytes(cells)
    assert drawn(path(size, matrix), size) == matrix
