"""Questions people ask: the bank's size and shape, and what the built site makes of it."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import jsonschema
import pytest

from kb.checks.checkers.questions import answer_sentences
from kb.frontmatter import split_front_matter
from kb.hooks.questions import FOLDER, more_targets
from kb.paths import DOCS
from kb.taxonomy import taxonomy

# What search engines require of FAQPage structured data (schema.org, Google's FAQ rich result):
# the type, and for each question a name and an accepted answer with text.
FAQ_SCHEMA = {
    "type": "object",
    "required": ["@context", "@type", "mainEntity"],
    "properties": {
        "@context": {"const": "https://schema.org"},
        "@type": {"const": "FAQPage"},
        "mainEntity": {"type": "array", "minItems": 1, "items": {
            "type": "object", "required": ["@type", "name", "acceptedAnswer"],
            "properties": {
                "@type": {"const": "Question"},
                "name": {"type": "string", "minLength": 2},
                "acceptedAnswer": {"type": "object", "required": ["@type", "text"], "properties": {
                    "@type": {"const": "Answer"},
                    "text": {"type": "string", "minLength": 20, "not": {"pattern": "<[a-z/]"}}}}}}},
    },
}
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def questions(language: str = "zh") -> list[tuple[Path, dict, str]]:
    suffix = ".en.md" if language == "en" else ".md"
    found = []
    for path in sorted((DOCS / FOLDER).glob("*.md")):
        if path.name.startswith("index.") or path.name.endswith(".en.md") != (language == "en"):
            continue
        if path.name.endswith(suffix):
            meta, body, _ = split_front_matter(path.read_text(encoding="utf-8"))
            found.append((path, meta, body))
    return found


def test_150_chinese_and_60_english_questions_in_every_situation() -> None:
    zh, en = questions("zh"), questions("en")
    assert len(zh) >= 150, len(zh)
    assert len(en) >= 60, len(en)
    situations = {meta["situation"] for _, meta, _ in zh}
    assert situations == set(taxonomy()["situations"]), set(taxonomy()["situations"]) - situations
    for path, _, _ in en:
        assert path.with_name(path.name.replace(".en.md", ".md")).is_file(), path.name


def test_every_answer_is_short_cites_the_law_and_links_deeper() -> None:
    for language in ("zh", "en"):
        for path, meta, body in questions(language):
            answer = re.split(r"^# .*$", body.split("\n## ", 1)[0], maxsplit=1, flags=re.M)[1]  # title → "learn more"
            assert 2 <= answer_sentences(answer) <= 6, path.name
            assert re.search(r"\[\[[^\]]+\]\]", answer), f"{path.name}: the answer cites no article"
            assert more_targets(f"{FOLDER}/{path.name}", body), f"{path.name}: no link to go deeper"
            assert len(meta["variants"]) >= 1


@pytest.mark.parametrize(("answer", "count"), [
    ("先报警（[[反家庭暴力法 15]]）。保存病历。", 2),
    ("先报警。保存病历！要验伤吗？然后呢", 4),
    ("Call 110 ([[反家庭暴力法 15]]). Keep the records. The court can use them.", 3),
    ("One sentence without a full stop", 1),
    ("", 0),
])
def test_sentences_are_counted_as_a_reader_sees_them(answer: str, count: int) -> None:
    assert answer_sentences(answer) == count


def test_question_pages_carry_valid_faq_structured_data(site_dir: Path) -> None:
    for prefix, language in (("", "zh"), ("en/", "en")):
        for path, meta, _ in questions(language):
            stem = path.name.split(".")[0]
            page = (site_dir / prefix / FOLDER / stem / "index.html").read_text(encoding="utf-8")
            head = page.split("</head>", 1)[0]
            blocks = JSON_LD.findall(head)
            assert len(blocks) == 1, f"{prefix}{stem}"
            data = json.loads(blocks[0])
            jsonschema.validate(data, FAQ_SCHEMA)
            entity = data["mainEntity"][0]
            assert entity["name"] == meta["title"]
            visible = re.sub(r"<[^>]+>", "", html.unescape(page.split("</h1>", 1)[1].split('id="more"', 1)[0]))
            assert entity["acceptedAnswer"]["text"][:20] in re.sub(r"\s+", " ", visible), f"{prefix}{stem}"
            assert "也有人这样问" not in entity["acceptedAnswer"]["text"]


def test_wordings_are_shown_on_the_page(site_dir: Path) -> None:
    for path, meta, _ in questions("zh"):
        page = (site_dir / FOLDER / path.stem / "index.html").read_text(encoding="utf-8")
        variants = page.split('class="kb-variants"', 1)[1].split("</p>", 1)[0]
        assert all(html.escape(v, quote=False) in variants for v in meta["variants"]), path.stem


def test_index_lists_every_question_under_its_situation(site_dir: Path) -> None:
    index = (site_dir / FOLDER / "index.html").read_text(encoding="utf-8")
    for path, meta, _ in questions("zh"):
        section = index.split(f'id="{meta["situation"]}"', 1)[1].split("<h2", 1)[0]
        assert f'href="{path.stem}/"' in section, path.stem


def test_pages_a_question_links_to_list_it(site_dir: Path) -> None:
    checked = 0
    for path, _, body in questions("zh"):
        for target in more_targets(f"{FOLDER}/{path.name}", body):
            if not target.startswith(("help/", "guides/")):
                continue
            page = (site_dir / target.removesuffix(".md").removesuffix("/index") / "index.html").read_text(encoding="utf-8")
            section = page.split('id="questions-answered"', 1)[1]
            assert f"questions/{path.stem}/" in section, (target, path.stem)
            checked += 1
    assert checked


def test_law_articles_list_the_questions_citing_them(site_dir: Path) -> None:
    """Under each article a question cites: the question in the "常见问题" group, or (the group
    being full) the link to the question index."""
    law = (site_dir / "law" / "anti-domestic-violence-law" / "index.html").read_text(encoding="utf-8")
    checked = 0
    for path, meta, _ in questions("zh"):
        for reference in meta["cites"]:
            name, number = reference.split()
            if name != "反家庭暴力法" or not number.isdigit():
                continue
            start = law.index(f'id="art-{number}"')
            end = law.find('id="art-', start + 12)
            group = law[start:end if end > 0 else len(law)].split("<strong>常见问题</strong>", 1)[1].split("</ul>", 1)[0]
            assert f"questions/{path.stem}/" in group or 'href="../../questions/"' in group, (path.stem, number)
            checked += 1
    assert checked


def test_questions_are_searchable_with_their_wordings(site_dir: Path) -> None:
    entries = json.loads((site_dir / "search" / "search_index.full.json").read_text(encoding="utf-8"))["docs"]
    page = next(e for e in entries if e["location"] == "questions/injury-examination/")
    assert "家暴了去哪里验伤" in page["text"].replace("\u200b", "")
