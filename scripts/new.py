#!/usr/bin/env python3
"""Start a new page: write a Chinese page and its English version that pass the checks.

    .venv/bin/python scripts/new.py case --slug stalking-at-work --title 前男友到单位纠缠 [--category partners]
    .venv/bin/python scripts/new.py guide --slug mediation/first-meeting --title 第一次调解会面
    .venv/bin/python scripts/new.py training --slug school-talk --title 校园讲座 --title-en "A talk for schools"
    .venv/bin/python scripts/new.py official spc-2020-11 2     # digest of case 2 of a release in data/releases.yml

Each kind goes to its folder under docs/ (cases/, guides/, training/) as
``<slug>.md`` and ``<slug>.en.md``: front matter that satisfies the page
kind's schema (a case gets the next free ``case-NNN`` id, a category and
matching tag, relationship and measure, ``cites: [反家庭暴力法 23]``), the
page kind's sections with their fixed anchors, and placeholder text that says
what to write. ``review`` is ``{status: draft}`` and ``updated`` is today.
The English page then gets ``translated_from`` (scripts/translation.py mark).

Nothing is written with ``--dry-run``, for an invalid slug or title, or when
either file already exists; the last two exit with status 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kb.checks.workspace import Workspace  # noqa: E402
from kb.frontmatter import split_front_matter  # noqa: E402
from kb.paths import DOCS  # noqa: E402
from kb.releases import OFFICIAL_FOLDER, Release, case_files, releases  # noqa: E402
from scripts.translation import mark  # noqa: E402

SEGMENT = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CASE_ID = re.compile(r"^case-(\d{3,5})$")
TITLE_LENGTH = (2, 120)  # schemas/common.schema.json, $defs/title
DEFAULT_CATEGORY = "protection-order"
CITATION = "反家庭暴力法 23"


@dataclass(frozen=True)
class Kind:
    """A page kind that can be scaffolded."""

    folder: str  # under docs/
    nested: bool  # whether the slug may name an existing subfolder (guides/mediation/…)
    label_zh: str
    label_en: str


KINDS = {
    "case": Kind("cases", False, "案例", "case"),
    "guide": Kind("guides", True, "指南", "guide"),
    "training": Kind("training", False, "培训资料", "training material"),
}


@dataclass(frozen=True)
class CaseDefaults:
    """Front-matter values that fit a case category (keys of data/taxonomy.yml)."""

    tag: str
    relationship: str
    measure: str


# One entry per category of data/taxonomy.yml (tests/test_new.py checks they agree).
CATEGORY_DEFAULTS = {
    "protection-order": CaseDefaults("protection-order", "spouse", "protection-order"),
    "on-behalf": CaseDefaults("protection-order", "adult-child-parent", "protection-order"),
    "order-violation": CaseDefaults("protection-order", "spouse", "fine-detention"),
    "warning-letter": CaseDefaults("warning-letter", "spouse", "warning-letter"),
    "divorce": CaseDefaults("divorce", "spouse", "divorce-judgment"),
    "custody": CaseDefaults("custody", "former-spouse", "custody-change"),
    "partners": CaseDefaults("former-partner", "former-partner", "protection-order"),
    "household": CaseDefaults("protection-order", "in-law", "protection-order"),
    "psychological": CaseDefaults("psychological-violence", "spouse", "protection-order"),
    "children": CaseDefaults("child", "parent-child", "mandatory-report"),
    "elders": CaseDefaults("elder", "adult-child-parent", "support-order"),
    "criminal": CaseDefaults("maltreatment", "spouse", "criminal-liability"),
    "mediation": CaseDefaults("mediation", "spouse", "mediation-agreement"),
    "rural-land": CaseDefaults("rural-land", "villagers-collective", "rights-restored"),
    "workplace": CaseDefaults("sexual-harassment", "employer-employee", "referral"),
}


class UsageError(Exception):
    """A problem with the request; reported with exit status 2, nothing written."""


@dataclass(frozen=True)
class Scaffold:
    """The pair of pages to write."""

    zh_path: Path
    en_path: Path
    zh_text: str
    en_text: str


# Front matter and bodies ---------------------------------------------------


def flow(value: Any) -> str:
    """``value`` as one line of YAML in flow style, quoted only where YAML needs it."""
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=1_000_000, sort_keys=False)
    return text.removesuffix("\n...\n").rstrip("\n")


def block(key: str, value: dict[str, Any]) -> str:
    """A mapping of several fields (an official case's ``source``) in block style, one field a line."""
    text = yaml.safe_dump({key: value}, allow_unicode=True, default_flow_style=None, width=1_000_000,
                          sort_keys=False, indent=2)
    return text.rstrip("\n")


def front_matter(fields: dict[str, Any]) -> str:
    """The ``---`` block: one ``key: value`` line per field, in the given order."""
    lines = [block(key, value) if isinstance(value, dict) and len(value) > 1 else f"{key}: {flow(value)}"
             for key, value in fields.items()]
    return "---\n" + "\n".join(lines) + "\n---\n"


def page(fields: dict[str, Any], title: str, body: str) -> str:
    """A whole page: front matter, the title as the H1, then the body."""
    return f"{front_matter(fields)}\n# {title}\n\n{body.strip()}\n"


CASE_BODY_ZH = """
## 基本案情 {#facts}

**待填写：**按时间顺序写清楚发生了什么：当事人之间是什么关系，发生了哪些暴力或者侵害行为，当事人保存了哪些证据。人名只用“张某”“李某某”式的化名；地点不具体到省以下；不写真实的案号、法院名称、日期和电话号码。

## 处理经过与结果 {#handling}

**待填写：**当事人向谁求助、提出了什么申请，公安机关、法院或者其他机构怎样处理，结果是什么。每一处法律陈述都在句末引用规定它的条文，例如：遭受家庭暴力的当事人可以向人民法院申请人身安全保护令（[[反家庭暴力法 23]]）。

## 法律依据 {#legal-basis}

- [[反家庭暴力法 23]]：**待填写：**用一句话说明这一条规定了什么、与本案有什么关系。逐条列出本案引用的条文，并把它们全部写进前置元数据的 `cites`；不需要的条文连同 `cites` 中的那一项一起删除。

## 典型意义 {#significance}

**待填写：**本案说明了哪条法律规则（期限、谁可以申请、证明标准、有效期、后果），对遇到类似情况的人有什么启示。

## 给当事人的建议 {#advice}

**待填写：**给遇到类似情况的人的具体做法，按步骤编号，例如：

1. 正在遭受暴力时，立即拨打 110。
2. 保存报警回执、病历、照片和聊天记录等证据。
3. 需要帮助时，拨打 12338 联系妇联，或者拨打 12348 咨询法律援助。
"""

CASE_BODY_EN = """
## Facts {#facts}

**To write:** what happened, in order: how the people are related, what violence or harm took place, and what evidence was kept. Use pseudonyms only ("Ms Zhang", "Mr Li"); name no place below province level; give no real case numbers, court names, dates or phone numbers.

## What happened next {#handling}

**To write:** whom the person asked for help, what they applied for, how the police, the court or others dealt with it, and the outcome. Cite the article behind every statement of law at the end of the sentence, for example: a person who suffers domestic violence can apply to the court for a personal safety protection order ([[反家庭暴力法 23]]).

## Legal basis {#legal-basis}

- [[反家庭暴力法 23]]: **To write:** one sentence on what this article says and how it applies. List every article the case cites, and list all of them under `cites` in the front matter; delete an article you do not need together with its `cites` entry.

## Why it matters {#significance}

**To write:** which rule of law the case shows (time limits, who may apply, standard of proof, duration, consequences) and what it means for people in a similar situation.

## What you can do {#advice}

**To write:** practical steps for people in a similar situation, numbered, for example:

1. If you are being attacked, call 110 at once.
2. Keep the police call receipt, medical records, photos and messages as evidence.
3. For help, call 12338 (women's federation) or 12348 (legal aid).
"""

GUIDE_BODY_ZH = """
**待填写：**开头一段先用一两句话回答读者最关心的问题，再说明本页讲什么、写给谁（当事人、调解员还是志愿者）。短句，一段一个意思。

## 待填写：读者会问的第一个问题？ {#first-question}

**待填写：**先给答案，再讲细节。每一处法律陈述都要引用条文，写成 `[[法律名称 条号]]`，例如 `[[反家庭暴力法 23]]`；先在“法律条文”栏目读过原文再引用，并把引用的条文列入前置元数据的 `cites`（例如 `cites: [反家庭暴力法 23]`）。

把本节标题换成读者会问的问题，把锚点 `{#first-question}` 换成简短的英文锚点（例如 `{#who-can-apply}`）；英文页面用同一个锚点。锚点发布后不再修改。

## 待填写：怎样做？ {#steps}

**待填写：**按步骤编号写出具体做法。
"""

GUIDE_BODY_EN = """
**To write:** open with one or two sentences that answer the reader's main question, then say what the page covers and whom it is for (people seeking help, mediators or volunteers). Short sentences, one idea per paragraph.

## To write: the reader's first question? {#first-question}

**To write:** the answer first, then the details. Cite the article behind every statement of law as `[[law-name article]]`, for example `[[反家庭暴力法 23]]`, and list the cited articles under `cites` in the front matter (for example `cites: [反家庭暴力法 23]`).

Keep the anchors of the Chinese page: when the Chinese heading gets a new anchor, use the same one here.

## To write: what to do? {#steps}

**To write:** numbered, practical steps.
"""

TRAINING_BODY_ZH = """
**待填写：**这份资料供谁、在什么场合使用，讲座大约多长时间（与前置元数据的 `duration` 一致，单位为分钟）。

## 对象与目标 {#audience-goals}

**对象：**待填写。

**目标：**听完讲座，听众能够：

- 待填写：每个目标一条，并引用规定它的条文，写成 `[[法律名称 条号]]`，例如 `[[反家庭暴力法 23]]`；引用的条文列入前置元数据的 `cites`。

## 讲座提纲 {#outline}

| 时间 | 内容 | 要点与条文 |
| --- | --- | --- |
| 待填写 | 待填写 | 待填写 |

## 重点条文 {#key-articles}

**待填写：**讲座要讲透的几条条文，每条一两句通俗说明。

## 讨论案例 {#discussion-cases}

**待填写：**从“典型案例”栏目选出讨论用的案例，用相对链接指向案例页面，并把案例编号列入前置元数据的 `cases`（例如 `cases: [case-001]`）。

## 准备与注意事项 {#preparation}

**待填写：**讲座前要准备什么；听众中可能有正在遭受暴力的人，开场时说明求助电话 110、12338、12348，不要求任何人当众讲述自己的经历。
"""

TRAINING_BODY_EN = """
**To write:** who this material is for, where it is used and how long the lecture takes (the same as `duration` in the front matter, in minutes).

## Audience and goals {#audience-goals}

**Audience:** to write.

**Goals:** after the lecture, the audience can:

- To write: one goal per item, citing the article behind it as `[[law-name article]]`, for example `[[反家庭暴力法 23]]`; list the cited articles under `cites` in the front matter.

## Outline {#outline}

| Time | Topic | Points and articles |
| --- | --- | --- |
| to write | to write | to write |

## Key articles {#key-articles}

**To write:** the articles the lecture explains in depth, each with a sentence or two in plain language.

## Discussion cases {#discussion-cases}

**To write:** the model cases used for discussion, linked relatively, with their ids under `cases` in the front matter (for example `cases: [case-001]`).

## Preparation {#preparation}

**To write:** what to prepare. Someone in the audience may be living with violence: give the hotlines 110, 12338 and 12348 at the start, and never ask anyone to tell their own story in front of the group.
"""


def case_pages(case_id: str, category: str, title: str, title_en: str, today: dt.date) -> tuple[str, str]:
    """The Chinese and English text of a new teaching case."""
    defaults = CATEGORY_DEFAULTS[category]
    shared = {
        "category": category,
        "tags": [defaults.tag],
        "cites": [CITATION],
        "source": {"kind": "teaching"},
        "relationship": defaults.relationship,
        "measures": [defaults.measure],
    }
    zh = {"id": case_id, "title": title,
          "description": "待填写：用一两句话概括本案例，说明谁遇到了什么问题、依据哪条法律得到了怎样的保护。",
          **shared, "outcome": "待填写：用一句话写出处理结果", "review": {"status": "draft"}, "updated": today}
    # The English page holds only what is written in English; the rest is the Chinese page's (kb.twins).
    en = {"title": title_en,
          "description": "To write: one or two sentences on who faced what problem and how the law protected them.",
          "outcome": "To write: the outcome in one sentence"}
    return page(zh, title, CASE_BODY_ZH), page(en, title_en, CASE_BODY_EN)


def guide_pages(title: str, title_en: str, today: dt.date) -> tuple[str, str]:
    """The Chinese and English text of a new guide."""
    zh = {"title": title, "description": "待填写：用一句话概括本指南讲什么、写给谁，用于搜索结果和网页描述。",
          "audience": ["public"], "review": {"status": "draft"}, "updated": today}
    en = {"title": title_en,
          "description": "To write: one sentence on what this guide covers and whom it is for, for search results."}
    return page(zh, title, GUIDE_BODY_ZH), page(en, title_en, GUIDE_BODY_EN)


def training_pages(title: str, title_en: str, today: dt.date) -> tuple[str, str]:
    """The Chinese and English text of a new lecture kit."""
    zh = {"title": title, "description": "待填写：用一句话概括这份培训资料的主题、对象和时长，用于搜索结果和网页描述。",
          "audience": ["trainer"], "duration": 60, "review": {"status": "draft"}, "updated": today}
    en = {"title": title_en,
          "description": "To write: one sentence on the topic, audience and length of this training material."}
    return page(zh, title, TRAINING_BODY_ZH), page(en, title_en, TRAINING_BODY_EN)


OFFICIAL_BODY_ZH = """
## 基本案情 {#facts}

**待填写：**用自己的话概述发布文本写明的案情，不照搬原文的句子，不增加发布文本没有的事实。人名用发布文本的化名；刑事案件不写暴力或性侵害的细节。

## 裁判结果 {#decision}

**待填写：**法院（检察机关的案例写“检察机关履职情况”，锚点不变）作出了什么决定。

## 典型意义 {#significance}

**待填写：**发布文本认为本案的意义，用自己的话转述。

## 法律依据 {#legal-basis}

### 发布文本引用的条文 {#release-cites}

- [[反家庭暴力法 23]]：**待填写：**发布文本引用的每一条，并列入前置元数据的 `source.cites`；发布文本没有列出条文时，写“发布文本没有列出具体条文。”并把 `source.cites` 写成 `[]`。

### 编者补充的相关条文 {#editor-cites}

- [[反家庭暴力法 29]]：**待填写：**编者补充的相关条文，列入前置元数据的 `cites`；没有时删除本节，`cites` 写成 `[]`。
"""

OFFICIAL_BODY_EN = """
## Facts {#facts}

**To write:** the facts the release states, in your own words; add nothing the release does not say. Use the release's pseudonyms; no graphic detail in criminal cases.

## Decision {#decision}

**To write:** what the court decided (for a procuratorate: "What the procuratorate did", same anchor).

## Why the release says it matters {#significance}

**To write:** the significance the release gives, in your own words.

## Legal basis {#legal-basis}

### Articles the release cites {#release-cites}

- [[反家庭暴力法 23]]: **To write:** each article the release cites (the same as `source.cites`).

### Articles the editors add {#editor-cites}

- [[反家庭暴力法 29]]: **To write:** related articles the editors add (the same as `cites`).
"""


def official_pages(case_id: str, release: Release, number: int, today: dt.date) -> tuple[str, str]:
    """The Chinese and English text of a new official-case digest, with the registry's facts filled in."""
    name = release.name(number) or f"待填写：发布时的案例名称（{release.id} 第 {number} 号）"
    shared = {
        "category": DEFAULT_CATEGORY, "tags": [CATEGORY_DEFAULTS[DEFAULT_CATEGORY].tag], "cites": ["反家庭暴力法 29"],
        "source": {
            "kind": "official", "release": release.id, "number": number, "name": name,
            "issuers": list(release.issuers), "date": release.date, "court": "not-named",
            "procedure": "protection-order", "cites": [CITATION],
            "sources": [{"title": "待填写：读过的资料名称", "url": release.url or "https://example.invalid/",
                         "kind": "official" if release.url else "copy", "read": today.isoformat()}],
            "verification": "official" if release.url else "single-copy",
        },
        "relationship": CATEGORY_DEFAULTS[DEFAULT_CATEGORY].relationship,
        "measures": [CATEGORY_DEFAULTS[DEFAULT_CATEGORY].measure],
    }
    zh = {"id": case_id, "title": name,
          "description": "待填写：用一两句话概括案情和结果（自己的话）。", **shared,
          "outcome": "待填写：用一句话写出处理结果", "review": {"status": "draft"}, "updated": today}
    title_en = f"To write: the case name in English ({name})"
    en = {"title": title_en,
          "description": "To write: one or two sentences on the facts and the outcome, in your own words.",
          "outcome": "To write: the outcome in one sentence"}
    return page(zh, name, OFFICIAL_BODY_ZH), page(en, title_en, OFFICIAL_BODY_EN)


def plan_official(release_id: str, number: int, docs: Path, today: dt.date) -> Scaffold:
    """The pages of case ``number`` of release ``release_id``; raise UsageError for what the checks would refuse."""
    release = releases().get(release_id)
    if release is None:
        raise UsageError(f"data/releases.yml 中没有发布“{release_id}” / no release '{release_id}' in data/releases.yml "
                         f"({', '.join(releases())})")
    if not release.publishable:
        raise UsageError(f"发布 {release_id} 只见于一处来源，确认前不能收录其中的案例 / release {release_id} is "
                         "known from one source only; its cases cannot be published yet (CASE002)")
    if number < 1 or (release.cases is not None and number > release.cases):
        raise UsageError(f"序号应在 1 到 {release.cases} 之间 / the number must be between 1 and {release.cases}")
    base = docs / OFFICIAL_FOLDER / release.slug(number)
    zh_path, en_path = base.with_name(base.name + ".md"), base.with_name(base.name + ".en.md")
    existing = [display(p, docs) for p in (zh_path, en_path) if p.exists() or p.is_symlink()]
    if existing:
        raise UsageError(f"文件已存在，不会覆盖：{'、'.join(existing)}\n"
                         f"file already exists, not overwritten: {', '.join(existing)}")
    zh_path.parent.mkdir(parents=True, exist_ok=True)
    zh_text, en_text = official_pages(next_case_id(docs), release, number, today)
    return Scaffold(zh_path, en_path, zh_text, en_text)


# Validation ----------------------------------------------------------------


def check_slug(kind: str, slug: str, docs: Path) -> None:
    """Raise UsageError unless ``slug`` is a valid, free page name for ``kind``."""
    parts = slug.split("/")
    bad = next((part for part in parts if not SEGMENT.match(part)), None)
    if bad is not None:
        raise UsageError(
            f"无效的短名“{slug}”：只能用小写英文字母、数字和连字符，例如 protection-order-steps\n"
            f"invalid slug '{slug}': use lowercase a-z, 0-9 and hyphens only, e.g. protection-order-steps")
    if parts[-1] == "index":
        raise UsageError("“index”是栏目首页的文件名，请换一个短名 / 'index' is a section's front page, choose another slug")
    if len(parts) > 1 and not KINDS[kind].nested:
        raise UsageError(f"{KINDS[kind].label_zh}不能放在子文件夹中：“{slug}” / a {KINDS[kind].label_en} "
                         f"cannot go in a subfolder: '{slug}'")
    folder = docs.joinpath(KINDS[kind].folder, *parts[:-1])
    if not (folder / "index.md").is_file():
        shown = display(folder, docs)
        raise UsageError(f"栏目 {shown}/ 不存在（没有 index.md）；新栏目要先建好首页\n"
                         f"section {shown}/ does not exist (no index.md); create the section's index pages first")


def check_title(title: str, option: str) -> str:
    """The stripped title; raise UsageError unless it fits the schema's length on one line."""
    title = title.strip()
    low, high = TITLE_LENGTH
    if "\n" in title or not low <= len(title) <= high:
        raise UsageError(f"{option} 应为一行、{low}–{high} 个字符 / {option} must be one line of {low}–{high} characters")
    return title


def next_case_id(docs: Path) -> str:
    """One more than the highest ``case-NNN`` id used by any case page, in either language."""
    numbers = [0]
    for path in case_files(docs):
        meta, _, _ = split_front_matter(path.read_text(encoding="utf-8", errors="replace"))
        match = CASE_ID.match(str(meta.get("id", "")))
        if match:
            numbers.append(int(match.group(1)))
    number = max(numbers) + 1
    if number > 99999:
        raise UsageError("case-99999 已用完，需要先扩展 schemas/case.schema.json 的编号格式 / "
                         "case ids are exhausted at case-99999: extend the id pattern in schemas/case.schema.json")
    return f"case-{number:03d}"


# Writing -------------------------------------------------------------------


def display(path: Path, docs: Path) -> str:
    """``path`` relative to the folder that holds docs/ (docs/cases/…), as the checks print it."""
    return path.relative_to(docs.parent).as_posix()


def plan(args: argparse.Namespace, docs: Path, today: dt.date) -> Scaffold:
    """Validate the request and build the pages without writing anything."""
    check_slug(args.kind, args.slug, docs)
    title = check_title(args.title, "--title")
    title_en = check_title(args.title_en if args.title_en is not None else args.title, "--title-en")
    base = docs / KINDS[args.kind].folder / args.slug
    zh_path, en_path = base.with_name(base.name + ".md"), base.with_name(base.name + ".en.md")
    existing = [display(p, docs) for p in (zh_path, en_path) if p.exists() or p.is_symlink()]
    if existing:
        raise UsageError(f"文件已存在，不会覆盖：{'、'.join(existing)}\n"
                         f"file already exists, not overwritten: {', '.join(existing)}")
    if args.kind == "case":
        zh_text, en_text = case_pages(next_case_id(docs), args.category, title, title_en, today)
    elif args.kind == "guide":
        zh_text, en_text = guide_pages(title, title_en, today)
    else:
        zh_text, en_text = training_pages(title, title_en, today)
    return Scaffold(zh_path, en_path, zh_text, en_text)


def write(scaffold: Scaffold, docs: Path) -> None:
    """Create both files (never overwriting) and record the translation; all or nothing."""
    created: list[Path] = []
    try:
        for path, text in ((scaffold.zh_path, scaffold.zh_text), (scaffold.en_path, scaffold.en_text)):
            with path.open("x", encoding="utf-8", newline="\n") as handle:
                created.append(path)
                handle.write(text)
        mark(scaffold.en_path, Workspace(docs))
    except BaseException:
        for path in created:
            path.unlink(missing_ok=True)
        raise


def next_steps(kind: str, zh: str, en: str) -> str:
    """What the volunteer does next, in Chinese and then in English."""
    zh_steps = [f"编辑 {zh}：把每个“待填写”换成内容；每一处法律陈述都引用条文，前置元数据的 cites 列出正文引用的全部条文。"]
    en_steps = [f"Edit {zh}: replace every 待填写 (to write); cite the article behind every statement of law "
                "and list all cited articles under cites in the front matter."]
    if kind == "official":
        zh_steps.append("用自己的话写摘要，只写发布文本写明的事实；在 source.sources 中列出读过的每一份资料，"
                        "核对 court、procedure、verification（见 CONTRIBUTING.md#official-cases）。")
        en_steps.append("Write the digest in your own words, only facts the release states; list every source you "
                        "read under source.sources and check court, procedure and verification "
                        "(CONTRIBUTING.md#official-cases).")
    if kind == "case":
        zh_steps.append("核对 category、tags、relationship、measures、outcome（可选值见 data/taxonomy.yml）；"
                        "人名只用“张某”式的化名，不写真实地点、案号和电话号码。")
        en_steps.append("Check category, tags, relationship, measures and outcome (allowed values in "
                        "data/taxonomy.yml); pseudonyms only, no real places, case numbers or phone numbers.")
    zh_steps += [f"翻译 {en}，保留全部 {{#…}} 锚点；每次更新译文后运行 make mark-translation FILES={en}",
                 f"检查：make check FILES=\"{zh} {en}\"；预览：make serve",
                 "提交 pull request，保留 review: {status: draft}；"
                 + ("案例需要法律审核人同意。" if kind in ("case", "official") else "请专业人员审核。")]
    en_steps += [f"Translate {en}, keeping every {{#…}} anchor; after each update run "
                 f"make mark-translation FILES={en}",
                 f"Check: make check FILES=\"{zh} {en}\"; preview: make serve",
                 "Open a pull request with review: {status: draft}; "
                 + ("cases need a legal reviewer's approval." if kind in ("case", "official")
                    else "ask for a professional review.")]
    lines = ["下一步："] + [f"  {n}. {s}" for n, s in enumerate(zh_steps, 1)]
    lines += ["Next steps:"] + [f"  {n}. {s}" for n, s in enumerate(en_steps, 1)]
    return "\n".join(lines)


# Command line --------------------------------------------------------------


def parser() -> argparse.ArgumentParser:
    """The command line: one subcommand per page kind, sharing the common options."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--slug", required=True,
                        help="file name without .md: lowercase a-z, 0-9, hyphens (guides: may start with an "
                             "existing subfolder, e.g. mediation/first-meeting)")
    common.add_argument("--title", required=True, help="Chinese title")
    common.add_argument("--title-en", help="English title (default: the Chinese title, to be translated)")
    common.add_argument("--dry-run", action="store_true", help="show what would be written, write nothing")
    common.add_argument("--docs", type=Path, default=DOCS, help="the docs folder (default: docs/)")
    main_parser = argparse.ArgumentParser(prog="new.py", description=__doc__.split("\n")[0])
    kinds = main_parser.add_subparsers(dest="kind", required=True, metavar="{case,guide,training,official}")
    case = kinds.add_parser("case", parents=[common], help="teaching case (docs/cases/)")
    case.add_argument("--category", choices=sorted(CATEGORY_DEFAULTS), default=DEFAULT_CATEGORY,
                      help=f"case category from data/taxonomy.yml (default: {DEFAULT_CATEGORY})")
    kinds.add_parser("guide", parents=[common], help="guide (docs/guides/)")
    kinds.add_parser("training", parents=[common], help="training material (docs/training/)")
    official = kinds.add_parser("official", help="digest of an official typical case (docs/cases/official/)")
    official.add_argument("release", help="release id in data/releases.yml, e.g. spc-2020-11")
    official.add_argument("number", type=int, help="the case's number within the release (1-based)")
    official.add_argument("--dry-run", action="store_true", help="show what would be written, write nothing")
    official.add_argument("--docs", type=Path, default=DOCS, help="the docs folder (default: docs/)")
    return main_parser


def main(argv: list[str] | None = None) -> int:
    """Create (or with --dry-run show) the pair, then print the paths and the next steps."""
    argument_parser = parser()
    args = argument_parser.parse_args(argv)
    docs = args.docs.resolve()
    try:
        scaffold = (plan_official(args.release, args.number, docs, dt.date.today()) if args.kind == "official"
                    else plan(args, docs, dt.date.today()))
    except UsageError as error:
        argument_parser.error(str(error))
    zh, en = display(scaffold.zh_path, docs), display(scaffold.en_path, docs)
    if args.dry_run:
        print("试运行，没有写入文件 / dry run, nothing written\n")
        for path, text in ((zh, scaffold.zh_text), (en, scaffold.en_text)):
            print(f"==> {path}\n{text}")
    else:
        write(scaffold, docs)
        print(f"已创建 / created:\n  {zh}\n  {en}\n")
    print(next_steps(args.kind, zh, en))
    return 0


if __name__ == "__main__":
    sys.exit(main())
