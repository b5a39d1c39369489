#!/usr/bin/env python3
"""Create a law page in docs/law/ from the official text in ../shared/reference/laws/.

    .venv/bin/python scripts/import_law.py anti-domestic-violence-law          # writes the zh page
    .venv/bin/python scripts/import_law.py criminal-law --lang en              # English page with the Chinese text
    .venv/bin/python scripts/import_law.py --all
    .venv/bin/python scripts/import_law.py criminal-law --update                # after adding articles to excerpt:
    .venv/bin/python scripts/import_law.py criminal-law --update --lang en      # keeps front matter, intro and notes

The statute text is copied, never retyped: each article becomes a heading
with its stable ID (``### 第二十三条 {#art-23}``) followed by its paragraphs
exactly as in the source. Front matter gets the version facts from
``laws.yaml``, the article count and ``text_sha256``. An existing page is left
alone unless ``--force`` is given, because pages gain notes after import.
``--update`` regenerates the statute text of an existing page (for example
after articles were added to its ``excerpt`` in data/laws.yml) and keeps what
editors wrote: the front matter (only ``articles``, ``text_sha256`` and
``law.checked`` change), everything before the first statute heading (such as
an English summary), and the notes after each article. A page it cannot merge
(a heading of its own among the articles, a note under an article that is no
longer published, an English translation) is left untouched, with the reason.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kb.laws import (  # noqa: E402
    LAW_DIR,
    PREAMBLE,
    Article,
    LawEntry,
    article_id_from_label,
    english_label,
    registry,
    statute_sha256,
)
from kb.numerals import chinese_to_int  # noqa: E402
from kb.paths import SHARED_LAWS  # noqa: E402

AUTHORITY = {"name": "国家法律法规数据库", "url": "https://flk.npc.gov.cn/"}
DIVISION = re.compile(r"^第([零一二三四五六七八九十百千]+)([编章节])")
NUMBERED = re.compile(r"^([零一二三四五六七八九十]+)、")
DIVISION_KEYS = {"编": "part", "章": "chapter", "节": "section"}
LABEL = re.compile(r"^(第[零一二三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?)[ \u3000]+(.*)$")


def load_meta() -> dict[str, dict]:
    data = yaml.safe_load((SHARED_LAWS / "laws.yaml").read_text(encoding="utf-8"))
    return {item["file"]: item for item in data}


def history_lines(text: str) -> list[str]:
    """The source header's adoption and amendment lines (not statute text)."""
    header = text.split("<!-- INFO END -->")[0]
    lines = []
    for line in header.splitlines():
        line = line.strip().strip("\u3000")
        if not line or line.startswith("#"):
            continue
        if line.endswith("）") and line.count("（") < line.count("）"):
            line = line[:-1]  # stray closing parenthesis of the source header (laws.yaml notes)
        lines.append(line)
    return lines


def division_id(title: str, parents: list[str], counter: int) -> str:
    match = DIVISION.match(title)
    if match:
        own = f"{DIVISION_KEYS[match.group(2)]}-{chinese_to_int(match.group(1))}"
    else:
        numbered = NUMBERED.match(title)
        own = f"division-{chinese_to_int(numbered.group(1)) if numbered else counter}"
    return "-".join([*parents, own])


def body_blocks(text: str) -> list[tuple[str, object]]:
    """The source body as ("division", (depth, title)) and ("article", Article) blocks."""
    body = text.split("<!-- INFO END -->", 1)[1]
    blocks: list[tuple[str, object]] = []
    current: Article | None = Article(id=PREAMBLE, label="", paragraphs=[])
    preamble = current
    for raw in body.splitlines():
        line = raw.rstrip()
        if not line.strip("\u200b"):
            continue
        if line.startswith("#"):
            depth = len(line) - len(line.lstrip("#"))
            title = re.sub(r"\s+", " ", line.lstrip("#").strip())
            blocks.append(("division", (depth, title)))
            current = None
            continue
        match = LABEL.match(line)
        if match:
            current = Article(id=article_id_from_label(match.group(1)), label=match.group(1),
                              paragraphs=[match.group(2)] if match.group(2) else [])
            blocks.append(("article", current))
        elif current is not None:
            current.paragraphs.append(line)
    if preamble.paragraphs:
        blocks.insert(0, ("article", preamble))
    return blocks


def select(blocks: list[tuple[str, object]], entry: LawEntry) -> list[tuple[str, object]]:
    """Keep the excerpted articles and the divisions that contain them."""
    if entry.excerpt is None:
        return blocks
    wanted = {f"art-{number}" for number in entry.excerpt}
    kept: list[tuple[str, object]] = []
    pending: list[tuple[str, object]] = []
    for kind, value in blocks:
        if kind == "division":
            depth = value[0]
            pending = [p for p in pending if p[1][0] < depth] + [(kind, value)]
        elif value.id in wanted:
            kept.extend(pending)
            pending = []
            kept.append((kind, value))
    found = {v.id for k, v in kept if k == "article"}
    if found != wanted:
        raise SystemExit(f"{entry.page}: excerpt names articles not in the source: {sorted(wanted - found)}")
    return kept


def render(entry: LawEntry, meta: dict, text: str, lang: str, checked: str) -> str:
    blocks = select(body_blocks(text), entry)
    articles = [value for kind, value in blocks if kind == "article"]
    depths = sorted({value[0] for kind, value in blocks if kind == "division"})
    level = {depth: index + 2 for index, depth in enumerate(depths)}
    article_level = min(len(depths) + 2, 6)
    title = meta["title"]
    law: dict[str, object] = {"kind": meta["kind"], "issuer": meta["issuer"]}
    for key in ("number", "promulgated_by", "adopted", "revised", "amended", "effective", "consolidated_through"):
        if meta.get(key):
            law[key] = str(meta[key])
    law["history"] = history_lines(text)
    law["source"] = dict(AUTHORITY)
    law["checked"] = checked
    if entry.excerpt:
        law["excerpt"] = True
    front = {
        "title": title if lang == "zh" else f"{title} (Chinese text)",
        "description": (
            f"{title}{'（节选）' if entry.excerpt else ''}的官方文本，逐条可链接。"
            if lang == "zh"
            else f"The official Chinese text of the {entry.cite_en}{' (excerpt)' if entry.excerpt else ''}, linkable article by article."
        ),
        "law": law,
        "articles": len([a for a in articles if a.id != PREAMBLE]),
        "text_sha256": statute_sha256(articles),
    }
    out = ["---", yaml.safe_dump(front, allow_unicode=True, sort_keys=False).rstrip(), "---", "", f"# {title}", ""]
    parents: dict[int, str] = {}
    counters: dict[int, int] = {}
    for kind, value in blocks:
        if kind == "division":
            depth, div_title = value
            counters[depth] = counters.get(depth, 0) + 1
            parent_ids = [parents[d] for d in sorted(parents) if d < depth]
            parent_ids = parent_ids[-1:]  # IDs nest one level: chapter-4-section-1
            own = division_id(div_title, parent_ids, counters[depth])
            for d in [d for d in parents if d >= depth]:
                del parents[d]
            parents[depth] = own
            out += [f"{'#' * level[depth]} {div_title} {{#{own}}}", ""]
            continue
        article: Article = value
        if article.id == PREAMBLE:
            heading = "前言" if lang == "zh" else "Preamble"
            out += [f"{'#' * 2} {heading} {{#{PREAMBLE}}}", ""]
        else:
            heading = article.label if lang == "zh" else english_label(article.id)
            out += [f"{'#' * article_level} {heading} {{#{article.id}}}", ""]
        for paragraph in article.paragraphs:
            out += [paragraph, ""]
    return "\n".join(out)


STATUTE_HEADING = re.compile(r"^#{2,6} .*\{#((?:part|chapter|section|division)-[0-9a-z-]+|art-[0-9-]+|preamble)\}\s*$")
ARTICLE_ANCHOR = re.compile(r"\{#(art-[0-9-]+|preamble)\}\s*$")
NOTE_START = re.compile(r"^(\?\?\?\+?|!!!) ")


class MergeError(Exception):
    """The existing page has content --update would lose."""


def _statute_start(lines: list[str]) -> int:
    return next((i for i, line in enumerate(lines) if STATUTE_HEADING.match(line)), len(lines))


def existing_notes(body: list[str]) -> dict[str, list[str]]:
    """Per article ID, the editors' lines after its statute paragraphs (notes, admonitions)."""
    notes: dict[str, list[str]] = {}
    current: str | None = None
    in_note = False
    for line in body[_statute_start(body):]:
        if line.startswith("#"):
            if not STATUTE_HEADING.match(line):
                raise MergeError(f"a heading of the page's own among the articles: {line}")
            match = ARTICLE_ANCHOR.search(line)
            current, in_note = (match.group(1) if match else None), False
            continue
        if NOTE_START.match(line):
            if current is None:
                raise MergeError(f"a note outside an article: {line}")
            in_note = True
        if in_note and current is not None:
            notes.setdefault(current, []).append(line)
    return notes


def merge(existing: str, generated: str) -> str:
    """``generated``'s statute text inside ``existing``'s front matter, introduction and notes."""
    from kb.frontmatter import parse_front_matter

    old_meta, old_body, _ = parse_front_matter(existing)
    if "translation" in old_meta:
        raise MergeError("an English translation: add the new articles' translations by hand")
    new_meta, new_body, _ = parse_front_matter(generated)
    old_lines, new_lines = old_body.split("\n"), new_body.split("\n")
    notes = existing_notes(old_lines)
    new_ids = {m.group(1) for line in new_lines if (m := ARTICLE_ANCHOR.search(line)) and line.startswith("#")}
    lost = sorted(set(notes) - new_ids)
    if lost:
        raise MergeError(f"notes under articles no longer published: {', '.join(lost)}")
    meta = dict(old_meta)
    meta["articles"], meta["text_sha256"] = new_meta["articles"], new_meta["text_sha256"]
    meta["law"] = {**old_meta.get("law", {}), "checked": new_meta["law"]["checked"]}
    out = old_lines[:_statute_start(old_lines)]
    current: str | None = None

    def close() -> None:
        if current in notes:
            while out and out[-1] == "":
                out.pop()
            out.extend(["", *notes[current]])
            while out and out[-1] == "":
                out.pop()
            out.append("")

    for line in new_lines[_statute_start(new_lines):]:
        if line.startswith("#"):
            close()
            match = ARTICLE_ANCHOR.search(line)
            current = match.group(1) if match else None
        out.append(line)
    close()
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False).rstrip()
    return "\n".join(["---", front, "---", *out]).rstrip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pages", nargs="*", help="law page slugs from data/laws.yml")
    parser.add_argument("--all", action="store_true", help="every law in data/laws.yml")
    parser.add_argument("--lang", choices=["zh", "en"], default="zh")
    parser.add_argument("--force", action="store_true", help="overwrite an existing page")
    parser.add_argument("--update", action="store_true",
                        help="regenerate the statute text of an existing page, keeping its front matter, "
                             "introduction and notes")
    parser.add_argument("--checked", default=dt.date.today().isoformat(), help="date the text was checked")
    args = parser.parse_args(argv)
    if not SHARED_LAWS.is_dir():
        print(f"参考文本目录不存在：{SHARED_LAWS}", file=sys.stderr)
        return 2
    entries = registry() if args.all else [e for e in registry() if e.page in args.pages]
    unknown = set(args.pages) - {e.page for e in registry()}
    if unknown or not entries:
        print(f"未知的法律页面：{', '.join(sorted(unknown)) or '（未指定）'}", file=sys.stderr)
        return 2
    meta = load_meta()
    for entry in entries:
        suffix = ".md" if args.lang == "zh" else ".en.md"
        target = LAW_DIR / f"{entry.page}{suffix}"
        if target.exists() and not (args.force or args.update):
            print(f"跳过（已存在，使用 --force 覆盖或 --update 更新条文）：{target}")
            continue
        text = (SHARED_LAWS / entry.source).read_text(encoding="utf-8")
        page = render(entry, meta[entry.source], text, args.lang, args.checked)
        if args.update and target.exists():
            try:
                page = merge(target.read_text(encoding="utf-8"), page)
            except MergeError as error:
                print(f"未更新 / not updated: {target}: {error}", file=sys.stderr)
                return 1
        target.write_text(page, encoding="utf-8")
        print(f"已写入：{target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
