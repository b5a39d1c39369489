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
    if "law" not in page.meta:
        return markdown
    language = str(config.theme["language"])
    if language not in LABELS:
        raise ValueError(f"law_pages: no labels for language '{language}'")
    match = H1.search(markdown)
    if match is None:
        raise ValueError(f"{page.file.src_uri}: a law page needs a '# title' line for the version block")
    insert = version_block(page.meta, language)
    if page.file.src_uri.endswith(".en.md"):
        insert = translation_notice(page.meta) + "\n" + insert
    return markdown[: match.end()] + "\n\n" + insert + markdown[match.end():]
