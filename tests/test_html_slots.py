"""HTML slots (kb/html_slots.py): hooks' HTML reaches the page intact, and a
slot the Markdown loses fails the build instead of vanishing."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from kb import html_slots


def _convert(text: str) -> str:
    return markdown.markdown(text, extensions=["attr_list", "md_in_html", "tables"])


def test_inline_and_block_slots_are_filled_where_they_end_up() -> None:
    page = "cases/a.md"
    html_slots.start(page)
    link = '<a href="x/">“引号” & <b>粗体</b></a>'
    text = (f"依据{html_slots.slot(page, link)}的规定。\n\n| 条文 |\n| --- |\n| {html_slots.slot(page, link)} |\n"
            + html_slots.block(page, "<ul>\n<li>一</li>\n</ul>"))
    html = html_slots.fill(page, _convert(text))
    assert f"<p>依据{link}的规定。</p>" in html
    assert f"<td>{link}</td>" in html
    assert "<ul>\n<li>一</li>\n</ul>" in html and "<p><ul>" not in html
    assert html_slots.OPEN not in html and html_slots.CLOSE not in html


def test_a_lost_slot_fails_naming_the_page() -> None:
    page = "guides/b.md"
    html_slots.start(page)
    token = html_slots.slot(page, "<a>x</a>")
    html_slots.slot(page, "<a>y</a>")
    with pytest.raises(ValueError, match=r"guides/b\.md.*lost HTML slot\(s\) \[1\]"):
        html_slots.fill(page, _convert(f"只剩一个：{token}"))


def test_a_slot_that_appears_twice_fails() -> None:
    html_slots.start("a.md")
    token = html_slots.slot("a.md", "<a>x</a>")
    html_slots.start("b.md")
    html_slots.slot("b.md", "<a>y</a>")
    html_slots.slot("b.md", "<a>z</a>")
    with pytest.raises(ValueError, match="appears twice"):
        html_slots.fill("b.md", _convert(f"{token} {token}"))


def test_start_forgets_a_failed_rendering() -> None:
    html_slots.start("c.md")
    html_slots.slot("c.md", "<a>stale</a>")
    html_slots.start("c.md")
    token = html_slots.slot("c.md", "<a>fresh</a>")
    assert html_slots.fill("c.md", _convert(token)) == "<p><a>fresh</a></p>"


def test_no_slot_is_left_in_the_built_site(site_dir: Path) -> None:
    leftovers = [str(path.relative_to(site_dir)) for path in site_dir.rglob("*.html")
                 if html_slots.OPEN in path.read_text(encoding="utf-8")]
    assert leftovers == []
