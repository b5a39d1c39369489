"""Questions people ask (docs/questions/): the index, the wordings, the links back, structured data.

* ``questions/index.md`` gets the questions grouped by situation (the order
  of ``situations`` in data/taxonomy.yml) where it says ``<!-- question-index -->``;
* every question page shows, under its title, the other ways people ask it
  (``variants``): visible text, so search finds the page by those words too;
* every help page and guide that a question's "learn more" section links to
  lists that question at its end, so the pages and the questions they answer
  point at each other without a second list to keep;
* every question page carries schema.org ``FAQPage`` JSON-LD, a data block the
  browser never runs (the Content-Security-Policy is untouched).
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from kb import markers
from kb.build_errors import content_errors
from kb.checks.checkers.questions import MORE
from kb.checks.markdown import LINK
from kb.frontmatter import read_page
from kb.html_slots import block
from kb.search import set_question_texts
from kb.taxonomy import label, taxonomy
from kb.urls import page_link

FOLDER = "questions"
INDEX_MARKER = "<!-- question-index -->"
INDEXES = ("questions/index.md", "questions/index.en.md")
H1 = re.compile(r"^# .+$", re.M)
# Pages that list the questions linking to them.
ANSWERED_ON = ("help/", "guides/")

TEXT = {
    "zh": {"variants": "也有人这样问：", "separator": "　·　", "answers": "常见问题",
           "answers_intro": "下面的问题在本页找得到更详细的回答：", "count": "共 {n} 个问题"},
    "en": {"variants": "Also asked as: ", "separator": " · ", "answers": "Questions people ask",
           "answers_intro": "This page answers these questions in more detail:", "count": "{n} questions"},
}


@dataclass
class Question:
    src_uri: str  # the Chinese file name: questions/x.md
    title: str
    situation: str
    variants: list[str]
    targets: set[str]  # pages (src_uri, Chinese name) the "learn more" section links to


_questions: list[Question] = []
_by_target: dict[str, list[Question]] = {}
_answers: dict[str, str] = {}  # question page src_uri -> its answer as plain text, for the JSON-LD


def _language(config: MkDocsConfig) -> str:
    return str(config.theme["language"])


def is_question(uri: str) -> bool:
    return posixpath.dirname(uri) == FOLDER and not posixpath.basename(uri).startswith("index.")


def more_targets(uri: str, body: str) -> set[str]:
    """The pages a question's "learn more" section links to, as Chinese src_uris: the section and the
    links are found as the check reads them (QUESTION002, kb.checks.markdown.LINK)."""
    match = MORE.search(body)
    if match is None:
        return set()
    base = posixpath.dirname(uri)
    targets = set()
    for link in LINK.finditer(body[match.end():]):
        target = link.group(2).split("#", 1)[0]
        if not target.endswith(".md") or "://" in target:
            continue
        path = posixpath.normpath(posixpath.join(base, target))
        targets.add(path[: -len(".en.md")] + ".md" if path.endswith(".en.md") else path)
    return targets


def load_questions(files: Files, docs: str) -> list[Question]:
    """This language's questions (English file if there is one, else Chinese)."""
    found = []
    for file in files.documentation_pages():
        if not is_question(file.src_uri) or file.abs_src_path is None:
            continue
        with content_errors(file.abs_src_path, docs):
            found.append(load_question(file))
    return sorted(found, key=lambda q: q.src_uri)


def load_question(file: File) -> Question:
    """One question page, as the index, the wordings and the links back need it."""
    meta, body = read_page(Path(file.abs_src_path))
    for key in ("title", "situation"):
        if key not in meta:
            raise ValueError(f"{file.src_uri}: a question needs '{key}' (run scripts/check.py)")
    if meta["situation"] not in taxonomy()["situations"]:
        raise ValueError(f"{file.src_uri}: unknown situation '{meta['situation']}' (data/taxonomy.yml)")
    return Question(file.src_uri.replace(".en.md", ".md"), str(meta["title"]), str(meta["situation"]),
                    [str(v) for v in meta.get("variants") or []], more_targets(file.src_uri, body))


@event_priority(-110)  # after the i18n plugin (-100) has chosen this language's files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    _questions[:] = load_questions(files, config.docs_dir)
    # Search ranks a question by its own wordings too (kb/search.py, question_wordings).
    set_question_texts(_language(config), {q.src_uri[: -len(".md")] + "/": [q.title, *q.variants] for q in _questions})
    _by_target.clear()
    _answers.clear()
    for question in _questions:
        for target in question.targets:
            _by_target.setdefault(target, []).append(question)
    return files


def index_block(language: str) -> str:
    """The questions under one heading per situation, in the taxonomy's order."""
    lines = [TEXT[language]["count"].format(n=len(_questions)), ""]
    for key in taxonomy()["situations"]:
        members = [q for q in _questions if q.situation == key]
        if not members:
            continue
        # Out of search: these lists repeat the questions' titles and would crowd out the questions.
        lines += [f"## {label('situations', key, language)} {{#{key} data-search-exclude}}", ""]
        lines += [f"- [{q.title}]({posixpath.basename(q.src_uri)})" for q in members]
        lines.append("")
    return "\n".join(lines)


def variants_html(variants: list[str], language: str) -> str:
    t = TEXT[language]
    text = t["separator"].join(html.escape(v, quote=False) for v in variants)
    return f'<p class="kb-variants"><strong>{t["variants"]}</strong>{text}</p>'


def answers_section(uri: str, language: str, directory_urls: bool) -> str:
    """The questions a help page or guide answers, as a closing section (an HTML slot)."""
    t = TEXT[language]
    questions = _by_target.get(uri.replace(".en.md", ".md"), [])
    items = "".join(f"<li>{page_link(q.src_uri, q.title, uri, directory_urls)}</li>\n" for q in questions)
    return "\n".join(["", f"## {t['answers']} {{#questions-answered data-search-exclude}}", "",
                      t["answers_intro"], "", block(uri, f"<ul>\n{items}</ul>"), ""])


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    uri = page.file.src_uri
    language = _language(config)
    if uri in INDEXES:
        return markers.fill(markdown, INDEX_MARKER, index_block(language), uri, "the question index")
    if is_question(uri):
        match = H1.search(markdown)
        if match is None:
            raise ValueError(f"{uri}: a question needs a '# question' line")
        variants = [str(v) for v in page.meta.get("variants") or []]
        if not variants:
            return markdown
        return markdown[: match.end()] + "\n\n" + block(uri, variants_html(variants, language)) + markdown[match.end():]
    if uri.startswith(ANSWERED_ON) and uri.replace(".en.md", ".md") in _by_target:
        return markdown.rstrip("\n") + "\n" + answers_section(uri, language, config.use_directory_urls)
    return markdown


def answer_text(content: str) -> str:
    """The answer as plain text: what follows the title and the wordings, up to "learn more"."""
    end = content.find('id="more"')
    start = content.find("</h1>")
    part = content[start + 5 if start >= 0 else 0: content.rfind("<h2", 0, end) if end >= 0 else len(content)]
    part = re.sub(r'<p class="kb-variants">.*?</p>', "", part, flags=re.S)
    part = re.sub(r"<div[^>]*hidden[^>]*>.*?</div>", "", part, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", part))).strip()


@event_priority(50)  # after the HTML slots are filled (100), before the page is rendered
def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if is_question(page.file.src_uri):
        _answers[page.file.src_uri] = answer_text(content)
    return content


def faq_json_ld(question: str, answer: str) -> str:
    data = {"@context": "https://schema.org", "@type": "FAQPage",
            "mainEntity": [{"@type": "Question", "name": question,
                            "acceptedAnswer": {"@type": "Answer", "text": answer}}]}
    # "</" cannot end the script element early once escaped as "<\/".
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    answer = _answers.pop(page.file.src_uri, None)
    if answer is None:
        return output
    if "</head>" not in output:
        raise ValueError(f"{page.file.src_uri}: the rendered page has no </head> for its structured data")
    script = f'<script type="application/ld+json">{faq_json_ld(str(page.title), answer)}</script>\n'
    return output.replace("</head>", script + "</head>", 1)
