"""Glossary tooltips: terms found inside Chinese text, loaded once from
data/glossary.yml, one definition per term and h2 section."""

from __future__ import annotations

import html
import re
from pathlib import Path

import markdown
import pytest

from kb.markdown.cjk_abbr import read_glossary

GLOSSARY = Path(__file__).resolve().parent.parent / "data" / "glossary.yml"


def convert(text: str) -> str:
    return markdown.Markdown(extensions=["abbr", "kb.markdown.cjk_abbr"],
                             extension_configs={"kb.markdown.cjk_abbr": {"glossary_file": "data/glossary.yml"}}
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


def test_a_glossary_that_breaks_its_schema_fails_loudly(tmp_path: Path) -> None:
    broken = tmp_path / "glossary.yml"
    broken.write_text("terms:\n  - {zh: 告诫书, en: warning letter}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="en_definition"):
        read_glossary(broken)


def test_common_words_get_no_tooltip_and_chinese_terms_need_a_definition() -> None:
    glossary = read_glossary(GLOSSARY)
    assert "review" not in glossary and "stalk" not in glossary
    assert "warning letter" in glossary and "告诫书" in glossary
    assert "较大可能性" not in glossary  # no Chinese definition given


def test_the_extension_needs_abbr() -> None:
    with pytest.raises(ValueError, match="needs the 'abbr' extension"):
        markdown.Markdown(extensions=["kb.markdown.cjk_abbr"])


def test_the_glossary_covers_the_terms_the_translation_review_named() -> None:
    import yaml

    data = yaml.safe_load(GLOSSARY.read_text(encoding="utf-8"))
    reviewed = {term.get("review") for term in data["terms"]}
    assert {f"T{n}" for n in range(1, 13)} - {"T11"} <= reviewed  # T11: 讯问/询问笔录, two entries
    assert {"讯问笔录", "询问笔录"} <= {term["zh"] for term in data["terms"]}


def test_the_glossary_page_lists_every_term_in_both_languages(site_dir: Path) -> None:
    from kb.glossary import terms

    for prefix in ("", "en/"):
        page = (site_dir / prefix / "about" / "glossary" / "index.html").read_text(encoding="utf-8")
        table = re.sub(r"</?abbr[^>]*>", "", page.split("<tbody>", 1)[1].split("</tbody>", 1)[0])
        table = html.unescape(table).replace("\u2019", "'")
        for term in terms():
            assert term.zh in table and f"<strong>{term.en}</strong>" in table, term.en


def test_english_pages_follow_the_glossary() -> None:
    """TERM001: no English page uses a discouraged rendering (the statute translations included)."""
    from kb.checks.runner import run
    from kb.paths import DOCS

    problems = run([DOCS], rules={"TERM001"})
    assert problems == [], [f"{p.path}:{p.line} {dict(p.params)['found']}" for p in problems][:20]
