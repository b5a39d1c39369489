"""Personal data in cases, guides, help, training and question pages.

Teaching cases use pseudonyms (张某, 李某某) and name no place below province
level, so real identifiers are mistakes. Official hotlines are allowed.
Volunteers paste from scanned documents and phones: numbers come with
full-width digits (１３８…), spaces or hyphens (138 1234 5678, 110105
19491231 002X), e-mail with a full-width ＠. The text is read through a
one-to-one character mapping (same length, so positions stay right) that
turns those forms into the plain ones the patterns know.
"""

from __future__ import annotations

import re

from kb.checks.checkers import Context

SCOPE = {"case", "guide", "help", "training", "question"}
# Full-width digits and ＠, and the hyphens and spaces of other scripts, as their ASCII forms:
# one character for one, so a match's offset is its offset in the file.
PLAIN_FORMS = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)}, "＠": "@", "－": "-", "‐": "-",
                             "‑": "-", "﹣": "-", "\u3000": " ", "\u00a0": " ", "Ｘ": "X", "ｘ": "x"})
HOTLINES = {"110", "119", "120", "122", "12338", "12348", "12355", "12345", "12309", "12368", "12351", "12315"}

# Eighteen characters, digits with a final digit or X, with single spaces or hyphens anywhere
# between them (110105 19491231 002X); the digits alone must form a valid number (ID_SHAPE, checksum).
ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])((?:\d[ -]?){17}[\dXx])(?![0-9A-Za-z])")
ID_SHAPE = re.compile(r"^[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]$")
MOBILE = re.compile(r"(?<![\d+])(?:\+?86[ -]?)?(1[3-9]\d[ -]?\d{4}[ -]?\d{4})(?!\d)")
LANDLINE = re.compile(r"(?<![\d-])(\(?0\d{2,3}\)?[ -]?\d{7,8})(?![\d-])")
EMAIL = re.compile(r"(?<![\w.+-])([\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")
ADDRESS = re.compile(
    r"([\u4e00-\u9fff]{1,12}(?:路|街|大街|大道|巷|弄|胡同|里|村|小区) ?[0-9一二三四五六七八九十百零]+ ?(?:号|弄|栋|幢)"
    r"(?: ?[0-9]+ ?(?:号楼|栋|幢|单元|室))*|[0-9]+ ?(?:号楼|栋|幢) ?[0-9]+ ?单元(?: ?[0-9]+ ?室)?)"
)
CARD = re.compile(r"(?<![\d-])((?:\d[ -]?){15,18}\d)(?![\d-])")
# Cheap necessary conditions, found with one fast scan. Most pages hold no
# ten digits in a row (allowing the separators the patterns above allow) and
# no house number, so the precise patterns, which cannot be scanned fast
# (they open with look-behinds), are skipped. tests/checks/test_personal_data_gates.py
# shows the gates never hide a match.
DIGIT_RUN = re.compile(r"\d(?:[ ()+-]{0,2}\d){9}")
# Two scans beat one alternation: each opens with a character class the engine scans fast.
HOUSE_NUMBERS = (re.compile(r"[路街道巷弄同里村区] ?[0-9一二三四五六七八九十百零]"), re.compile(r"[0-9] ?(?:号楼|栋|幢)"))
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
ROLE = (
    r"(?:丈夫|妻子|申请人|被申请人|原告|被告|当事人|受害人|加害人|女儿|儿子|母亲|父亲|婆婆|公公|岳母|岳父|"
    r"前夫|前妻|男友|女友|男朋友|女朋友|同居人|邻居|孩子|老人|民警|法官|调解员|律师|教师|老师|医生|女士|先生)"
)
# A role word followed by a surname and one or two characters that are not 某.
NAMED_ROLE = re.compile(ROLE + r"([" + SURNAMES + r"][\u4e00-\u9fff]{1,2})(?=[，。、；：,.;:（(）)\s]|$|(?:说|称|的|与|和|向|在|因|于|到|把|被|将|对))")
NAMED_PERSON = re.compile(r"([" + SURNAMES + r"][\u4e00-\u9fff]{1,2})[，,（(]\s*(?:女|男)[，,、]")
NOT_NAMES = re.compile(
    r"某|人民|法院|机关|公安|妇联|居委|村委|政府|委员|社区|学校|医院|家庭|双方|一方|本人"
    # ordinary words that begin with a common surname
    r"|^(?:陈述|陈列|于是|方便|方面|方式|方法|向来|高兴|马上|许多|许可|何时|何况|文明|金额|万一|石头|钱款|田地"
    r"|曾出|曾被|曾在|曾向|曾对|曾多|曾因|曾有|曾写"
    r"|严重|严格|曾经|罗列|毛病|程序|任何|任务|时间|江湖|龙头|段时|常常|黄金|白天|白白|周末|周围|周到|朱红|郑重"
    r"|宋体|唐突|韩国|冯某|邓某|曹某|袁某|潘某|孔雀|汤水|武力|戴上|莫名|秦岭|尹某|雷同|贺词|顾及|毛衣|龚某|邵某"
    r"|万元|钱财|严厉|史料|陶瓷|龙凤|熊孩子|孟某|江边|金钱|石块|白色|林地|高声|高度|高等|马路|胡乱|何等|吴某)"
)


def id_checksum_ok(number: str) -> bool:
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(d) * w for d, w in zip(number[:17], weights))
    return "10X98765432"[total % 11] == number[17].upper()


def luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            value -= 9 if value > 9 else 0
        total += value
    return total % 10 == 0


def check(ctx: Context) -> None:
    if ctx.page.kind not in SCOPE:
        return
    original = ctx.page.masked
    text = original.translate(PLAIN_FORMS)
    reported: set[int] = set()

    def report(rule: str, match: re.Match[str], group: int = 1) -> None:
        if match.start(group) in reported:
            return
        reported.add(match.start(group))
        ctx.at(rule, match.start(group), value=original[match.start(group):match.end(group)])

    if DIGIT_RUN.search(text):
        for match in ID_NUMBER.finditer(text):
            digits = re.sub(r"[ -]", "", match.group(1))
            if ID_SHAPE.match(digits) and id_checksum_ok(digits):
                report("PII001", match)
        for match in MOBILE.finditer(text):
            report("PII002", match)
        for match in LANDLINE.finditer(text):
            digits = re.sub(r"\D", "", match.group(1))
            if digits not in HOTLINES and not _inside_url(text, match.start(1)):
                report("PII003", match)
        for match in CARD.finditer(text):
            digits = re.sub(r"\D", "", match.group(1))
            if 16 <= len(digits) <= 19 and luhn_ok(digits) and not (len(digits) == 18 and id_checksum_ok(digits)):
                report("PII006", match)
    if "@" in text:
        for match in EMAIL.finditer(text):
            report("PII004", match)
    if has_house_number(text):
        for match in ADDRESS.finditer(text):
            report("PII005", match)
    for pattern in (NAMED_ROLE, NAMED_PERSON):
        for match in pattern.finditer(text):
            if not NOT_NAMES.search(match.group(1)):
                report("PII007", match)


def has_house_number(text: str) -> bool:
    """The gate in front of ADDRESS: a street word or a digit next to a number, or a building word."""
    return any(pattern.search(text) for pattern in HOUSE_NUMBERS)


def _inside_url(text: str, offset: int) -> bool:
    start = text.rfind(" ", 0, offset)
    return "://" in text[start + 1: offset]
