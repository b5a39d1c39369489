"""Glossary tooltips: terms found inside Chinese text, loaded once from
includes/glossary.md, one definition per term and h2 section."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from kb.markdown.cjk_abbr import read_glossary

GLOSSARY = Path(__file__).resolve().parent.parent / "includes" / "glossary.md"


def convert(text: str) -> str:
    return markdown.Markdown(extensions=["abbr", "kb.markdown.cjk_abbr"],
                             extension_configs={"kb.markdown.cjk_abbr": {"glossary_file": "includes/glossary.md"}}
                             ).convert(text)


def test_terms_inside_chinese_text_get_the_glossary_definition() -> None:
    html = convert("她向法院申请人身安全保护令。")
    definition = read_glossary(GLOSSARY)["人身安全保护令"]
    assert f'<abbr title="{definition}">人身安全保护令</abbr>' in html


def test_one_definition_per_term_and_section() -> None:
    html = convert("# 标题\n\n告诫书、告诫书，**告诫书**。\n\n## 第二节\n\n告诫书和告诫书。\n")
    assert html.count("<abbr") == 2
    assert html.count("告诫书") == 5  # the unwrapped ones keep their text


def test_english_terms_keep_word_boundaries() -> None:
    html = convert("# One\n\nThe warning letters list.\n\n## Two\n\nA warning letter.\n")
    assert html.count("<abbr") == 1
    assert "warning letters list" in html and ">warning letter</abbr>." in html


def test_a_glossary_without_definitions_fails_loudly(tmp_path: Path) -> None:
    empty = tmp_path / "glossary.md"
    empty.write_text("no definitions here\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no '\\*\\[term\\]: definition' lines"):
        read_glossary(empty)


def test_the_extension_needs_abbr() -> None:
    with pytest.raises(ValueError, match="needs the 'abbr' extension"):
        markdown.Markdown(extensions=["kb.markdown.cjk_abbr"])
