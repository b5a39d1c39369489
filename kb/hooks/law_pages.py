"""Law pages: put the version block under the title, from the page's front matter.

The facts (issuer, document number, dates, version shown, date checked,
authoritative source) are written once, in the front matter of each law page,
where the law schema checks them; this hook renders them so the page and the
law index never disagree. English pages also get the notice that says what
their English is: an unofficial translation, or none (Chinese text only).
"""

from __future__ import annotations

import re
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

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


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = str(config.theme["language"])
    if page.file.src_uri in ("law/index.md", "law/index.en.md"):
        return render_law_index(markdown, language)
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
    return markdown[: match.end()] + "\n\n" + insert + markdown[match.end():]


INDEX_LABELS = {
    "zh": {
        "columns": ("名称", "类别", "制定机关", "文号", "通过", "修订或修正", "施行", "状态", "条文"),
        "kinds": {"law": "法律", "judicial-interpretation": "司法解释", "local-regulation": "地方性法规"},
        "current": "现行文本（核对于 {checked}）",
        "consolidated": "综合文本，至{through}（核对于 {checked}）",
        "full": "全文 {n} 条",
        "excerpt": "节选 {n} 条",
        "translated": "，有英文译文",
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
    },
}


def law_index_table(language: str) -> str:
    """The table of every law page, from their front matter, in registry order."""
    from kb.frontmatter import read_meta
    from kb.laws import LAW_DIR, registry

    t = INDEX_LABELS[language]
    rows = ["| " + " | ".join(t["columns"]) + " |", "|" + " --- |" * len(t["columns"])]
    for entry in registry():
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
    marker = "<!-- law-index -->"
    if marker not in markdown:
        raise ValueError("law/index: the page needs a '<!-- law-index -->' line where the table goes")
    return markdown.replace(marker, law_index_table(language))
