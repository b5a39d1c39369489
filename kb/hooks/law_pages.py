"""Law pages: the version block under the title, notices, and the law index.

The facts (issuer, document number, dates, version shown, date checked,
authoritative source) are written once, in the front matter of each law page,
where the law schema checks them; this hook renders them so the page and the
law index never disagree. English pages also get the notice that says what
their English is: an unofficial translation, or none (Chinese text only).
A local regulation says where it applies (``region`` in data/laws.yml), and
an article a later rule has replaced (``superseded``) says so under its
heading, with a link to the rule that governs now.
"""

from __future__ import annotations

import posixpath
import re
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from kb import markers
from kb.laws import ARTICLE_HEADING, LawEntry, entry_for_page, registry

H1 = re.compile(r"^# .+$", re.M)

LABELS = {
    "zh": {
        "title": "版本信息",
        "issuer": "制定机关",
        "number": "文号",
        "promulgated_by": "公布",
        "adopted": "通过",
        "revised": "修订",
        "amended": "修正",
        "effective": "施行",
        "consolidated_through": "综合至",
        "shown": "本页所示版本",
        "checked": "文本最后核对",
        "checked_how": "与项目参考文本逐字核对",
        "source": "权威文本",
        "source_note": "如有出入，以权威文本为准",
        "excerpt": "本页为节选，只收录与本站内容相关的条文；全文请见权威文本。",
        "local_title": "地方性法规：只在{region}适用",
        "local": "本条例是{region}的地方性法规，只在{region}行政区域内适用。其他省、自治区、直辖市可能有自己的规定，"
                 "内容可能不同；全国适用的是反家庭暴力法等法律和司法解释。",
        "superseded_title": "本条已被取代",
        "superseded": "本条的规则已由 {by} 规定（该文本自 {since} 起施行）。本条文字照录原文，引用时请以现行规定为准。",
    },
    "en": {
        "title": "Version",
        "issuer": "Issued by",
        "number": "Document number",
        "promulgated_by": "Promulgated by",
        "adopted": "Adopted",
        "revised": "Revised",
        "amended": "Amended",
        "effective": "In force from",
        "consolidated_through": "Consolidated through",
        "shown": "Version shown",
        "checked": "Text last checked",
        "checked_how": "compared character by character with the project's reference text",
        "source": "Authoritative text",
        "source_note": "where they differ, the authoritative text prevails",
        "excerpt": "This page is an excerpt with the articles relevant to this site; see the authoritative text for the full law.",
        "local_title": "Local regulation: applies in {region} only",
        "local": "These regulations are a local regulation of {region} and apply only there. Other provinces, "
                 "autonomous regions and municipalities may have rules of their own, which can differ; national law "
                 "(the Anti-Domestic Violence Law and related law and judicial interpretations) applies everywhere.",
        "superseded_title": "This article has been superseded",
        "superseded": "The rule of this article is now set by {by} (that text applies from {since}). The article is "
                      "reproduced as issued; rely on the rule that governs now.",
    },
}


def version_block(meta: dict[str, Any], language: str) -> str:
    law = meta["law"]
    t = LABELS[language]
    rows = [f"- {t['issuer']}：{law['issuer']}" if language == "zh" else f"- {t['issuer']}: {law['issuer']}"]
    sep = "：" if language == "zh" else ": "
    for key in ("number", "promulgated_by", "adopted", "revised", "amended", "effective", "consolidated_through"):
        if law.get(key):
            rows.append(f"- {t[key]}{sep}{law[key]}")
    if law.get("history"):
        rows.append(f"- {t['shown']}{sep}{law['history'][-1]}")
    rows.append(f"- {t['checked']}{sep}{law['checked']}（{t['checked_how']}）" if language == "zh"
                else f"- {t['checked']}{sep}{law['checked']} ({t['checked_how']})")
    source = law["source"]
    rows.append(f"- {t['source']}{sep}[{source['name']}]({source['url']})" +
                (f"（{t['source_note']}）" if language == "zh" else f" ({t['source_note']})"))
    block = [f'!!! info "{t["title"]}"', ""] + [f"    {row}" for row in rows]
    if law.get("excerpt"):
        block += ["", f"    {t['excerpt']}"]
    return "\n".join(block) + "\n"


def translation_notice(meta: dict[str, Any]) -> str:
    translation = meta.get("translation")
    if translation is None:
        return (
            '!!! note "Chinese text only"\n\n'
            "    There is no official English text of this law, and the project has not translated it yet. "
            "The articles below are the official Chinese text; each keeps its ID, so links to single articles work "
            "in both languages.\n"
        )
    return (
        '!!! warning "Unofficial translation"\n\n'
        f"    This English text is the project's own translation, made on {translation['translated']}. "
        "It is not an official translation and has no legal force. Where it differs from the Chinese text, "
        "the Chinese text (switch language at the top of the page) prevails.\n"
    )


def local_notice(region: dict[str, str], language: str) -> str:
    t = LABELS[language]
    name = region[language]
    return (f'!!! warning "{t["local_title"].format(region=name)}"\n\n'
            f'    {t["local"].format(region=name)}\n')


def superseded_notices(markdown: str, entry: LawEntry, language: str) -> str:
    """A notice under the heading of each superseded article; the replacing rule is a citation."""
    if not entry.superseded:
        return markdown
    t = LABELS[language]
    out: list[str] = []
    found: set[str] = set()
    for line in markdown.split("\n"):
        out.append(line)
        heading = ARTICLE_HEADING.match(line)
        replaced = entry.superseded.get(heading.group(3)) if heading else None
        if heading and replaced is not None:
            found.add(heading.group(3))
            text = t["superseded"].format(by=f"[[{replaced.by}]]", since=replaced.since)
            out += ["", f'!!! warning "{t["superseded_title"]}"', "", f"    {text}", ""]
    missing = sorted(set(entry.superseded) - found)
    if missing:
        raise ValueError(f"data/laws.yml: {entry.page}: superseded names articles not on the page: {missing}")
    return "\n".join(out)


UPDATES_MARKER = "<!-- law-updates -->"
UPDATES_LABELS = {
    "zh": {"columns": ("法律", "本站所示版本", "文本最后核对", "本站的相应改动"), "none": "—"},
    "en": {"columns": ("Law", "Version shown", "Text last checked", "What changed on this site"), "none": "—"},
}


def updates_table(language: str) -> str:
    """Per law: the version shown, when its text was last checked, and the site's changes (data/laws.yml)."""
    from kb.frontmatter import read_meta
    from kb.laws import LAW_DIR

    t = UPDATES_LABELS[language]
    rows = ["| " + " | ".join(t["columns"]) + " |", "|" + " --- |" * len(t["columns"])]
    for entry in registry():
        meta = read_meta(entry.path)
        english = LAW_DIR / f"{entry.page}.en.md"
        title = read_meta(english)["title"] if language == "en" and english.exists() else meta["title"]
        law = meta["law"]
        shown = (law["history"][-1] if law.get("history") else
                 " / ".join(str(law[k]) for k in ("number", "effective") if law.get(k)) or t["none"])
        changes = "<br>".join(f"{c['date']}：{c['zh']}" if language == "zh" else f"{c['date']}: {c['en']}"
                              for c in entry.changes) or t["none"]
        rows.append(f"| [{title}]({entry.page}.md) | {shown} | {law['checked']} | {changes} |")
    return "\n".join(rows) + "\n"


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = str(config.theme["language"])
    if page.file.src_uri in ("law/index.md", "law/index.en.md"):
        return render_law_index(markdown, language)
    if page.file.src_uri in ("law/updates.md", "law/updates.en.md"):
        return markers.fill(markdown, UPDATES_MARKER, updates_table(language), page.file.src_uri,
                            "the table of law updates")
    if "law" not in page.meta:
        return markdown
    if language not in LABELS:
        raise ValueError(f"law_pages: no labels for language '{language}'")
    match = H1.search(markdown)
    if match is None:
        raise ValueError(f"{page.file.src_uri}: a law page needs a '# title' line for the version block")
    insert = version_block(page.meta, language)
    if page.file.src_uri.endswith(".en.md"):
        insert = translation_notice(page.meta) + "\n" + insert
    entry = entry_for_page(posixpath.basename(page.file.src_uri).split(".")[0])
    if entry is not None and entry.region:
        insert = local_notice(entry.region, language) + "\n" + insert
    markdown = markdown[: match.end()] + "\n\n" + insert + markdown[match.end():]
    return superseded_notices(markdown, entry, language) if entry is not None else markdown


INDEX_LABELS = {
    "zh": {
        "columns": ("名称", "类别", "制定机关", "文号", "通过", "修订或修正", "施行", "状态", "条文"),
        "kinds": {"law": "法律", "judicial-interpretation": "司法解释", "local-regulation": "地方性法规"},
        "current": "现行文本（核对于 {checked}）",
        "consolidated": "综合文本，至{through}（核对于 {checked}）",
        "full": "全文 {n} 条",
        "excerpt": "节选 {n} 条",
        "translated": "，有英文译文",
        "local": "地方性法规",
        "local_intro": "地方性法规只在制定它的省、自治区、直辖市适用，收录在这里作为例子；各地规定可能不同。",
    },
    "en": {
        "columns": ("Title", "Kind", "Issued by", "Document number", "Adopted", "Revised or amended", "In force",
                    "Status", "Articles"),
        "kinds": {"law": "Law", "judicial-interpretation": "Judicial interpretation", "local-regulation": "Local regulation"},
        "current": "Current text (checked {checked})",
        "consolidated": "Consolidated text through {through} (checked {checked})",
        "full": "full text, {n} articles",
        "excerpt": "excerpt, {n} articles",
        "translated": "; English translation",
        "local": "Local regulations",
        "local_intro": "Local regulations apply only in the province, autonomous region or municipality that made them; "
                       "they are here as examples, and rules differ from place to place.",
    },
}


def law_index_table(language: str, local: bool) -> str:
    """The table of the national law pages, or of the local regulations, from their front matter,
    in registry order."""
    from kb.frontmatter import read_meta
    from kb.laws import LAW_DIR, registry

    t = INDEX_LABELS[language]
    rows = ["| " + " | ".join(t["columns"]) + " |", "|" + " --- |" * len(t["columns"])]
    for entry in (e for e in registry() if bool(e.region) == local):
        meta = read_meta(entry.path)
        english = LAW_DIR / f"{entry.page}.en.md"
        shown = meta
        if language == "en" and english.exists():
            shown = read_meta(english)
        law = meta["law"]
        status = (t["consolidated"].format(through=law["consolidated_through"], checked=law["checked"])
                  if law.get("consolidated_through") else t["current"].format(checked=law["checked"]))
        count = (t["excerpt"] if law.get("excerpt") else t["full"]).format(n=meta["articles"])
        if language == "en" and shown.get("translation"):
            count += t["translated"]
        number = law.get("number") or law.get("promulgated_by") or "—"
        changed = " / ".join(str(law[k]) for k in ("revised", "amended") if law.get(k)) or "—"
        rows.append(
            f"| [{shown['title']}]({entry.page}.md) | {t['kinds'][law['kind']]} | {law['issuer']} | {number} | "
            f"{law.get('adopted', '—')} | {changed} | {law.get('effective', '—')} | {status} | {count} |"
        )
    return "\n".join(rows) + "\n"


def render_law_index(markdown: str, language: str) -> str:
    t = INDEX_LABELS[language]
    tables = law_index_table(language, local=False)
    if any(entry.region for entry in registry()):
        tables += f"\n## {t['local']} {{#local-regulations}}\n\n{t['local_intro']}\n\n" + law_index_table(language, local=True)
    return markers.fill(markdown, "<!-- law-index -->", tables, "law/index", "the table of laws")
