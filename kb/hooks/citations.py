"""Citations: render ``[[反家庭暴力法 23]]`` as links, with previews and backlinks.

* Each citation becomes a Markdown link to the article on the law page, so
  MkDocs validates it like any link and the i18n plugin points English pages
  at the English law page.
* The cited articles' text is embedded once per page (hidden), so the preview
  shown on hover, focus or tap needs no request and works offline.
* Under each article of a law page, a "被引用 / Cited in" list names the pages
  that cite it. All pages are scanned in ``on_nav``, before any is rendered.

A citation that names an unknown law or article fails the build; the checks
(scripts/check.py) report the same problems earlier, with file and line.
"""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from kb.build_errors import content_errors
from kb.citations import CitationError, Target, find_citations, link_text, page_citations, resolve
from kb.frontmatter import read_meta
from kb.html_slots import slot
from kb.laws import ARTICLE_HEADING, LAW_DIR, page_articles
from kb.releases import case_source
from kb.urls import article_link

FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})")
ATX_HEADING = re.compile(r"^ {0,3}#{1,6}(?:\s|$)")
SETEXT_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-+)\s*$")
INLINE_CODE = re.compile(r"(`+)(?:.+?)\1")

_backlinks: dict[str, list[tuple[str, str]]] = {}  # "page#art-23" -> [(src_uri, title)]
_cited_on_page: dict[str, dict[str, Target]] = {}  # src_uri -> cited articles, for on_post_page
# (article, language) -> (source file, its version, preview): one entry per article, replaced when
# its law page changes under make serve.
_previews: dict[tuple[str, str], tuple[Path, int, str]] = {}


def _language(config: MkDocsConfig) -> str:
    return str(config.theme["language"])


def preview_source(target: Target, language: str) -> tuple[Path, str]:
    """Where a preview's text comes from: the English translation if there is one."""
    english = LAW_DIR / f"{target.law.page}.en.md"
    if language == "en" and english.exists():
        meta = read_meta(english)
        if meta.get("translation") and target.article_id in page_articles(english):
            return english, "en"
    return target.law.path, "zh"


def render_line(line: str, src_uri: str, language: str, cited: dict[str, Target], directory_urls: bool,
                heading: bool = False) -> str:
    """Replace the citations of one line (outside inline code) by links.

    The links are HTML, not Markdown: a page cites many articles, and MkDocs
    resolving each Markdown link through the i18n plugin was a large part of
    the build. Each article was checked to exist just above, so the anchor
    validation MkDocs would have done is not lost. They go into HTML slots
    (kb/html_slots.py), so Python-Markdown does not parse them either; in a
    ``heading`` they are HTML in the Markdown, as a slot must not make the
    heading's anchor.
    """
    pieces = []
    position = 0
    code_spans = [(m.start(), m.end()) for m in INLINE_CODE.finditer(line)]
    for citation in find_citations(line):
        if any(start <= citation.start < end for start, end in code_spans):
            continue
        try:
            targets = resolve(citation)
        except CitationError as error:
            raise ValueError(f"{src_uri}: {citation.raw}: {error.message_en}") from None
        links = []
        for index, target in enumerate(targets):
            if target.article_id not in page_articles(target.law.path):
                raise ValueError(f"{src_uri}: {citation.raw}: {target.law.page} has no {target.article_id}")
            cited[target.key] = target
            text = citation.label if citation.label and len(targets) == 1 else link_text(target, index == 0, language)
            links.append(article_link(target, text, src_uri, directory_urls, css_class="kb-cite"))
        pieces.append(line[position:citation.start])
        joined = "、".join(links) if language == "zh" else ", ".join(links)
        pieces.append(joined if heading else slot(src_uri, joined))
        position = citation.end
    pieces.append(line[position:])
    return "".join(pieces)


def render_citations(markdown: str, src_uri: str, language: str,
                     directory_urls: bool) -> tuple[str, dict[str, Target]]:
    cited: dict[str, Target] = {}
    out = []
    fence: str | None = None
    lines = markdown.split("\n")
    for number, line in enumerate(lines):
        match = FENCE.match(line)
        if match:
            marker = match.group(2)
            if fence is None:
                fence = marker[0] * len(marker)
            elif marker.startswith(fence):
                fence = None
            out.append(line)
            continue
        if fence or "[[" not in line:
            out.append(line)
            continue
        heading = ATX_HEADING.match(line) is not None or (
            number + 1 < len(lines) and SETEXT_UNDERLINE.match(lines[number + 1]) is not None)
        out.append(render_line(line, src_uri, language, cited, directory_urls, heading))
    return "\n".join(out), cited


def previews(cited: dict[str, Target], language: str) -> str:
    """Hidden article texts for the preview popovers, one per cited article."""
    if not cited:
        return ""
    parts = ['<div class="kb-cite-previews" hidden>']
    parts += [preview(target, language) for _, target in sorted(cited.items())]
    parts.append("</div>")
    return "\n\n" + "\n".join(parts) + "\n"


def preview(target: Target, language: str) -> str:
    """One article's hidden preview, made once per version of its law page: many pages cite the same articles."""
    source, lang = preview_source(target, language)
    version = source.stat().st_mtime_ns
    cached = _previews.get((target.key, language))
    if cached is None or cached[:2] != (source, version):
        article = page_articles(source)[target.article_id]
        title = link_text(target, True, language)
        body = "".join(f"<p>{html.escape(p)}</p>" for p in article.paragraphs)
        cached = _previews[(target.key, language)] = (
            source, version, f'<div data-kb-cite="{target.key}" lang="{lang}"><p class="kb-cite-previews__title">'
                             f'{html.escape(title)}</p>{body}</div>')
    return cached[2]


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Scan every page of this language for citations, before any is rendered."""
    _backlinks.clear()
    for file in files.documentation_pages():
        if file.src_uri.startswith("law/") or file.abs_src_path is None:
            continue  # law pages list citations, not backlinks; generated pages cite nothing of their own
        keys, title = page_citations(Path(file.abs_src_path), file.src_uri)
        for key in keys:
            _backlinks.setdefault(key, []).append((file.src_uri, title))
    return nav


BACKLINK_LABELS = {"zh": "被引用", "en": "Cited in"}
# At most this many questions, official cases and teaching cases are listed
# under an article: on a site of thousands of cases, an article of the
# Anti-Domestic Violence Law is cited by hundreds, and listing them all made
# the law page megabytes long. The rest of the cases are one click away on the
# case index, filtered to the article and the group's source; the rest of the
# questions on the question index. Help pages, guides and training, a few
# dozen in all, are listed in full.
BACKLINK_LIMIT = 5
# The groups of a "cited in" list, in order: questions people ask, then help, guides
# and training, then official typical cases, then teaching cases (kb.releases.case_source).
BACKLINK_GROUPS = ("questions", "pages", "official", "teaching")
GROUP_LABELS = {
    "zh": {"questions": "常见问题", "pages": "求助、指南和培训资料", "official": "官方典型案例", "teaching": "教学案例"},
    "en": {"questions": "Questions people ask", "pages": "Help, guides and training", "official": "Official typical cases",
           "teaching": "Teaching cases"},
}
MORE_LABELS = {"zh": "更多：案例索引中引用本条的{group}", "en": "More: the {group} citing this article, in the case index"}
MORE_QUESTIONS = {"zh": "更多：常见问题", "en": "More: all questions people ask"}
ANY_HEADING = re.compile(r"^#{1,6} ")


def backlink_group(uri: str) -> str:
    """Which list of a "cited in" block a citing page belongs to."""
    if uri.startswith("questions/"):
        return "questions"
    return case_source(uri) or "pages"


def more_link(group: str, name: str, article: str, base: str, language: str) -> str:
    """Where the rest of a capped group is: the case index filtered to the article and the group's
    source, or the question index (help pages and guides are few enough to be listed in full)."""
    if group == "questions":
        return f"- [{MORE_QUESTIONS[language]}]({posixpath.relpath('questions/index.md', base)})"
    index = posixpath.relpath("cases/index.md", base)
    more = MORE_LABELS[language].format(group=name if language == "zh" else name.lower())
    return f"- [{more}]({index}?cite={article}&source={group})"


def add_backlinks(markdown: str, page_slug: str, src_uri: str, language: str) -> str:
    """Insert a collapsible "cited in" list at the end of each cited article, one list per group."""
    lines = markdown.split("\n")
    out: list[str] = []
    current: str | None = None

    def flush() -> None:
        if current is None:
            return
        pages = sorted(set(_backlinks.get(f"{page_slug}#{current}", [])))
        if not pages:
            return
        base = posixpath.dirname(src_uri) or "."
        items = []
        for group in BACKLINK_GROUPS:
            members = [(uri, title) for uri, title in pages if backlink_group(uri) == group]
            if not members:
                continue
            name = GROUP_LABELS[language][group]
            items.extend(["", f"**{name}**", ""])
            shown = members if group == "pages" else members[:BACKLINK_LIMIT]
            for uri, title in shown:
                # Link to the Chinese file name; the i18n plugin picks the page's language.
                href = posixpath.relpath(uri.replace(".en.md", ".md"), base)
                items.append(f"- [{title}]({href})")
            if len(members) > BACKLINK_LIMIT:
                items.append(more_link(group, name, f"{page_slug}:{current}", base, language))
        summary = (f"{BACKLINK_LABELS[language]}（{len(pages)}）" if language == "zh"
                   else f"{BACKLINK_LABELS[language]} ({len(pages)})")
        # data-search-exclude: the titles of citing pages must not make this
        # article match searches for those pages' words.
        out.extend(["", '<details class="quote kb-backlinks" data-search-exclude markdown>',
                    f"<summary>{summary}</summary>", *items, "", "</details>", ""])

    for line in lines:
        if ANY_HEADING.match(line):
            flush()
            match = ARTICLE_HEADING.match(line)
            current = match.group(3) if match else None
        out.append(line)
    flush()
    return "\n".join(out)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = _language(config)
    src_uri = page.file.src_uri
    with content_errors(page.file.abs_src_path, config.docs_dir):
        markdown, cited = render_citations(markdown, src_uri, language, config.use_directory_urls)
    if src_uri.startswith("law/") and "law" in page.meta:
        slug = posixpath.basename(src_uri).split(".")[0]
        markdown = add_backlinks(markdown, slug, src_uri, language)
    # An article of this very page needs no hidden copy: the link shows it in place.
    own = posixpath.basename(src_uri).split(".")[0] if src_uri.startswith("law/") else None
    _cited_on_page[src_uri] = {key: target for key, target in cited.items() if target.law.page != own}
    return markdown


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Embed the preview texts after search has indexed the page, so they never match a query."""
    cited = _cited_on_page.pop(page.file.src_uri, {})
    if not cited:
        return output
    if "</body>" not in output:
        raise ValueError(f"{page.file.src_uri}: no </body> to put citation previews before")
    return output.replace("</body>", previews(cited, _language(config)) + "</body>", 1)

