"""Property-based tests: the parsers never crash, whatever a volunteer types."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kb.checks.markdown import anchors, links
from kb.citations import find_citations, find_malformed
from kb.frontmatter import FrontMatterError, key_line, parse_front_matter

MARKDOWN_BITS = st.sampled_from([
    "---\n", "title: ", "描述", ": ", "[", "]", "(", ")", "[[", "]]", "反家庭暴力法 ", "23", "#", "## ", "{#", "}",
    "\n", "  ", "`", "```\n", "<a href=\"", "\">", "![", "http://", "tel:110", "：", "\t", "- ", "'", '"', "|",
    "\u2f08", "\ufeff", "\x00",
])
DOCUMENTS = st.lists(st.one_of(MARKDOWN_BITS, st.text(max_size=8)), max_size=60).map("".join)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENTS)
def test_front_matter_parser_never_crashes(text: str) -> None:
    try:
        meta, body, line = parse_front_matter(text)
    except FrontMatterError as error:
        assert error.line >= 1 and error.col >= 1 and error.code in {"FM001", "FM002"}
    else:
        assert isinstance(meta, dict) and isinstance(body, str) and line >= 1
    key_line(text, ["title"])


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENTS)
def test_link_and_anchor_parsing_never_crashes(text: str) -> None:
    for link in links(text):
        assert 0 <= link.offset <= len(text)
    anchors(text)
    for citation in find_citations(text):
        assert text[citation.start:citation.end] == citation.raw
    find_malformed(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.one_of(DOCUMENTS, st.binary(max_size=200)))
def test_whole_checker_never_crashes(tmp_path_factory, content: str | bytes) -> None:
    from kb.checks.runner import run

    docs = tmp_path_factory.mktemp("fuzz") / "docs"
    (docs / "cases").mkdir(parents=True)
    path = docs / "cases" / "fuzz.md"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", errors="surrogatepass") if "\ud800" not in content else None
    if path.exists():
        for problem in run([path], docs=docs, shared_laws=None):
            assert problem.line >= 1 and problem.col >= 1
            problem.message("zh")
            problem.message("en")


def test_fuzz_fixture_paths_are_temporary(tmp_path: Path) -> None:
    assert not str(tmp_path).startswith(str(Path(__file__).resolve().parents[2] / "docs"))
