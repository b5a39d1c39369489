"""Every rule has a fixture that fails it and one that passes it.

Each entry: rule ID, the files of a failing docs/ tree, the files of a
passing one, and the file to check. The test asserts that the rule is
reported on the failing tree (at the expected line where given) and not on
the passing tree.
"""

from __future__ import annotations

import datetime as dt

import pytest

from kb.checks.rules import RULES
from tests.checks.conftest import CASE_FRONT, PAGE, DocsTree, rules_of

ADVL_HEAD = """---
title: 中华人民共和国反家庭暴力法
description: 中华人民共和国反家庭暴力法的官方文本，逐条可链接。
law:
  kind: law
  issuer: 全国人民代表大会常务委员会
  source: {name: 国家法律法规数据库, url: "https://flk.npc.gov.cn/"}
  checked: "2026-11-28"
  excerpt: true
articles: {count}
text_sha256: {sha}
---

# 中华人民共和国反家庭暴力法

"""
ART1 = "### 第一条 {#art-1}\n\n为了预防和制止家庭暴力，保护家庭成员的合法权益，维护平等、和睦、文明的家庭关系，促进家庭和谐、社会稳定，制定本法。\n\n"
ART2 = "### 第二条 {#art-2}\n\n本法所称家庭暴力，是指家庭成员之间以殴打、捆绑、残害、限制人身自由以及经常性谩骂、恐吓等方式实施的身体、精神等侵害行为。\n\n"
ART3_HEAD = "### 第三条 {#art-3}\n\n"


def law_page(body: str, count: int | None = None, sha: str | None = None) -> str:
    from kb.laws import parse_page_articles, statute_sha256

    articles = parse_page_articles(body)
    return ADVL_HEAD.replace("{count}", str(count if count is not None else len(articles))).replace(
        "{sha}", sha or statute_sha256(articles)) + body


EN_PAGE = "---\ntitle: Test page\ndescription: A page for testing the content checks.\n---\n\n# Test page\n\n"
OFFICIAL = "cases/official/spc-2020-11-01.md"
OFFICIAL_FRONT = """---
id: case-951
title: 陈某申请人身安全保护令案
description: 用于测试内容检查的官方案例摘要。
category: protection-order
tags: [protection-order]
cites: [反家庭暴力法 29]
source:
  kind: official
  release: spc-2020-11
  number: 1
  name: 陈某申请人身安全保护令案
  issuers: [最高人民法院, 中华全国妇女联合会, 中国女法官协会]
  date: 2020-11-25
  court: not-named
  procedure: protection-order
  cites: [反家庭暴力法 23]
  sources:
    - {title: 转载一, url: "https://a.example.org/1", kind: copy, read: 2026-12-05}
    - {title: 转载二, url: "https://b.example.org/2", kind: copy, read: 2026-12-05}
  verification: two-copies
relationship: spouse
measures: [protection-order]
outcome: 法院作出人身安全保护令
review: {status: draft}
updated: 2026-12-05
---

# 陈某申请人身安全保护令案

依据[[反家庭暴力法 23]]申请，法院依据[[反家庭暴力法 29]]作出保护令。

"""


def official(old: str = "", new: str = "") -> str:
    """The official-case fixture, with ``old`` replaced by ``new``."""
    return OFFICIAL_FRONT.replace(old, new) if old else OFFICIAL_FRONT


QUESTION = "questions/injury.md"
QUESTION_ANSWER = "先报警（[[反家庭暴力法 15]]）。公安机关应当协助受害人就医、鉴定伤情。"
QUESTION_MORE = "## 深入了解 {#more}\n\n- [证据清单](../help/index.md)\n"


def question(answer: str = QUESTION_ANSWER, more: str = QUESTION_MORE) -> str:
    """A question page whose answer and "learn more" section can be replaced."""
    return ("---\ntitle: 被打伤了，怎么验伤？\ndescription: 用于测试内容检查的问题页面。\nsituation: evidence\n"
            "variants: [家暴了去哪里验伤]\ncites: [反家庭暴力法 15]\nreview: {status: draft}\nupdated: 2026-12-05\n---\n\n"
            f"# 被打伤了，怎么验伤？\n\n{answer}（[[反家庭暴力法 15]]）\n\n{more}")


# (rule, failing files, passing files, file to check, expected line or None)
# An English case page as written once: only what is in English; the rest is the Chinese page's.
CASE_EN = "---\ntitle: Test case\ndescription: A teaching case for testing the content checks.\n" \
          "outcome: The court issued a protection order\n---\n\n# Test case\n\nUnder [[反家庭暴力法 23]].\n\n"


CASES = [
    ("FILE002", {"about/a.md": b"---\ntitle: x\n\xff\xfe"}, {"about/a.md": PAGE}, "about/a.md", 3),
    ("FILE003", {"about/a.md": "   \n"}, {"about/a.md": PAGE}, "about/a.md", 1),
    ("FILE004", {"about/a.md": PAGE + "\x00"}, {"about/a.md": PAGE}, "about/a.md", None),
    ("FILE005", {"about/a.md": PAGE + "文" * 400_000}, {"about/a.md": PAGE}, "about/a.md", None),
    ("FILE006", {"about/a.md": "\ufeff" + PAGE}, {"about/a.md": PAGE}, "about/a.md", 1),
    ("FILE008", {"about/My_Page.md": PAGE}, {"about/my-page.md": PAGE}, None, 1),
    ("FM001", {"about/a.md": "# 没有前置元数据\n"}, {"about/a.md": PAGE}, "about/a.md", 1),
    ("FM001", {"about/a.md": "---\ntitle: 未结束\n"}, {"about/a.md": PAGE}, "about/a.md", 1),
    ("FM002", {"about/a.md": "---\ntitle: 测试\ndescription: [未闭合\n---\n"}, {"about/a.md": PAGE}, "about/a.md", 3),
    ("FM003", {"cases/a.md": CASE_FRONT.replace("updated: 2026-11-28", "updated: 2026/11/28")},
     {"cases/a.md": CASE_FRONT}, "cases/a.md", 13),
    ("FM003", {"cases/a.md": CASE_FRONT.replace("category: protection-order", "category: 保护令")},
     {"cases/a.md": CASE_FRONT}, "cases/a.md", 5),
    ("FM004", {"cases/a.md": CASE_FRONT.replace("outcome: 法院作出人身安全保护令\n", "")},
     {"cases/a.md": CASE_FRONT}, "cases/a.md", None),
    ("FM005", {"cases/a.md": CASE_FRONT.replace("updated:", "judge: 某法官\nupdated:")},
     {"cases/a.md": CASE_FRONT}, "cases/a.md", 13),
    ("FM006", {"cases/a.md": CASE_FRONT, "cases/a.en.md": CASE_FRONT.replace("category: protection-order", "category: divorce")},
     {"cases/a.md": CASE_FRONT, "cases/a.en.md": CASE_FRONT}, "cases/a.en.md", 5),
    ("FM008", {"cases/a.md": CASE_FRONT, "cases/a.en.md": CASE_FRONT},
     {"cases/a.md": CASE_FRONT, "cases/a.en.md": CASE_EN}, "cases/a.en.md", 2),
    ("FM007", {"cases/a.md": CASE_FRONT, "cases/b.md": CASE_FRONT}, {"cases/a.md": CASE_FRONT,
     "cases/b.md": CASE_FRONT.replace("case-901", "case-902")}, "cases/b.md", 1),
    ("LINK001", {"about/a.md": PAGE + "见[指南](../guides/missing.md)。\n"},
     {"about/a.md": PAGE + "见[关于](b.md)。\n", "about/b.md": PAGE}, "about/a.md", 8),
    ("LINK002", {"about/a.md": PAGE + "见[关于](b.md#nowhere)。\n", "about/b.md": PAGE + "## 谁可以申请？ {#who}\n"},
     {"about/a.md": PAGE + "见[关于](b.md#who)和[这里](b.md#测试页面)。\n", "about/b.md": PAGE + "## 谁可以申请？ {#who}\n"},
     "about/a.md", 8),
    ("LINK002", {"about/a.md": PAGE + "## 重复\n\n## 重复\n\n[下](#重复_2)\n"},
     {"about/a.md": PAGE + "## 重复\n\n## 重复\n\n[下](#重复_1)\n"}, "about/a.md", None),
    ("LINK002", {"about/a.en.md": PAGE + "[x](b.md#only-zh)\n", "about/a.md": PAGE, "about/b.md": PAGE + "## 中文 {#only-zh}\n",
                 "about/b.en.md": PAGE + "## English\n"},
     {"about/a.en.md": PAGE + "[x](b.md#only-zh)\n", "about/a.md": PAGE, "about/b.md": PAGE + "## 中文 {#only-zh}\n"},
     "about/a.en.md", 8),
    ("LINK003", {"about/a.md": PAGE + "![流程图](../assets/none.png)\n"},
     {"about/a.md": PAGE + "![流程图](../assets/x.svg)\n", "assets/x.svg": "<svg/>"}, "about/a.md", 8),
    ("LINK004", {"about/a.md": PAGE + "![](../assets/x.svg)\n", "assets/x.svg": "<svg/>"},
     {"about/a.md": PAGE + "![流程图](../assets/x.svg)\n", "assets/x.svg": "<svg/>"}, "about/a.md", 8),
    ("LINK005", {"about/a.md": PAGE + "[本站](https://example.org/womens-rights-kb/help/)\n"},
     {"about/a.md": PAGE + "[他站](https://www.example.com/)\n"}, "about/a.md", 8),
    ("LINK006", {"about/a.md": PAGE + "[坏链接](https://no-dot/)\n"},
     {"about/a.md": PAGE + "[好链接](https://www.example.com/path?q=1)\n"}, "about/a.md", 8),
    ("CITE001", {"about/a.md": PAGE + "依据[[反家庭暴力法]]。\n"}, {"about/a.md": PAGE + "依据[[反家庭暴力法 2]]。\n"},
     "about/a.md", 8),
    ("CITE002", {"about/a.md": PAGE + "依据[[家暴法 23]]。\n"}, {"about/a.md": PAGE + "依据[[反家暴法 23]]。\n"},
     "about/a.md", 8),
    ("CITE003", {"about/a.md": PAGE + "依据[[反家庭暴力法 39]]。\n"}, {"about/a.md": PAGE + "依据[[反家庭暴力法 38]]。\n"},
     "about/a.md", 8),
    ("CITE003", {"about/a.md": PAGE + "依据[[刑法 235]]。\n"}, {"about/a.md": PAGE + "依据[[刑法 260-1]]。\n"},
     "about/a.md", 8),
    ("CITE004", {"cases/a.md": CASE_FRONT.replace("依据[[反家庭暴力法 23]]申请。", "没有引用。")},
     {"cases/a.md": CASE_FRONT}, "cases/a.md", 7),
    # cites: may be left out (derived from the text), but a case must cite somewhere.
    ("CITE007", {"cases/a.md": CASE_FRONT.replace("cites: [反家庭暴力法 23]\n", "").replace(
        "依据[[反家庭暴力法 23]]申请。", "没有引用。")},
     {"cases/a.md": CASE_FRONT.replace("cites: [反家庭暴力法 23]\n", "")}, "cases/a.md", 1),
    ("LAW001", {"law/anti-domestic-violence-law.md": law_page(ART2 + ART1)},
     {"law/anti-domestic-violence-law.md": law_page(ART1 + ART2)}, "law/anti-domestic-violence-law.md", None),
    ("LAW001", {"law/anti-domestic-violence-law.md": law_page(ART1 + ART2.replace("第二条", "第三条"))},
     {"law/anti-domestic-violence-law.md": law_page(ART1 + ART2)}, "law/anti-domestic-violence-law.md", None),
    ("LAW002", {"law/anti-domestic-violence-law.md": law_page(ART1 + ART2, count=3)},
     {"law/anti-domestic-violence-law.md": law_page(ART1 + ART2)}, "law/anti-domestic-violence-law.md", 1),
    # A heading ID that is no article ID: reported, not a traceback.
    ("LAW001", {"law/anti-domestic-violence-law.md": law_page(ART1 + ART2).replace("{#art-2}", "{#art-2-x}")},
     {"law/anti-domestic-violence-law.md": law_page(ART1 + ART2)}, "law/anti-domestic-violence-law.md", None),
    ("LAW003", {"law/anti-domestic-violence-law.md": law_page(ART1 + ART2, sha="0" * 64)},
     {"law/anti-domestic-violence-law.md": law_page(ART1 + ART2)}, "law/anti-domestic-violence-law.md", 1),
    ("PII001", {"cases/a.md": CASE_FRONT + "身份证号110101199003070011。\n"},
     {"cases/a.md": CASE_FRONT + "身份证号已隐去。\n"}, "cases/a.md", 20),
    ("PII002", {"cases/a.md": CASE_FRONT + "手机 138 1234 5678。\n"}, {"cases/a.md": CASE_FRONT + "拨打 12338。\n"},
     "cases/a.md", 20),
    ("PII003", {"cases/a.md": CASE_FRONT + "电话 010-87654321。\n"}, {"cases/a.md": CASE_FRONT + "拨打 110、12348。\n"},
     "cases/a.md", 20),
    ("PII004", {"cases/a.md": CASE_FRONT + "邮箱 zhangsan@example.com。\n"}, {"cases/a.md": CASE_FRONT + "没有邮箱。\n"},
     "cases/a.md", 20),
    ("PII005", {"cases/a.md": CASE_FRONT + "住在幸福路12号3单元。\n"}, {"cases/a.md": CASE_FRONT + "住在某省。\n"},
     "cases/a.md", 20),
    ("PII006", {"cases/a.md": CASE_FRONT + "卡号 6222 0212 3456 7894。\n"}, {"cases/a.md": CASE_FRONT + "卡号已隐去。\n"},
     "cases/a.md", 20),
    ("PII007", {"cases/a.md": CASE_FRONT + "丈夫王建国，女儿李小红。\n"},
     {"cases/a.md": CASE_FRONT + "丈夫王某，女儿李某某，申请人陈述了经过。\n"}, "cases/a.md", 20),
    ("HTML001", {"about/a.md": PAGE + "<script>alert(1)</script>\n"}, {"about/a.md": PAGE + "<div>文字</div>\n"},
     "about/a.md", 8),
    ("HTML001", {"about/a.md": PAGE + '<iframe src="x.html"></iframe>\n'}, {"about/a.md": PAGE}, "about/a.md", 8),
    ("HTML002", {"about/a.md": PAGE + '<div onclick="x()">文字</div>\n'}, {"about/a.md": PAGE + '<div class="x">文字</div>\n'},
     "about/a.md", 8),
    ("HTML003", {"about/a.md": PAGE + "[点我](javascript:alert(1))\n"}, {"about/a.md": PAGE + "[点我](#测试页面)\n"},
     "about/a.md", 8),
    ("HTML004", {"about/a.md": PAGE + "![图](https://cdn.example.com/a.png)\n"},
     {"about/a.md": PAGE + "[图](https://cdn.example.com/a.png)\n"}, "about/a.md", 8),
    ("HTML004", {"about/a.md": PAGE + '<img alt="x" src="//cdn.example.com/a.png">\n'}, {"about/a.md": PAGE}, "about/a.md", 8),
    ("CHAR001", {"about/a.md": PAGE + "每个\u2f08都有尊严。\n"}, {"about/a.md": PAGE + "每个人都有尊严。\n"}, "about/a.md", 8),
    ("CHAR002", {"about/a.md": PAGE + "你好,世界。\n"}, {"about/a.md": PAGE + "你好，世界。\n"}, "about/a.md", 8),
    ("CHAR003", {"about/a.md": PAGE + "拨打12338求助。\n"}, {"about/a.md": PAGE + "拨打 12338 求助。\n"}, "about/a.md", 8),
    ("I18N001", {"about/a.md": PAGE}, {"about/a.md": PAGE, "about/a.en.md": PAGE}, "about/a.md", 1),
    ("I18N002", {"about/a.md": PAGE + "新内容。\n", "about/a.en.md": PAGE.replace("---\n\n", "translated_from: '" + "0" * 64 + "'\n---\n\n", 1)},
     {"about/a.md": PAGE, "about/a.en.md": "SOURCE_HASH"}, "about/a.en.md", None),
    ("I18N003", {"about/a.md": PAGE, "about/a.en.md": PAGE}, {"about/a.md": PAGE, "about/a.en.md": "SOURCE_HASH"},
     "about/a.en.md", 1),
    ("I18N004", {"about/a.md": PAGE + "## 谁 {#who}\n", "about/a.en.md": PAGE + "## Who\n"},
     {"about/a.md": PAGE + "## 谁 {#who}\n", "about/a.en.md": PAGE + "## Who {#who}\n"}, "about/a.en.md", 1),
    ("I18N005", {"about/a.en.md": PAGE}, {"about/a.en.md": PAGE, "about/a.md": PAGE}, "about/a.en.md", 1),
    ("REVIEW001", {"help/a.md": PAGE.replace("---\n\n", "review: {status: reviewed, by: lawyer, on: 2020-01-01}\nupdated: 2020-01-01\n---\n\n", 1)},
     {"help/a.md": PAGE.replace("---\n\n", f"review: {{status: reviewed, by: lawyer, on: {dt.date.today().isoformat()}}}\nupdated: 2020-01-01\n---\n\n", 1)},
     "help/a.md", 4),
    # Official case digests (kb/checks/checkers/official_cases.py), against the real data/releases.yml.
    ("CASE001", {OFFICIAL: official("release: spc-2020-11", "release: spc-2099-01")}, {OFFICIAL: official()}, OFFICIAL, 10),
    ("CASE002", {"cases/official/spc-2026-03-01.md": official("release: spc-2020-11", "release: spc-2026-03")
                 .replace("name: 陈某申请人身安全保护令案", "name: 赵某诉张某离婚纠纷案").replace("issuers: [最高人民法院, 中华全国妇女联合会, 中国女法官协会]", "issuers: [最高人民法院]")
                 .replace("date: 2020-11-25", "date: 2026-03-30")},
     {OFFICIAL: official()}, None, 10),
    ("CASE003", {"cases/official/spc-2020-11-11.md": official("number: 1", "number: 11")},
     {OFFICIAL: official()}, None, 11),
    ("CASE004", {OFFICIAL: official(), "cases/official/spc-2020-11-02.md": official("number: 1", "number: 1").replace("id: case-951", "id: case-952")},
     {OFFICIAL: official()}, "cases/official/spc-2020-11-02.md", 11),
    ("CASE005", {OFFICIAL: official("name: 陈某申请人身安全保护令案", "name: 陈某申请保护令案")}, {OFFICIAL: official()}, OFFICIAL, 12),
    ("CASE006", {OFFICIAL: official("date: 2020-11-25", "date: 2020-11-26")}, {OFFICIAL: official()}, OFFICIAL, 14),
    ("CASE007", {OFFICIAL: official("procedure: protection-order", "procedure: protection-order\n  url: \"https://www.example.org/case\"")},
     {OFFICIAL: official("procedure: protection-order", "procedure: protection-order\n  url: \"https://www.court.gov.cn/zixun/xiangqing/1.html\"")}, OFFICIAL, 17),
    ("CASE008", {"cases/official/chen.md": official()}, {OFFICIAL: official()}, None, 1),
    ("CASE009", {"cases/a.md": official()}, {OFFICIAL: official()}, None, 9),
    ("CASE009", {"cases/official/spc-2020-11-01.md": CASE_FRONT}, {"cases/a.md": CASE_FRONT}, None, 8),
    ("CASE010", {OFFICIAL: official("verification: two-copies", "verification: official")}, {OFFICIAL: official()}, OFFICIAL, 21),
    ("CASE011", {OFFICIAL: official("verification: two-copies", "verification: single-copy")}, {OFFICIAL: official()}, OFFICIAL, 21),
    ("CASE012", {OFFICIAL: official("cites: [反家庭暴力法 29]", "cites: [反家庭暴力法 23]")}, {OFFICIAL: official()}, OFFICIAL, 7),
    # Question pages (kb/checks/checkers/questions.py).
    ("QUESTION001", {QUESTION: question(answer="报警。")}, {QUESTION: question()}, QUESTION, 13),
    ("QUESTION001", {QUESTION: question(answer="先报警。" * 7)}, {QUESTION: question()}, QUESTION, 13),
    ("QUESTION002", {QUESTION: question(more="")}, {QUESTION: question()}, QUESTION, 11),
    ("QUESTION002", {QUESTION: question(more="## 深入了解 {#more}\n\n见求助页。\n")}, {QUESTION: question()}, QUESTION, 15),
    ("QUESTION003", {QUESTION: question().replace("variants: [家暴了去哪里验伤]", "variants: [被打伤了 怎么验伤]")},
     {QUESTION: question()}, QUESTION, 5),
    # Superseded articles (data/laws.yml, superseded): the 2011 judicial-confirmation provisions.
    ("CITE005", {"about/a.md": PAGE + "管辖法院见[[法释〔2011〕5号 2]]。\n"},
     {"about/a.md": PAGE + "管辖法院见[[民事诉讼法 205]]。\n"}, "about/a.md", 8),
    ("CITE005", {"about/a.md": PAGE + "见[[法释〔2011〕5号 1、2]]。\n"},
     {"about/a.md": PAGE + "见[[法释〔2011〕5号 2]]。 <!-- check: allow CITE005 -->\n"}, "about/a.md", 8),
    # Inputs that used to stop the checks with a traceback (issue 25): each is a located error now.
    ("FM003", {"cases/a.md": CASE_FRONT.replace("updated: 2026-11-28", "updated: 2026-02-30")},
     {"cases/a.md": CASE_FRONT}, "cases/a.md", 13),
    ("FM003", {"cases/a.md": CASE_FRONT.replace("updated: 2026-11-28", "updated: 2026-13-45")},
     {"cases/a.md": CASE_FRONT}, "cases/a.md", 13),
    ("FM002", {"about/a.md": "---\ntitle: 测试页面\ndescription: 用于测试内容检查的页面。\nx: &a [*a]\n---\n\n# 测试\n"},
     {"about/a.md": PAGE}, "about/a.md", 4),
    ("LINK006", {"about/a.md": PAGE + "[这里](http://[::1)\n"}, {"about/a.md": PAGE + "[这里](https://www.court.gov.cn/)\n"},
     "about/a.md", 8),
    # An unclosed quote is reported where it opens (line 2), not where the block ends.
    ("FM002", {"about/a.md": '---\ntitle: "未闭合\ndescription: 用于测试内容检查的页面。\nupdated: 2026-11-28\n---\n'},
     {"about/a.md": PAGE}, "about/a.md", 2),
    # Terminology of English pages (data/glossary.yml).
    ("TERM001", {"about/a.md": PAGE, "about/a.en.md": EN_PAGE + "The police issued a written warning.\n"},
     {"about/a.md": PAGE, "about/a.en.md": EN_PAGE + "The police issued a warning letter.\n"}, "about/a.en.md", 8),
    ("TERM001", {"about/a.md": PAGE, "about/a.en.md": EN_PAGE + "It forbids him to harass, follow or contact her.\n"},
     {"about/a.md": PAGE, "about/a.en.md": EN_PAGE + "Follow these steps to harass-proof your phone.\n"}, "about/a.en.md", 8),
    # Volunteers' slips (issue 26): Windows line endings, template placeholders, keyboard brackets.
    ("FILE009", {"about/a.md": PAGE.replace("\n", "\r\n")}, {"about/a.md": PAGE}, "about/a.md", 1),
    ("FILE010", {"about/a.md": PAGE + "**待填写：**写清楚发生了什么。\n"}, {"about/a.md": PAGE + "写清楚发生了什么。\n"},
     "about/a.md", 8),
    ("FILE010", {"about/a.md": PAGE + "**To write:** what happened.\n"}, {"about/a.md": PAGE + "What happened.\n"},
     "about/a.md", 8),
    ("CITE006", {"about/a.md": PAGE + "依据【【反家庭暴力法 23】】申请。\n"}, {"about/a.md": PAGE + "依据[[反家庭暴力法 23]]申请。\n"},
     "about/a.md", 8),
    ("CITE006", {"about/a.md": PAGE + "依据［［反家庭暴力法 23］］申请。\n"}, {"about/a.md": PAGE + "依据[[反家庭暴力法 23]]申请。\n"},
     "about/a.md", 8),
]


def _write(tree: DocsTree, files: dict[str, object]) -> None:
    from kb.checks.checkers.translations import source_hash
    from kb.checks.workspace import Page

    for rel, text in files.items():
        if text == "SOURCE_HASH":
            source = tree.docs / rel.replace(".en.md", ".md")
            digest = source_hash(Page(source, source.read_text(encoding="utf-8"), tree.docs))
            text = PAGE.replace("---\n\n", f"translated_from: {digest}\n---\n\n", 1)
        tree.write(rel, text)  # type: ignore[arg-type]


@pytest.mark.parametrize(("rule", "bad", "good", "target", "line"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule_fails_and_passes(tmp_path, rule, bad, good, target, line) -> None:
    bad_tree = DocsTree(tmp_path / "bad")
    _write(bad_tree, bad)
    problems = bad_tree.check(*([target] if target else []))
    found = [p for p in problems if p.rule == rule]
    assert found, f"{rule} not reported; got {[(p.rule, p.line) for p in problems]}"
    if line is not None:
        assert line in {p.line for p in found}, f"{rule} reported at {[p.line for p in found]}, expected {line}"
    good_tree = DocsTree(tmp_path / "good")
    _write(good_tree, good)
    problems = good_tree.check(*([target] if target else []))
    assert rule not in rules_of(problems), [p for p in problems if p.rule == rule]


def test_every_rule_has_a_fixture() -> None:
    untested = set(RULES) - {case[0] for case in CASES}
    # LAW004/LAW005 need ../shared (tests/checks/test_reference.py); FILE001/FILE007 need
    # an unreadable file or a symlink (test_files.py); LINK007 needs the network (never in CI).
    assert untested <= {"LAW004", "LAW005", "FILE001", "FILE007", "LINK007"}, untested  # tested in their own files


def test_checking_one_page_checks_its_twin(tmp_path) -> None:
    """Editing only the Chinese page can break the English one: checking the Chinese file reports it."""
    tree = DocsTree(tmp_path)
    tree.write("cases/a.md", CASE_FRONT)
    tree.write("cases/a.en.md", CASE_FRONT.replace("category: protection-order", "category: divorce")
               .replace("测试案例", "Test case"))
    problems = tree.check("cases/a.md")
    assert any(p.rule == "FM006" and p.path == "docs/cases/a.en.md" for p in problems), problems
