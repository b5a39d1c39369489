"""The case collection: index, category, tag and release pages, notices and related links.

Two kinds of case live in docs/cases/: teaching cases (``cases/<slug>.md``,
written by the project) and digests of officially released typical cases
(``cases/official/<release>-<NN>.md``, ``source.kind: official``, naming a
release of data/releases.yml).

* ``cases/index.md`` gets a table of every case (title, source, category,
  tags, cited articles) where it says ``<!-- case-index -->``, with filters
  (source, release, year, issuer, procedure, category, text) that appear only
  when JavaScript runs;
* a page per category (``/cases/category/<key>/``) and per tag
  (``/cases/tag/<key>/``), official and teaching cases in separate lists, and
  a page per release (``/cases/releases/<id>/``) with an index of releases,
  are generated in each language, so browsing works without JavaScript;
* every case page shows its notice (teaching case, or who released the
  official case, when and where its official text is) and its facts under the
  title, and ends with related cases (official ones apart), related guides
  (``category_guides`` in data/taxonomy.yml) and, for official digests, the
  sources the digest was written from.
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

from kb import markers
from kb.build_errors import content_errors
from kb.citations import CitationError, Target, link_text, page_references, parse_reference, resolve
from kb.frontmatter import read_meta, read_page
from kb.html_slots import block
from kb.paths import DOCS
from kb.releases import NOT_NAMED, Release, case_source, issuer_label, issuers, releases
from kb.taxonomy import label, taxonomy
from kb.twins import original, twin
from kb.urls import article_link, page_link

LANGUAGES = ("zh", "en")
DEFAULT = "zh"
H1 = re.compile(r"^# .+$", re.M)
INDEX_MARKER = "<!-- case-index -->"
INDEXES = ("cases/index.md", "cases/index.en.md")
# Where a table of cases goes. The tables are put in after the page is
# rendered (on_post_page): the index, category and tag pages list every case
# several times over, and as Markdown (parsed, links resolved, then indexed
# for search) they were a large part of the build on a big site.
LIST_SLOT = '<div class="kb-case-list" data-kb-case-list="{name}"></div>'
SOURCES = ("official", "teaching")

TEXT = {
    "zh": {
        "notice_title": "教学案例",
        "notice": "本案例依据法律编写，用于普法教学。人物和事件均为虚构，人名以“张某”“李某某”的方式表示，"
                  "不涉及省以下的真实地点。本案例不构成对具体案件的法律意见。",
        "official_title": "官方典型案例（本站摘要）",
        "official_notice": "本页用本站自己的话概述官方发布的典型案例，不是官方原文；人名是发布文本使用的化名。"
                           "引用或转述时请以官方原文为准。",
        "released": "发布", "released_value": "{issuers}，{date}，《{title}》第 {number} 号案例",
        "case_name": "发布时的案例名称", "court": "法院", "court_none": "发布文本未写明",
        "official_text": "官方原文", "no_official_url": "本站未找到官方网址；摘要所依据的资料见下文“资料来源”",
        "single_copy": "待核实：本摘要只依据一份转载，尚待与官方原文或第二份独立转载核对。",
        "procedure": "程序",
        "category": "类别", "tags": "标签", "relationship": "当事人关系", "measures": "措施", "outcome": "结果",
        "cites": "依据条文", "title": "案例", "source": "来源", "related": "相关案例",
        "related_official": "相关官方典型案例", "guides": "相关指南",
        "sources_heading": "资料来源", "sources_intro": "本摘要依据以下资料编写（阅读日期）：",
        "kind_official": "官方发布", "kind_copy": "转载",
        "by_category": "按类别浏览", "by_tag": "按标签浏览", "by_release": "按发布浏览", "count": "{n} 个案例",
        "category_page": "类别：{label}", "tag_page": "标签：{label}",
        "category_desc": "“{label}”类别下的全部官方典型案例和教学案例。",
        "tag_desc": "带有“{label}”标签的全部官方典型案例和教学案例。",
        "list_official": "官方典型案例", "list_teaching": "教学案例", "none": "暂无。",
        "back": "返回案例索引", "filter_label": "筛选案例", "filter_all": "全部",
        "filter_source": "来源", "filter_release": "发布", "filter_year": "年份", "filter_issuer": "发布机关",
        "filter_procedure": "程序", "filter_category": "类别",
        "filter_text": "按标题或标签筛选", "filter_count": "显示 {shown} / {total} 个案例",
        "filter_cite": "仅显示引用以下条文的案例：", "filter_cite_clear": "显示全部案例",
        "releases_title": "官方典型案例的发布",
        "releases_desc": "最高人民法院、最高人民检察院和妇联发布的家庭暴力、人身安全保护令和妇女权益典型案例，本站收录情况一览。",
        "releases_intro": "下表列出本站已知的官方典型案例发布：发布机关、日期、案例数和本站已收录的摘要。"
                          "“仅见一处来源”的发布尚待第二个独立来源确认，确认前不收录其中的案例。",
        "release_col": "发布", "date_col": "日期", "issuers_col": "发布机关", "cases_col": "案例数",
        "published_col": "本站已收录", "status_col": "核实状态",
        "status_verified": "已核实", "status_seen-once": "仅见一处来源，待确认",
        "release_desc": "{issuers}于 {date} 发布的《{title}》：发布信息和本站收录的案例摘要。",
        "release_title": "{title}",
        "release_facts": "发布信息", "release_cases": "案例", "release_unplaced": "已知属于本次发布、序号尚未核实的案例",
        "number_col": "序号", "name_col": "发布时的案例名称", "digest_col": "本站摘要",
        "missing": "尚未收录", "unknown_name": "名称尚未核实", "cases_unknown": "尚未核实",
        "published_of": "{published} / {total}", "not_publishable": "本次发布只见于一处来源，尚待确认；确认前本站不收录其中的案例。",
        "back_releases": "返回发布一览",
        "established": "名单依据", "established_intro": "本站核实案例名单和顺序时阅读的资料（阅读日期）：",
    },
    "en": {
        "notice_title": "Teaching case",
        "notice": "This case was written from the law for legal education. The people and events are fictional, "
                  "names are given as \"Ms Zhang\" or \"Mr Li\", and no real place below province level is named. "
                  "It is not legal advice on any actual case.",
        "official_title": "Official typical case (unofficial English digest)",
        "official_notice": "This page is the project's own English summary of a typical case officially released in "
                           "Chinese; it is not the official text and not an official translation. Names are the "
                           "pseudonyms the release uses. When you quote or rely on the case, use the official text.",
        "released": "Released by", "released_value": "{issuers}, {date}, {title}, case {number}",
        "case_name": "Case name as released", "court": "Court", "court_none": "not named in the release",
        "official_text": "Official text", "no_official_url": "no official address found; the sources this digest "
                                                             "was written from are listed under \"Sources\" below",
        "single_copy": "To be verified: this digest rests on one copy of the release and has not yet been checked "
                       "against the official text or a second independent copy.",
        "procedure": "Proceedings",
        "category": "Category", "tags": "Tags", "relationship": "Relationship", "measures": "Measures",
        "outcome": "Outcome", "cites": "Articles", "title": "Case", "source": "Source", "related": "Related cases",
        "related_official": "Related official cases", "guides": "Related guides",
        "sources_heading": "Sources", "sources_intro": "This digest was written from (date read):",
        "kind_official": "official", "kind_copy": "copy",
        "by_category": "Browse by category", "by_tag": "Browse by tag", "by_release": "Browse by release",
        "count": "{n} cases", "category_page": "Category: {label}", "tag_page": "Tag: {label}",
        "category_desc": "All official and teaching cases in the category \"{label}\".",
        "tag_desc": "All official and teaching cases tagged \"{label}\".",
        "list_official": "Official typical cases", "list_teaching": "Teaching cases", "none": "None yet.",
        "back": "Back to the case index", "filter_label": "Filter cases", "filter_all": "All",
        "filter_source": "Source", "filter_release": "Release", "filter_year": "Year", "filter_issuer": "Issuer",
        "filter_procedure": "Proceedings", "filter_category": "Category",
        "filter_text": "Filter by title or tag",
        "filter_count": "Showing {shown} of {total} cases",
        "filter_cite": "Only cases citing", "filter_cite_clear": "show all cases",
        "releases_title": "Official releases of typical cases",
        "releases_desc": "Typical cases on domestic violence, protection orders and women's rights released by the "
                         "Supreme People's Court, the Supreme People's Procuratorate and the women's federation, "
                         "and which of them this site digests.",
        "releases_intro": "The official releases of typical cases known to this site: issuers, date, number of "
                          "cases and the digests published here. A release seen in one source only is waiting for a "
                          "second, independent source; its cases are not published until then.",
        "release_col": "Release", "date_col": "Date", "issuers_col": "Issuers", "cases_col": "Cases",
        "published_col": "Digested here", "status_col": "Verification",
        "status_verified": "verified", "status_seen-once": "seen in one source only",
        "release_desc": "{title}, released by {issuers} on {date}: the release and this site's digests of its cases.",
        "release_title": "{title_en} ({title})",
        "release_facts": "The release", "release_cases": "Cases",
        "release_unplaced": "Cases known to belong to this release, position not yet established",
        "number_col": "No.", "name_col": "Case name as released", "digest_col": "Digest on this site",
        "missing": "not yet digested", "unknown_name": "name not yet established", "cases_unknown": "not yet established",
        "published_of": "{published} of {total}",
        "not_publishable": "This release is known from one source only; its cases are not published until a second "
                           "source confirms it.",
        "back_releases": "Back to the list of releases",
        "established": "How the list was established",
        "established_intro": "What this site read to establish the cases and their order (date read):",
    },
}


@dataclass
class Case:
    src_uri: str  # the Chinese file name, e.g. cases/protection-order-spouse.md
    id: str
    title: str
    category: str
    tags: list[str]
    cites: list[str]  # every article the case cites: release's, editors', and its text's (page_references)
    targets: set[str]
    source: str = "teaching"  # or "official"
    release: str = ""
    number: int = 0
    procedure: str = ""

    @property
    def official(self) -> bool:
        return self.source == "official"


_cases: list[Case] = []
# Lookups built once per language in on_files: per-page scans of every case
# made a build quadratic in the number of cases.
_by_uri: dict[str, Case] = {}
_by_category: dict[str, list[Case]] = {}
_by_target: dict[str, list[Case]] = {}
_by_release: dict[str, dict[int, Case]] = {}
_listings: dict[str, dict[str, list[Case]]] = {}  # page src_uri -> {slot name: the cases it lists}
_release_tables: dict[str, str] = {}  # release page src_uri -> its table of cases (HTML), put in on_post_page
RELEASE_SLOT = '<div class="kb-release-cases" data-kb-release-cases></div>'


def _language(config: MkDocsConfig) -> str:
    return str(config.theme["language"])


def load_cases(files: Files, language: str, docs: str) -> list[Case]:
    """The cases of this language's build (English file if there is one, else Chinese)."""
    cases = []
    for file in files.documentation_pages():
        if case_source(file.src_uri) is None:
            continue
        with content_errors(file.abs_src_path, docs):
            cases.append(load_case(file))
    return sorted(cases, key=lambda case: case.id)


def load_case(file: File) -> Case:
    """One case page as the listings need it; a KeyError or ValueError names what is missing."""
    uri = file.src_uri
    path = Path(file.abs_src_path)
    meta = read_meta(path)
    if "id" not in meta:
        raise ValueError(f"{uri}: a case needs an id (see CONTRIBUTING.md, 案例)")
    # What a case cites is language-neutral: derived from the Chinese text, like its other shared fields.
    references = page_references(meta, read_page(original(path))[1])
    targets: set[str] = set()
    for reference in references:
        try:
            targets.update(t.key for t in resolve(parse_reference(reference)))
        except CitationError as error:
            raise ValueError(f"{uri}: cites: {reference}: {error.message_en}") from None
    source = meta.get("source") or {}
    case = Case(uri.replace(".en.md", ".md"), str(meta["id"]), str(meta["title"]), str(meta["category"]),
                list(meta.get("tags") or []), references, targets, str(source.get("kind", "teaching")))
    if case.official:
        release = releases().get(str(source.get("release")))
        if release is None:
            raise ValueError(f"{uri}: source.release {source.get('release')!r} is not in data/releases.yml "
                             f"(run scripts/check.py: CASE001)")
        case.release, case.number, case.procedure = release.id, int(source["number"]), str(source["procedure"])
    # A misspelled key fails here, with its page, not mid-render.
    label("categories", case.category, "zh")
    for tag in case.tags:
        label("tags", tag, "zh")
    return case


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


def release_uri(release_id: str) -> str:
    return f"cases/releases/{release_id}.md"


def release_short(release: Release, language: str) -> str:
    """A release as a table cell names it: date and title."""
    return f"{release.date} 《{release.title}》" if language == "zh" else f"{release.date} {release.title_en}"


def _source_cell(case: Case, from_uri: str, language: str, directory_urls: bool) -> str:
    if not case.official:
        return html.escape(label("sources", "teaching", language))
    release = releases()[case.release]
    number = f"第 {case.number} 号" if language == "zh" else f"case {case.number}"
    return f"{page_link(release_uri(release.id), release_short(release, language), from_uri, directory_urls)} {number}"


def _row_data(case: Case) -> str:
    """The values the index filters on, as data attributes (the filter reads these, not the cells)."""
    data = {"source": case.source, "category": case.category}
    if case.official:
        release = releases()[case.release]
        data.update(release=release.id, year=release.year, issuers="|".join(release.issuers),
                    procedure=case.procedure)
    return "".join(f' data-{key}="{html.escape(value)}"' for key, value in data.items())


def listing(cases: list[Case], from_uri: str, language: str, directory_urls: bool) -> str:
    """A table of cases as HTML.

    Written as HTML rather than a Markdown table with ``[[citations]]``: the
    index, category and tag pages list every case several times over, and as
    Markdown their links and citations were most of the build's work on a
    large site. The URLs are computed here exactly as MkDocs computes them.
    """
    t = TEXT[language]
    if not cases:
        return f"<p>{html.escape(t['none'])}</p>\n"
    separator = "、" if language == "zh" else ", "
    rows = []
    for case in cases:
        category = page_link(f"cases/category/{case.category}.md", label("categories", case.category, language),
                             from_uri, directory_urls)
        tags = separator.join(page_link(f"cases/tag/{tag}.md", label("tags", tag, language), from_uri, directory_urls)
                              for tag in case.tags)
        rows.append(f"<tr{_row_data(case)}><td>{page_link(case.src_uri, case.title, from_uri, directory_urls)}</td>"
                    f"<td>{_source_cell(case, from_uri, language, directory_urls)}</td>"
                    f"<td>{category}</td><td>{tags}</td><td>{_cites_html(case, from_uri, language, directory_urls)}</td></tr>")
    head = "".join(f"<th>{t[key]}</th>" for key in ("title", "source", "category", "tags", "cites"))
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>\n"


def taxonomy_links(group: str, used: dict[str, int], from_uri: str, language: str) -> str:
    folder = "category" if group == "categories" else "tag"
    base = posixpath.dirname(from_uri) or "."
    items = [f"[{label(group, key, language)}]({posixpath.relpath(f'cases/{folder}/{key}.md', base)}) ({n})"
             for key, n in sorted(used.items(), key=lambda kv: list(taxonomy()[group]).index(kv[0]))]
    return " · ".join(items)


def _select(name: str, options: list[tuple[str, str]], language: str) -> str:
    t = TEXT[language]
    items = "".join(f'<option value="{html.escape(value)}">{html.escape(text)}</option>' for value, text in options)
    return (f'<label>{t["filter_" + name]} <select data-kb-filter="{name}">'
            f'<option value="">{t["filter_all"]}</option>{items}</select></label> ')


def filter_block(language: str) -> str:
    """The index's filters: hidden until case-filter.js shows them, so the page works without JavaScript."""
    t = TEXT[language]
    official = [case for case in _cases if case.official]
    used_releases = [r for r in releases().values() if r.id in _by_release]
    used_issuers = sorted({name for r in used_releases for name in r.issuers}, key=list(issuers()).index)
    procedures = [key for key in taxonomy()["procedures"] if any(c.procedure == key for c in official)]
    selects = [
        _select("source", [(key, label("sources", key, language)) for key in SOURCES], language),
        _select("release", [(r.id, release_short(r, language)) for r in used_releases], language),
        _select("year", [(year, year) for year in sorted({r.year for r in used_releases})], language),
        _select("issuer", [(name, issuer_label(name, language)) for name in used_issuers], language),
        _select("procedure", [(key, label("procedures", key, language)) for key in procedures], language),
        _select("category", [(key, label("categories", key, language)) for key in _counts("category")], language),
    ]
    return (
        f'<div class="kb-case-filter" hidden><fieldset><legend>{t["filter_label"]}</legend>{"".join(selects)}'
        f'<label><span class="md-visually-hidden">{t["filter_text"]}</span>'
        f'<input type="search" data-kb-filter="text" placeholder="{t["filter_text"]}"></label></fieldset> '
        f'<output data-kb-filter-count data-template="{t["filter_count"]}"></output>'
        f'<p data-kb-filter-cite hidden>{t["filter_cite"]} <span data-kb-filter-cite-name></span> · '
        f'<a href=".">{t["filter_cite_clear"]}</a></p></div>'
    )


def index_block(language: str) -> str:
    t = TEXT[language]
    return "\n".join([
        f"## {t['by_release']} {{#by-release}}", "", f"[{t['releases_title']}](releases/index.md)", "",
        f"## {t['by_category']} {{#by-category}}", "", taxonomy_links("categories", _counts("category"), "cases/index.md", language), "",
        f"## {t['by_tag']} {{#by-tag}}", "", taxonomy_links("tags", _counts("tags"), "cases/index.md", language), "",
        f"## {t['count'].format(n=len(_cases))} {{#all-cases}}", "", filter_block(language), "",
        LIST_SLOT.format(name="all"), "",
    ])


def _counts(field: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for case in _cases:
        for key in ([case.category] if field == "category" else case.tags):
            counts[key] = counts.get(key, 0) + 1
    return counts


def _front_matter(title: str, description: str, search: bool) -> list[str]:
    lines = ["---", f"title: {_yaml_string(title)}", f"description: {_yaml_string(description)}"]
    if not search:
        lines += ["search:", "  exclude: true"]
    return [*lines, "---", ""]


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def taxonomy_page(group: str, key: str, language: str) -> str:
    t = TEXT[language]
    folder = "category" if group == "categories" else "tag"
    name = label(group, key, language)
    title = t["category_page" if folder == "category" else "tag_page"].format(label=name)
    description = t["category_desc" if folder == "category" else "tag_desc"].format(label=name)
    uri = f"cases/{folder}/{key}.md"
    chosen = [c for c in _cases if (c.category == key if folder == "category" else key in c.tags)]
    _listings[uri] = {source: [c for c in chosen if c.source == source] for source in SOURCES}
    # Not in search: these lists repeat the cases' titles and would crowd out the cases.
    return "\n".join([
        *_front_matter(title, description, search=False),
        f"# {title}", "", f"[{t['back']}](../index.md)", "",
        f"## {t['list_official']} {{#official}}", "", LIST_SLOT.format(name="official"), "",
        f"## {t['list_teaching']} {{#teaching}}", "", LIST_SLOT.format(name="teaching"), "",
    ])


def _release_title(release: Release, language: str) -> str:
    return TEXT[language]["release_title"].format(title=release.title, title_en=release.title_en)


def _issuers_text(release: Release, language: str) -> str:
    return ("、" if language == "zh" else ", ").join(issuer_label(name, language) for name in release.issuers)


def releases_index_page(language: str) -> str:
    """The list of releases: one row each, with how many of its cases the site digests."""
    t = TEXT[language]
    rows = []
    for release in reversed(list(releases().values())):
        published = len(_by_release.get(release.id, {}))
        total = release.cases if release.cases is not None else t["cases_unknown"]
        rows.append("| " + " | ".join([
            f"[{_release_title(release, language)}]({release.id}.md)", release.date,
            _issuers_text(release, language), str(total),
            t["published_of"].format(published=published, total=total), t[f"status_{release.status}"],
        ]) + " |")
    head = [t[key] for key in ("release_col", "date_col", "issuers_col", "cases_col", "published_col", "status_col")]
    return "\n".join([
        *_front_matter(t["releases_title"], t["releases_desc"], search=True),
        f"# {t['releases_title']}", "", t["releases_intro"], "",
        "| " + " | ".join(head) + " |", "|" + " --- |" * len(head), *rows, "",
        f"[{t['back']}](../index.md)", "",
    ])


def release_page(release: Release, language: str, directory_urls: bool) -> str:
    """One release: its facts, its cases in release order (digest or "not yet digested"), the unplaced names."""
    t = TEXT[language]
    uri = release_uri(release.id)
    title = _release_title(release, language)
    names = _issuers_text(release, language)
    description = t["release_desc"].format(title=release.title if language == "zh" else release.title_en,
                                           issuers=names, date=release.date)
    digests = _by_release.get(release.id, {})
    total = release.cases if release.cases is not None else t["cases_unknown"]
    url = f"<{release.url}>" if release.url else "—"
    pairs = [(t["issuers_col"], names), (t["date_col"], release.date), (t["cases_col"], total),
             (t["official_text"], url), (t["status_col"], t["status_" + release.status]),
             (t["published_col"], t["published_of"].format(published=len(digests), total=total))]
    if language == "en":
        pairs.insert(0, (t["release_col"], f"{release.title_en} (Chinese title: {release.title})"))
    separator = "：" if language == "zh" else ": "
    facts = [f"- **{name}**{separator}{value}" for name, value in pairs]
    count = max([release.cases or 0, len(release.names), *digests])
    rows = []
    for number in range(1, count + 1):
        name = release.name(number)
        case = digests.get(number)
        digest = page_link(case.src_uri, case.title, uri, directory_urls) if case else html.escape(t["missing"])
        rows.append(f"<tr><td>{number}</td><td>{html.escape(name or t['unknown_name'])}</td><td>{digest}</td></tr>")
    table = (f"<table>\n<thead><tr><th>{t['number_col']}</th><th>{t['name_col']}</th><th>{t['digest_col']}</th></tr>"
             f"</thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>\n") if rows else f"<p>{t['none']}</p>\n"
    lines = [*_front_matter(title, description, search=True), f"# {title}", ""]
    if not release.publishable:
        lines += ['!!! warning ""', "", f"    {t['not_publishable']}", ""]
    lines += [f"## {t['release_facts']} {{#release}}", "", *facts, "",
              f"## {t['release_cases']} {{#cases}}", "", RELEASE_SLOT, ""]
    _release_tables[uri] = table
    if release.unplaced:
        lines += [f"## {t['release_unplaced']} {{#unplaced}}", "", *(f"- {name}" for name in release.unplaced), ""]
    if release.established:
        kinds = {"official": t["kind_official"], "copy": t["kind_copy"]}
        lines += [f"## {t['established']} {{#established}}", "", t["established_intro"], "",
                  *(f"- {s['title']} ({kinds[s['kind']]}, {s['read']}): <{s['url']}>" for s in release.established), ""]
    lines += [f"[{t['back_releases']}](index.md)", ""]
    return "\n".join(lines)


@event_priority(-110)  # after the i18n plugin (-100) has chosen this language's files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    language = _language(config)
    _cases[:] = load_cases(files, language, config.docs_dir)
    _by_uri.clear(), _by_category.clear(), _by_target.clear(), _by_release.clear(), _listings.clear()
    _release_tables.clear()
    for case in _cases:
        _by_uri[case.src_uri] = case
        _by_category.setdefault(case.category, []).append(case)
        for target in case.targets:
            _by_target.setdefault(target, []).append(case)
        if case.official:
            _by_release.setdefault(case.release, {})[case.number] = case
    for group, field in (("categories", "category"), ("tags", "tags")):
        folder = "category" if group == "categories" else "tag"
        for key in _counts(field):
            files.append(_generated(config, f"cases/{folder}/{key}.md", taxonomy_page(group, key, language), language))
    files.append(_generated(config, "cases/releases/index.md", releases_index_page(language), language))
    for release in releases().values():
        files.append(_generated(config, release_uri(release.id),
                                release_page(release, language, config.use_directory_urls), language))
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Put every case page (and generated list) under the section of the case index.

    They are not in the nav (mkdocs.yml, not_in_nav), so MkDocs gives them no
    parent; with the section as parent, the "典型案例" tab and section are
    marked active on a case page as on the index, without the nav listing
    every case.
    """
    index = next((page for page in nav.pages if page.file.src_uri in INDEXES), None)
    if index is None:
        raise ValueError("cases hook: cases/index.md must be in the nav")
    for file in files.documentation_pages():
        page = file.page
        if file.src_uri.startswith("cases/") and page is not None and page is not index and page.parent is None:
            page.parent = index.parent
    return nav


def related(case: Case, official: bool, limit: int) -> list[Case]:
    """Cases of the same category or citing a same article, closest first, official or not.

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
    eligible = [case_id for case_id in scores if others[case_id].official == official]
    best = heapq.nsmallest(limit, eligible, key=lambda case_id: (-scores[case_id], case_id))
    return [others[case_id] for case_id in best]


def _facts(meta: dict, language: str, src_uri: str, directory_urls: bool) -> list[tuple[str, str]]:
    t = TEXT[language]
    join = "、" if language == "zh" else ", "
    category = meta["category"]
    return [
        (t["category"], page_link(f"cases/category/{category}.md", label("categories", category, language), src_uri,
                                  directory_urls)),
        (t["tags"], join.join(page_link(f"cases/tag/{tag}.md", label("tags", tag, language), src_uri, directory_urls)
                              for tag in meta["tags"])),
        (t["relationship"], html.escape(label("relationships", meta["relationship"], language), quote=False)),
        (t["measures"], html.escape(join.join(label("measures", m, language) for m in meta["measures"]), quote=False)),
        (t["outcome"], html.escape(str(meta["outcome"]), quote=False)),
    ]


def _items(rows: list[tuple[str, str]], language: str) -> str:
    sep = "：" if language == "zh" else ": "
    return "".join(f"<li><strong>{html.escape(name, quote=False)}</strong>{sep}{value}</li>\n" for name, value in rows)


def _external(url: str) -> str:
    text = html.escape(url)
    return f'<a href="{text}" rel="noopener noreferrer">{text}</a>'


def official_header(meta: dict, language: str, src_uri: str, directory_urls: bool) -> str:
    """Who released the case, when, under which name, which court, and where the official text is."""
    t = TEXT[language]
    source = meta["source"]
    release = releases()[source["release"]]
    release_name = page_link(release_uri(release.id), release.title if language == "zh" else release.title_en,
                             src_uri, directory_urls)
    released = t["released_value"].format(issuers=html.escape(_issuers_text(release, language)),
                                          date=release.date, title=release_name, number=source["number"])
    if language == "en":
        released = released.replace(release_name, f"{release_name} ({html.escape(release.title)})")
    url = source.get("url") or release.url
    court = source["court"]
    rows = [
        (t["released"], released),
        (t["case_name"], html.escape(source["name"], quote=False)),
        (t["court"], html.escape(t["court_none"] if court == NOT_NAMED else court, quote=False)),
        (t["procedure"], html.escape(label("procedures", source["procedure"], language), quote=False)),
        (t["official_text"], _external(url) if url else html.escape(t["no_official_url"], quote=False)),
    ]
    warning = ""
    if source.get("verification") == "single-copy":
        warning = (f'<div class="admonition warning" data-kb-verify>\n<p class="admonition-title">'
                   f'{html.escape(t["single_copy"], quote=False)}</p>\n</div>\n')
    return (f'<div class="admonition info kb-official-case" data-search-exclude>\n'
            f'<p class="admonition-title">{html.escape(t["official_title"], quote=False)}</p>\n'
            f"<p>{html.escape(t['official_notice'], quote=False)}</p>\n<ul>\n{_items(rows, language)}</ul>\n</div>\n"
            f"{warning}<ul>\n{_items(_facts(meta, language, src_uri, directory_urls), language)}</ul>")


def case_header(meta: dict, language: str, src_uri: str, directory_urls: bool) -> str:
    """The notice (teaching or official) and the case's facts, as HTML (Material's admonition markup)."""
    if (meta.get("source") or {}).get("kind") == "official":
        return official_header(meta, language, src_uri, directory_urls)
    t = TEXT[language]
    # The notice is the same on every case: kept out of search (data-search-exclude), where it matched every case.
    return (f'<div class="admonition info" data-search-exclude>\n'
            f'<p class="admonition-title">{html.escape(t["notice_title"], quote=False)}</p>\n'
            f"<p>{html.escape(t['notice'], quote=False)}</p>\n</div>\n"
            f"<ul>\n{_items(_facts(meta, language, src_uri, directory_urls), language)}</ul>")


def page_title(doc: str, language: str) -> str:
    """The title of a page under docs/, in ``language`` when a translation exists."""
    path = DOCS / doc
    english = twin(path)
    if language == "en" and english.exists():
        path = english
    if not path.exists():
        raise ValueError(f"data/taxonomy.yml: category_guides names a missing page: {doc}")
    meta = read_meta(path)
    return str(meta.get("title") or doc)


def sources_html(meta: dict, language: str) -> str:
    """The sources an official digest was written from, so a reviewer can retrace it."""
    t = TEXT[language]
    items = []
    for source in meta["source"]["sources"]:
        kind = t["kind_official" if source["kind"] == "official" else "kind_copy"]
        items.append(f"<li>{html.escape(source['title'])}（{kind}，{source['read']}）：{_external(source['url'])}</li>"
                     if language == "zh" else
                     f"<li>{html.escape(source['title'])} ({kind}, read {source['read']}): {_external(source['url'])}</li>")
    return f"<p>{html.escape(t['sources_intro'])}</p>\n<ul>\n" + "\n".join(items) + "\n</ul>"


def case_footer(case: Case, meta: dict, language: str, page_uri: str, directory_urls: bool) -> str:
    """Sources (official digests), related cases and guides: headings in the Markdown (for the table
    of contents), lists in HTML slots.

    The related sections are kept out of search (``data-search-exclude``):
    they hold other pages' titles, which made a case match searches for its
    neighbours.
    """
    t = TEXT[language]
    lines = []

    def section(heading: str, links: list[str]) -> None:
        items = "".join(f"<li>{link}</li>\n" for link in links)
        lines.extend(["", heading, block(page_uri, f"<ul>\n{items}</ul>")])

    if case.official:
        lines.extend(["", f"## {t['sources_heading']} {{#sources data-search-exclude}}",
                      block(page_uri, sources_html(meta, language))])
    official = related(case, official=True, limit=3)
    if official:
        section(f"## {t['related_official']} {{#related-official data-search-exclude}}",
                [page_link(o.src_uri, o.title, case.src_uri, directory_urls) for o in official])
    others = related(case, official=False, limit=5)
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
    if uri in INDEXES:
        _listings[uri] = {"all": _cases}
        return markers.fill(markdown, INDEX_MARKER, index_block(language), uri, "the case list")
    case = _by_uri.get(uri.replace(".en.md", ".md"))
    if case is None:
        return markdown
    with content_errors(page.file.abs_src_path, config.docs_dir):
        match = H1.search(markdown)
        if match is None:
            raise ValueError(f"{uri}: a case needs a '# title' line")
        header = block(uri, case_header(page.meta, language, uri, config.use_directory_urls))
        footer = case_footer(case, page.meta, language, uri, config.use_directory_urls)
    return markdown[: match.end()] + header + markdown[match.end():] + footer


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Put the tables of cases into the index, category, tag and release pages."""
    table = _release_tables.pop(page.file.src_uri, None)
    if table is not None:
        if RELEASE_SLOT not in output:
            raise ValueError(f"{page.file.src_uri}: the rendered page lost its table of cases")
        return output.replace(RELEASE_SLOT, table, 1)
    slots = _listings.pop(page.file.src_uri, None)
    if slots is None:
        return output
    for name, cases in slots.items():
        slot = LIST_SLOT.format(name=name)
        if slot not in output:
            raise ValueError(f"{page.file.src_uri}: the rendered page lost its case list slot '{name}'")
        table = listing(cases, page.file.src_uri.replace(".en.md", ".md"), _language(config), config.use_directory_urls)
        output = output.replace(slot, table, 1)
    return output
