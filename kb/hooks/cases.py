"""The case collection: index, category and tag pages, notices and related links.

* ``cases/index.md`` gets a table of every case (title, category, tags, cited
  articles) where it says ``<!-- case-index -->``, with a filter that appears
  only when JavaScript runs;
* a page per category (``/cases/category/<key>/``) and per tag
  (``/cases/tag/<key>/``) is generated in each language, so browsing works
  without JavaScript;
* every case page shows the teaching-case notice and its facts under the
  title, and ends with related cases (same category or a shared cited
  article) and related guides (``category_guides`` in data/taxonomy.yml).
"""

from __future__ import annotations

import heapq
import html
import posixpath
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from kb.citations import CitationError, Target, link_text, parse_reference, resolve
from kb.frontmatter import read_meta
from kb.html_slots import block
from kb.paths import DOCS
from kb.taxonomy import label, taxonomy
from kb.urls import article_link, page_link

LANGUAGES = ("zh", "en")
DEFAULT = "zh"
H1 = re.compile(r"^# .+$", re.M)
INDEX_MARKER = "<!-- case-index -->"
# Where a table of cases goes. The tables are put in after the page is
# rendered (on_post_page): the index, category and tag pages list every case
# several times over, and as Markdown (parsed, links resolved, then indexed
# for search) they were a large part of the build on a big site.
LIST_SLOT = '<div class="kb-case-list" data-kb-case-list></div>'

TEXT = {
    "zh": {
        "notice_title": "教学案例",
        "notice": "本案例依据法律编写，用于普法教学。人物和事件均为虚构，人名以“张某”“李某某”的方式表示，"
                  "不涉及省以下的真实地点。本案例不构成对具体案件的法律意见。",
        "category": "类别", "tags": "标签", "relationship": "当事人关系", "measures": "措施", "outcome": "结果",
        "cites": "依据条文", "title": "案例", "related": "相关案例", "guides": "相关指南",
        "by_category": "按类别浏览", "by_tag": "按标签浏览", "count": "{n} 个案例",
        "category_page": "类别：{label}", "tag_page": "标签：{label}",
        "category_desc": "“{label}”类别下的全部教学案例。", "tag_desc": "带有“{label}”标签的全部教学案例。",
        "back": "返回案例索引", "filter_label": "筛选案例", "filter_all": "全部类别",
        "filter_text": "按标题或标签筛选", "filter_count": "显示 {shown} / {total} 个案例",
        "filter_cite": "仅显示引用以下条文的案例：", "filter_cite_clear": "显示全部案例",
    },
    "en": {
        "notice_title": "Teaching case",
        "notice": "This case was written from the law for legal education. The people and events are fictional, "
                  "names are given as \"Ms Zhang\" or \"Mr Li\", and no real place below province level is named. "
                  "It is not legal advice on any actual case.",
        "category": "Category", "tags": "Tags", "relationship": "Relationship", "measures": "Measures",
        "outcome": "Outcome", "cites": "Articles", "title": "Case", "related": "Related cases",
        "guides": "Related guides", "by_category": "Browse by category", "by_tag": "Browse by tag",
        "count": "{n} cases", "category_page": "Category: {label}", "tag_page": "Tag: {label}",
        "category_desc": "All teaching cases in the category \"{label}\".",
        "tag_desc": "All teaching cases tagged \"{label}\".", "back": "Back to the case index",
        "filter_label": "Filter cases", "filter_all": "All categories", "filter_text": "Filter by title or tag",
        "filter_count": "Showing {shown} of {total} cases",
        "filter_cite": "Only cases citing", "filter_cite_clear": "show all cases",
    },
}


@dataclass
class Case:
    src_uri: str  # the Chinese file name, e.g. cases/protection-order-spouse.md
    id: str
    title: str
    category: str
    tags: list[str]
    cites: list[str]
    targets: set[str]


_cases: list[Case] = []
# Lookups built once per language in on_files: per-page scans of every case
# made a build quadratic in the number of cases.
_by_uri: dict[str, Case] = {}
_by_category: dict[str, list[Case]] = {}
_by_target: dict[str, list[Case]] = {}
_listings: dict[str, list[Case]] = {}  # page src_uri -> the cases its LIST_SLOT lists


def _language(config: MkDocsConfig) -> str:
    return str(config.theme["language"])


def load_cases(files: Files, language: str) -> list[Case]:
    """The cases of this language's build (English file if there is one, else Chinese)."""
    cases = []
    for file in files.documentation_pages():
        uri = file.src_uri
        if not uri.startswith("cases/") or uri.count("/") != 1 or posixpath.basename(uri).startswith("index."):
            continue
        meta = read_meta(Path(file.abs_src_path))
        if "id" not in meta:
            raise ValueError(f"{uri}: a case needs an id (see CONTRIBUTING.md, 案例)")
        targets: set[str] = set()
        for reference in meta.get("cites") or []:
            try:
                targets.update(t.key for t in resolve(parse_reference(str(reference))))
            except CitationError as error:
                raise ValueError(f"{uri}: cites: {reference}: {error.message_en}") from None
        cases.append(Case(uri.replace(".en.md", ".md"), str(meta["id"]), str(meta["title"]), str(meta["category"]),
                          list(meta.get("tags") or []), [str(c) for c in meta.get("cites") or []], targets))
    return sorted(cases, key=lambda case: case.id)


def _generated(config: MkDocsConfig, src_uri: str, content: str, language: str) -> File:
    """A generated page wired into the i18n plugin like the files it localises."""
    file = File.generated(config, src_uri, content=content)
    prefix = "" if language == DEFAULT else f"{language}/"
    dest = file.dest_uri
    file.dest_uri = prefix + dest
    file.url = file._get_url(config.use_directory_urls)
    urls = {lang: ("" if lang == DEFAULT else f"{lang}/") + file._get_url(config.use_directory_urls)[len(prefix):]
            for lang in LANGUAGES}
    file.alternates = {lang: SimpleNamespace(url=url) for lang, url in urls.items()}
    file.locale = language
    file.locale_alternate_of = language
    file.localization = None if language == DEFAULT else language
    file.norm_src_uri = src_uri
    return file


@lru_cache(maxsize=None)
def _cited(reference: str, language: str) -> tuple[tuple[Target, str], ...]:
    """The articles a ``cites:`` entry names, with their link texts: the same entries recur in
    every listing that shows the case (index, category, tags)."""
    return tuple((target, link_text(target, i == 0, language))
                 for i, target in enumerate(resolve(parse_reference(reference))))


def _cites_html(case: Case, from_uri: str, language: str, directory_urls: bool) -> str:
    """The case's cited articles as links; ``data-kb-cite`` lets the index filter by article."""
    citations = []
    for reference in case.cites:
        links = [article_link(target, text, from_uri, directory_urls) for target, text in _cited(reference, language)]
        citations.append(("、" if language == "zh" else ", ").join(links))
    return ("、" if language == "zh" else "; ").join(citations)


def listing(cases: list[Case], from_uri: str, language: str, directory_urls: bool) -> str:
    """A table of cases as HTML.

    Written as HTML rather than a Markdown table with ``[[citations]]``: the
    index, category and tag pages list every case several times over, and as
    Markdown their links and citations were most of the build's work on a
    large site. The URLs are computed here exactly as MkDocs computes them.
    """
    t = TEXT[language]
    separator = "、" if language == "zh" else ", "
    rows = []
    for case in cases:
        category = page_link(f"cases/category/{case.category}.md", label("categories", case.category, language),
                             from_uri, directory_urls)
        tags = separator.join(page_link(f"cases/tag/{tag}.md", label("tags", tag, language), from_uri, directory_urls)
                              for tag in case.tags)
        rows.append(f"<tr><td>{page_link(case.src_uri, case.title, from_uri, directory_urls)}</td>"
                    f"<td>{category}</td><td>{tags}</td><td>{_cites_html(case, from_uri, language, directory_urls)}</td></tr>")
    head = "".join(f"<th>{t[key]}</th>" for key in ("title", "category", "tags", "cites"))
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>\n"


def taxonomy_links(group: str, used: dict[str, int], from_uri: str, language: str) -> str:
    folder = "category" if group == "categories" else "tag"
    base = posixpath.dirname(from_uri) or "."
    items = [f"[{label(group, key, language)}]({posixpath.relpath(f'cases/{folder}/{key}.md', base)}) ({n})"
             for key, n in sorted(used.items(), key=lambda kv: list(taxonomy()[group]).index(kv[0]))]
    return " · ".join(items)


def index_block(language: str) -> str:
    t = TEXT[language]
    categories = _counts("category")
    tags = _counts("tags")
    options = "".join(f'<option value="{key}">{label("categories", key, language)}</option>' for key in categories)
    filter_html = (
        f'<div class="kb-case-filter" hidden><label>{t["filter_label"]} '
        f'<select data-kb-filter="category"><option value="">{t["filter_all"]}</option>{options}</select></label> '
        f'<label><span class="md-visually-hidden">{t["filter_text"]}</span>'
        f'<input type="search" data-kb-filter="text" placeholder="{t["filter_text"]}"></label> '
        f'<output data-kb-filter-count data-template="{t["filter_count"]}"></output>'
        f'<p data-kb-filter-cite hidden>{t["filter_cite"]} <span data-kb-filter-cite-name></span> · '
        f'<a href=".">{t["filter_cite_clear"]}</a></p></div>'
    )
    return "\n".join([
        f"## {t['by_category']} {{#by-category}}", "", taxonomy_links("categories", categories, "cases/index.md", language), "",
        f"## {t['by_tag']} {{#by-tag}}", "", taxonomy_links("tags", tags, "cases/index.md", language), "",
        f"## {t['count'].format(n=len(_cases))} {{#all-cases}}", "", filter_html, "", LIST_SLOT, "",
    ])


def _counts(field: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for case in _cases:
        for key in ([case.category] if field == "category" else case.tags):
            counts[key] = counts.get(key, 0) + 1
    return counts


def taxonomy_page(group: str, key: str, language: str) -> str:
    t = TEXT[language]
    folder = "category" if group == "categories" else "tag"
    name = label(group, key, language)
    title = t["category_page" if folder == "category" else "tag_page"].format(label=name)
    description = t["category_desc" if folder == "category" else "tag_desc"].format(label=name)
    uri = f"cases/{folder}/{key}.md"
    _listings[uri] = [c for c in _cases if (c.category == key if folder == "category" else key in c.tags)]
    return "\n".join([
        # Not in search: these lists repeat the cases' titles and would crowd out the cases.
        "---", f"title: \"{title}\"", f"description: \"{description}\"", "search:", "  exclude: true", "---", "",
        f"# {title}", "",
        f"[{t['back']}](../index.md)", "", LIST_SLOT, "",
    ])


@event_priority(-110)  # after the i18n plugin (-100) has chosen this language's files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    language = _language(config)
    _cases[:] = load_cases(files, language)
    _by_uri.clear(), _by_category.clear(), _by_target.clear(), _listings.clear()
    for case in _cases:
        _by_uri[case.src_uri] = case
        _by_category.setdefault(case.category, []).append(case)
        for target in case.targets:
            _by_target.setdefault(target, []).append(case)
    for group, field in (("categories", "category"), ("tags", "tags")):
        folder = "category" if group == "categories" else "tag"
        for key in _counts(field):
            files.append(_generated(config, f"cases/{folder}/{key}.md", taxonomy_page(group, key, language), language))
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Put every case page (and generated list) under the section of the case index.

    They are not in the nav (mkdocs.yml, not_in_nav), so MkDocs gives them no
    parent; with the section as parent, the "典型案例" tab and section are
    marked active on a case page as on the index, without the nav listing
    every case.
    """
    index = next((page for page in nav.pages if page.file.src_uri in ("cases/index.md", "cases/index.en.md")), None)
    if index is None:
        raise ValueError("cases hook: cases/index.md must be in the nav")
    for file in files.documentation_pages():
        page = file.page
        if file.src_uri.startswith("cases/") and page is not None and page is not index and page.parent is None:
            page.parent = index.parent
    return nav


def related(case: Case) -> list[Case]:
    """Cases of the same category or citing a same article, closest first.

    Score: 2 for the same category, plus 1 per article both cite.
    """
    scores: dict[str, int] = {}
    others: dict[str, Case] = {}
    for other in _by_category.get(case.category, []):
        scores[other.id] = 2
        others[other.id] = other
    for target in case.targets:
        for other in _by_target.get(target, []):
            scores[other.id] = scores.get(other.id, 0) + 1
            others[other.id] = other
    scores.pop(case.id, None)
    best = heapq.nsmallest(5, scores, key=lambda case_id: (-scores[case_id], case_id))
    return [others[case_id] for case_id in best]


def case_header(meta: dict, language: str, src_uri: str, directory_urls: bool) -> str:
    """The teaching-case notice and the case's facts, as HTML (Material's admonition markup)."""
    t = TEXT[language]
    sep = "：" if language == "zh" else ": "
    join = "、" if language == "zh" else ", "
    category = meta["category"]
    rows = [
        (t["category"], page_link(f"cases/category/{category}.md", label("categories", category, language), src_uri,
                                  directory_urls)),
        (t["tags"], join.join(page_link(f"cases/tag/{tag}.md", label("tags", tag, language), src_uri, directory_urls)
                              for tag in meta["tags"])),
        (t["relationship"], html.escape(label("relationships", meta["relationship"], language), quote=False)),
        (t["measures"], html.escape(join.join(label("measures", m, language) for m in meta["measures"]), quote=False)),
        (t["outcome"], html.escape(str(meta["outcome"]), quote=False)),
    ]
    items = "".join(f"<li><strong>{html.escape(name, quote=False)}</strong>{sep}{value}</li>\n" for name, value in rows)
    # The notice is the same on every case: kept out of search (data-search-exclude), where it matched every case.
    return (f'<div class="admonition info" data-search-exclude>\n'
            f'<p class="admonition-title">{html.escape(t["notice_title"], quote=False)}</p>\n'
            f"<p>{html.escape(t['notice'], quote=False)}</p>\n</div>\n<ul>\n{items}</ul>")


def page_title(doc: str, language: str) -> str:
    """The title of a page under docs/, in ``language`` when a translation exists."""
    path = DOCS / doc
    english = path.with_name(path.name[:-3] + ".en.md")
    if language == "en" and english.exists():
        path = english
    if not path.exists():
        raise ValueError(f"data/taxonomy.yml: category_guides names a missing page: {doc}")
    meta = read_meta(path)
    return str(meta.get("title") or doc)


def case_footer(case: Case, language: str, page_uri: str, directory_urls: bool) -> str:
    """Related cases and guides: headings in the Markdown (for the table of contents), lists in HTML slots.

    Both sections are kept out of search (``data-search-exclude``): they hold
    other pages' titles, which made a case match searches for its neighbours.
    """
    t = TEXT[language]
    lines = []

    def section(heading: str, links: list[str]) -> None:
        items = "".join(f"<li>{link}</li>\n" for link in links)
        lines.extend(["", heading, block(page_uri, f"<ul>\n{items}</ul>")])

    others = related(case)
    if others:
        section(f"## {t['related']} {{#related-cases data-search-exclude}}",
                [page_link(o.src_uri, o.title, case.src_uri, directory_urls) for o in others])
    guides = taxonomy().get("category_guides", {}).get(case.category, [])
    if guides:
        section(f"## {t['guides']} {{#related-guides data-search-exclude}}",
                [page_link(g, page_title(g, language), case.src_uri, directory_urls) for g in guides])
    return "\n".join(lines) + "\n"


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    uri = page.file.src_uri
    language = _language(config)
    if uri in ("cases/index.md", "cases/index.en.md"):
        if INDEX_MARKER not in markdown:
            raise ValueError(f"{uri}: needs a '{INDEX_MARKER}' line where the case list goes")
        _listings[uri] = _cases
        return markdown.replace(INDEX_MARKER, index_block(language))
    case = _by_uri.get(uri.replace(".en.md", ".md"))
    if case is None:
        return markdown
    match = H1.search(markdown)
    if match is None:
        raise ValueError(f"{uri}: a case needs a '# title' line")
    header = block(uri, case_header(page.meta, language, uri, config.use_directory_urls))
    footer = case_footer(case, language, uri, config.use_directory_urls)
    return markdown[: match.end()] + header + markdown[match.end():] + footer


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Put the tables of cases into the index, category and tag pages."""
    cases = _listings.pop(page.file.src_uri, None)
    if cases is None:
        return output
    if LIST_SLOT not in output:
        raise ValueError(f"{page.file.src_uri}: the rendered page lost its case list slot")
    table = listing(cases, page.file.src_uri.replace(".en.md", ".md"), _language(config), config.use_directory_urls)
    return output.replace(LIST_SLOT, table, 1)
