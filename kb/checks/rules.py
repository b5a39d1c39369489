"""The catalogue of content rules: stable IDs, severities, messages and fixes.

Every rule a checker reports is defined here once, in Chinese and English.
CONTRIBUTING.md lists them (generated from this table by
``scripts/check.py --list-rules --format markdown``) under anchors named after
the lower-case ID (``#fm003``), and every message points there.
"""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    zh: str  # message template, str.format(**params)
    en: str
    fix_zh: str
    fix_en: str

    @property
    def anchor(self) -> str:
        return self.id.lower()

    def message(self, language: str, params: dict[str, object]) -> str:
        template = self.zh if language == "zh" else self.en
        return template.format(**params)

    def fix(self, language: str) -> str:
        """How to fix it, as the volunteer reads it (fix texts double literal braces: ``{{#id}}``)."""
        return (self.fix_zh if language == "zh" else self.fix_en).replace("{{", "{").replace("}}", "}")


_RULES = [
    # Files
    Rule("FILE001", ERROR, "无法读取文件：{reason}", "cannot read the file: {reason}",
         "检查文件权限，或重新保存该文件。", "Check the file's permissions or save it again."),
    Rule("FILE002", ERROR, "文件不是 UTF-8 编码（第 {byte} 字节）", "the file is not UTF-8 (byte {byte})",
         "用 UTF-8 编码重新保存文件。", "Save the file again as UTF-8."),
    Rule("FILE003", ERROR, "文件是空的", "the file is empty",
         "写入内容，或删除该文件。", "Add content or delete the file."),
    Rule("FILE004", ERROR, "文件包含二进制数据（空字节）", "the file contains binary data (NUL bytes)",
         "Markdown 文件只能包含文字；图片等放在 docs/assets/。", "Markdown files hold text only; put images in docs/assets/."),
    Rule("FILE005", ERROR, "文件过大（{size} 字节，上限 {limit}）", "the file is too large ({size} bytes, limit {limit})",
         "把内容拆成几个页面。", "Split the content into several pages."),
    Rule("FILE006", ERROR, "文件以 BOM（字节顺序标记）开头", "the file starts with a byte-order mark (BOM)",
         "运行 make fix 删除 BOM，或用“UTF-8 无 BOM”保存。", "Run make fix, or save as UTF-8 without BOM."),
    Rule("FILE007", ERROR, "符号链接指向 docs/ 之外：{target}", "symlink points outside docs/: {target}",
         "用真实文件代替符号链接。", "Replace the symlink with a real file."),
    Rule("FILE008", ERROR, "文件名“{name}”不是小写英文短名（只能用 a-z、0-9、连字符）", 'file name "{name}" is not a lowercase ASCII slug (a-z, 0-9, hyphens)',
         "改用如 protection-order-steps.md 的文件名；已发布的页面改名须加跳转。", "Use a name like protection-order-steps.md; renaming a published page needs a redirect."),
    Rule("FILE009", ERROR, "文件使用 Windows（CRLF）换行符", "the file has Windows (CRLF) line endings",
         "运行 make fix 改为 LF 换行，或在编辑器中选择“LF”换行后保存（仓库的 .gitattributes 会统一换行符）。", "Run make fix, or save the file with LF line endings (.gitattributes normalises them in the repository)."),
    Rule("FILE010", ERROR, "还有未填写的占位文字：{text}", "placeholder text left from the template: {text}",
         "把“待填写”或“To write”的地方换成内容；不需要的段落整段删除。", "Replace every 待填写 / To write with content, or delete the paragraph."),
    # Front matter
    Rule("FM001", ERROR, "缺少前置元数据，或前置元数据没有结束", "front matter is missing or not closed",
         "在文件开头加上以 --- 开始和结束的 YAML 块，至少包含 title 和 description。", "Start the file with a YAML block between --- lines with at least title and description."),
    Rule("FM002", ERROR, "前置元数据 YAML 语法错误：{detail}", "front matter YAML syntax error: {detail}",
         "检查冒号后的空格、引号是否成对、缩进是否一致。", "Check the space after colons, paired quotes and consistent indentation."),
    Rule("FM003", ERROR, "字段“{field_zh}”的值无效：{detail_zh}", 'field "{field}" has an invalid value: {detail}',
         "按 schemas/ 中的模式填写，日期写成 YYYY-MM-DD，可选值见 data/taxonomy.yml。", "Follow the schema in schemas/; dates are YYYY-MM-DD; allowed values are in data/taxonomy.yml."),
    Rule("FM004", ERROR, "缺少必填字段“{field}”", 'required field "{field}" is missing',
         "补上该字段；各类页面的必填字段见贡献指南的前置元数据参考。", "Add the field; see the front-matter reference in CONTRIBUTING.md."),
    Rule("FM005", ERROR, "不允许的字段“{field}”", 'field "{field}" is not allowed here',
         "删除该字段，或检查拼写。", "Remove the field or check its spelling."),
    Rule("FM006", ERROR, "此字段只写在中文页面里：英文页面的“{field}”还与中文页面不同（中文为 {zh}，英文为 {en}）",
         '"{field}" is written in the Chinese page only, and the English page says something else: zh {zh}, en {en}',
         "此字段只写在中文页面里，英文页面自动取用。先确定哪个值正确，写进中文页面，再删掉英文页面里的这一字段（--fix 不替您选择）。",
         "This field is written in the Chinese page only; the English page takes it from there. Decide which value is right, "
         "put it in the Chinese page, then delete the field from the English page (--fix does not choose for you)."),
    Rule("FM007", ERROR, "案例编号 {id} 与 {other} 重复", "case id {id} is also used by {other}",
         "每个案例用一个新的编号，编号永不复用。", "Give each case a new id; ids are never reused."),
    Rule("FM008", ERROR, "此字段只写在中文页面里：英文页面不要重复“{field}”", '"{field}" is written in the Chinese page only; do not repeat it in the English page',
         "此字段只写在中文页面里：删掉英文页面里的这一字段（连同它下面缩进的各行），英文网站自动取用中文页面的值；"
         "或运行 make fix FILES=英文文件 自动删除。英文页面只写 title、description、translated_from 和各语言自己的文字（如 outcome）。",
         "This field is written in the Chinese page only: delete it (with its indented lines) from the English page, which takes "
         "the Chinese page's value; or run make fix FILES=<English file>. An English page holds only title, "
         "description, translated_from and text in its own language (such as outcome)."),
    # Official cases (data/releases.yml)
    Rule("CASE001", ERROR, "发布编号“{release}”不在 data/releases.yml 中", 'release "{release}" is not in data/releases.yml',
         "核对 source.release；新的发布先加入 data/releases.yml（附核实来源）。", "Check source.release; add a new release to data/releases.yml first, with its sources."),
    Rule("CASE002", ERROR, "发布 {release} 只见于一处来源，确认前不能收录其中的案例", "release {release} is known from one source only; its cases cannot be published yet",
         "找到第二个独立来源后，在 data/releases.yml 中把 status 改为 verified。", "Once a second independent source confirms it, set status: verified in data/releases.yml."),
    Rule("CASE003", ERROR, "案例序号 {number} 超出该次发布的案例数 {count}", "case number {number} exceeds the release's {count} cases",
         "核对 source.number（从 1 开始，按发布顺序）。", "Check source.number (1-based, in release order)."),
    Rule("CASE004", ERROR, "发布 {release} 的第 {number} 号案例已由 {other} 收录", "case {number} of release {release} is already digested in {other}",
         "一个官方案例只写一个页面；核对 source.number。", "Digest each official case once; check source.number."),
    Rule("CASE005", ERROR, "案例名称与发布名单不符：应为“{expected}”", 'case name differs from the release: expected "{expected}"',
         "source.name 照抄发布时的名称，不带“——”后的副标题。", "Copy the name exactly as released, without any \"——\" subtitle."),
    Rule("CASE006", ERROR, "source.{field} 与 data/releases.yml 不符：应为 {expected}", "source.{field} differs from data/releases.yml: expected {expected}",
         "用 .venv/bin/python scripts/new.py official 发布编号 序号 生成前置元数据，或照登记表填写。", "Scaffold with .venv/bin/python scripts/new.py official <release> <number>, or copy the registry's value."),
    Rule("CASE007", ERROR, "官方网址不在发布机关的官方域名上：{url}", "official URL is not on an issuer's official domain: {url}",
         "官方网址只能是发布机关的网站（见 data/releases.yml 的 issuers）；转载网址写在 sources 中，kind: copy。", "Official URLs must be on an issuer's domain (data/releases.yml, issuers); list copies under sources with kind: copy."),
    Rule("CASE008", ERROR, "官方案例的文件名应为 {expected}", "an official case's file must be {expected}",
         "文件名由发布编号和两位序号组成，例如 spc-2020-11-01.md。", "Name the file after its release and two-digit number, e.g. spc-2020-11-01.md."),
    Rule("CASE009", ERROR, "source.kind 为 {kind} 的案例应放在 {folder}", "a case with source.kind {kind} belongs in {folder}",
         "教学案例放在 docs/cases/，官方案例摘要放在 docs/cases/official/。", "Teaching cases go in docs/cases/, official digests in docs/cases/official/."),
    Rule("CASE010", ERROR, "核实程度“{level}”与 sources 不符", 'verification "{level}" does not match the sources listed',
         "official 需要一条 kind: official 的来源；two-copies 需要两个不同网址的转载；否则写 single-copy。", "official needs a source of kind official; two-copies needs two copies at different addresses; otherwise use single-copy."),
    Rule("CASE011", WARNING, "本摘要只依据一份转载，需要与官方原文核对", "this digest rests on one copy and must be checked against the official text",
         "找到官方原文或第二份独立转载后，补入 sources 并修改 verification。", "Find the official text or a second independent copy, add it to sources and update verification."),
    Rule("CASE012", ERROR, "条文同时列在发布文本引用（source.cites）和编者补充（cites）中：{citation}", "listed both as cited by the release (source.cites) and added by the editors (cites): {citation}",
         "发布文本引用的条文只写在 source.cites 中。", "Keep articles the release cites in source.cites only."),
    # Questions (docs/questions/)
    Rule("QUESTION001", ERROR, "答案有 {count} 句，应为 {low}–{high} 句", "the answer has {count} sentences; write {low} to {high}",
         "先用两到六句话回答问题，细节放到“深入了解”链接的页面中。", "Answer in two to six sentences; leave the details to the pages under \"Learn more\"."),
    Rule("QUESTION002", ERROR, "缺少“深入了解”一节（## 深入了解 {{#more}}）或其中没有链接", 'no "learn more" section (## … {{#more}}) with a link',
         "在答案后加 ## 深入了解 {{#more}}，列出一到三个指向求助页、指南、案例或条文的链接。", "After the answer add ## Learn more {{#more}} with one to three links to help, guides, cases or articles."),
    Rule("QUESTION003", WARNING, "问法“{variant}”与标题相同", 'variant "{variant}" repeats the title',
         "variants 写人们的其他问法（不同的词），不要重复标题。", "List other ways people ask it, in other words, not the title again."),
    # Links
    Rule("LINK001", ERROR, "链接目标不存在：{target}", "link target does not exist: {target}",
         "检查相对路径和文件名（指向 .md 文件）。", "Check the relative path and the file name (link to the .md file)."),
    Rule("LINK002", ERROR, "锚点“#{anchor}”在 {target} 中不存在", 'anchor "#{anchor}" does not exist in {target}',
         "检查目标页面的标题或 {{#id}}；条文锚点形如 #art-23。", "Check the target's headings or {{#id}}; article anchors look like #art-23."),
    Rule("LINK003", ERROR, "图片不存在：{target}", "image does not exist: {target}",
         "把图片放进 docs/assets/images/ 并检查路径。", "Put the image in docs/assets/images/ and check the path."),
    Rule("LINK004", ERROR, "图片缺少替代文字（alt）", "image has no alt text",
         "在 ![ ] 的方括号中写出图片内容，例如 ![流程图：申请保护令的步骤](…)。", "Describe the image in the brackets, e.g. ![Flowchart: applying for an order](…)."),
    Rule("LINK005", ERROR, "指向本站的绝对链接：{target}", "absolute link to this site: {target}",
         "改用相对链接指向 .md 文件，否则换域名或离线使用时会失效。", "Use a relative link to the .md file; absolute links break offline and on other hosts."),
    Rule("LINK006", ERROR, "外部链接格式不正确：{target}", "malformed external link: {target}",
         "外部链接应以 https:// 开头并包含完整域名。", "External links start with https:// and name a full host."),
    Rule("LINK007", WARNING, "外部链接无法访问：{target}（{reason}）", "external link unreachable: {target} ({reason})",
         "确认网址是否已变更；只在 --external 时检查。", "Check whether the address changed; checked only with --external."),
    # Citations
    Rule("CITE001", ERROR, "引用格式不正确：{detail}", "malformed citation: {detail}",
         "写成 [[法律名称 条号]]，例如 [[反家庭暴力法 23]]、[[刑法 260-1]]。", "Write [[law-name article]], e.g. [[反家庭暴力法 23]], [[刑法 260-1]]."),
    Rule("CITE002", ERROR, "未知的法律名称“{name}”", 'unknown law name "{name}"',
         "使用 data/laws.yml 中 cite 字段列出的名称。", "Use a name listed under cite: in data/laws.yml."),
    Rule("CITE003", ERROR, "引用的条文不存在：{name}第 {number} 条（{page}）", "cited article does not exist: {name} art. {number} ({page})",
         "核对条号；节选页面只能引用已收录的条文。", "Check the number; excerpt pages hold only some articles."),
    Rule("CITE004", ERROR, "front matter 中 cites 的“{citation}”在正文中没有引用", 'cites: "{citation}" is never cited in the text',
         "在正文（如“法律依据”一节）中引用该条，或从 cites 中删除。", "Cite it in the text (e.g. the legal-basis section) or remove it from cites."),
    Rule("CITE007", ERROR, "没有引用任何条文：案例和常见问题要写明法律依据", "no article cited: a case or a question must give its legal basis",
         "在正文（案例的“法律依据”一节、问题的答案）中用 [[法律简称 条号]] 引用依据，例如 [[反家庭暴力法 23]]；网站按正文的引用把页面列到条文下，cites 字段可以不写。",
         "Cite the basis in the text (a case's legal-basis section, a question's answer) as [[law article]], e.g. [[反家庭暴力法 23]]; the site lists the page under the articles its text cites, so cites: may be left out."),
    Rule("CITE006", ERROR, "引用用了全角方括号：{found}，应为 {fixed}", "citation written with full-width brackets: {found}; write {fixed}",
         "改成半角的双方括号 [[ ]]（中文输入法下先切换到英文标点再输入），或运行 make fix。", "Use ASCII double brackets [[ ]], or run make fix."),
    Rule("CITE005", WARNING, "引用的条文已被取代：{citation} 的规则现在由 {by} 规定（自 {since} 起）", "{citation} has been superseded: {by} governs now (since {since})",
         "改为引用现行规定；确需讲历史规定时，说明它已被取代，并在该行末尾加 <!-- check: allow CITE005 -->。", "Cite the rule that governs now; to discuss the old rule, say it was superseded and end the line with <!-- check: allow CITE005 -->."),
    # Statutes
    Rule("LAW001", ERROR, "条文编号不连续或重复：{detail}", "article numbering has a gap or duplicate: {detail}",
         "条文页面由 scripts/import_law.py 生成，不要手工增删条文。", "Law pages come from scripts/import_law.py; do not add or remove articles by hand."),
    Rule("LAW002", ERROR, "条文数 {found} 与前置元数据 articles: {expected} 不符", "{found} articles, but front matter says articles: {expected}",
         "核对是否误删或误加了条文标题。", "Check for a deleted or added article heading."),
    Rule("LAW003", ERROR, "条文文本与 text_sha256 不符：条文被改动了", "statute text does not match text_sha256: the text was changed",
         "条文必须一字不改。撤销对条文的修改；确需更新版本时用 scripts/import_law.py 重新导入。", "Statute text is verbatim: undo the change; to update a version, re-import with scripts/import_law.py."),
    Rule("LAW004", ERROR, "{article} 与官方文本不同（第 {index} 个字符：应为“{expected}”，实为“{actual}”）", "{article} differs from the official text (character {index}: expected \"{expected}\", found \"{actual}\")",
         "按 ../shared/reference/laws/ 中的官方文本恢复该条。", "Restore the article from the official text in ../shared/reference/laws/."),
    Rule("LAW005", ERROR, "{article} 在官方文本中不存在", "{article} does not exist in the official text",
         "删除该条，或检查条号。", "Remove the article or check its number."),
    # Personal data
    Rule("PII001", ERROR, "疑似身份证号：{value}", "likely resident ID number: {value}",
         "删除身份证号；案例中不得出现任何真实个人信息。", "Remove the ID number; cases hold no real personal data."),
    Rule("PII002", ERROR, "疑似手机号：{value}", "likely mobile number: {value}",
         "删除电话号码；只可写 12338、12348 等公共服务热线。", "Remove the number; only public hotlines such as 12338 and 12348 may appear."),
    Rule("PII003", ERROR, "疑似固定电话：{value}", "likely landline number: {value}",
         "删除电话号码；只可写公共服务热线。", "Remove the number; only public hotlines may appear."),
    Rule("PII004", ERROR, "疑似电子邮箱：{value}", "likely e-mail address: {value}",
         "删除邮箱地址。", "Remove the e-mail address."),
    Rule("PII005", ERROR, "疑似带门牌号的地址：{value}", "likely street address with a house number: {value}",
         "删除具体地址；地点不具体到省以下。", "Remove the address; name no place below province level."),
    Rule("PII006", ERROR, "疑似银行卡号：{value}", "likely bank card number: {value}",
         "删除银行卡号。", "Remove the card number."),
    Rule("PII007", ERROR, "疑似真实姓名：{value}", "likely real full name: {value}",
         "人名写成“张某”“李某某”；确属机构或常用词时，在该行末尾加 <!-- check: allow PII007 -->。", "Write names as 张某 or 李某某; if it is an institution or word, end the line with <!-- check: allow PII007 -->."),
    # HTML
    Rule("HTML001", ERROR, "不允许使用 <{tag}> 标签", "the <{tag}> element is not allowed",
         "删除该标签；需要的功能请在 overrides/ 或钩子中实现。", "Remove it; features belong in overrides/ or the hooks."),
    Rule("HTML002", ERROR, "不允许使用事件属性 {attribute}", "event attribute {attribute} is not allowed",
         "删除该属性；页面中不能写脚本。", "Remove the attribute; pages hold no scripts."),
    Rule("HTML003", ERROR, "不允许使用 javascript: 链接", "javascript: URLs are not allowed",
         "改为普通链接。", "Use an ordinary link."),
    Rule("HTML004", ERROR, "会从其他网站加载内容：{target}", "loads content from another site: {target}",
         "把文件下载到 docs/assets/ 后用相对路径引用；本站不向其他网站发出请求。", "Copy the file into docs/assets/ and use a relative path; the site makes no third-party requests."),
    # Characters
    Rule("CHAR001", ERROR, "“{char}”（U+{code}）是形近的兼容字符，应为“{replacement}”", '"{char}" (U+{code}) is a look-alike compatibility character; use "{replacement}"',
         "运行 make fix 自动替换。", "Run make fix to replace it."),
    Rule("CHAR002", WARNING, "中文句子中的标点建议用全角：{suggestion}", "use full-width punctuation in Chinese text: {suggestion}",
         "运行 make fix 自动修正（法律条文不受影响）。", "Run make fix (statute text is left alone)."),
    Rule("CHAR003", WARNING, "中文与英文或数字之间建议加空格：{suggestion}", "add a space between Chinese and Latin text or digits: {suggestion}",
         "运行 make fix 自动修正（法律条文不受影响）。", "Run make fix (statute text is left alone)."),
    # Translations
    Rule("I18N001", WARNING, "缺少英文版本 {expected}", "no English version {expected}",
         "新建英文页面（同名，后缀 .en.md）；在此之前英文网站显示中文原文。", "Add the .en.md page; until then the English site shows the Chinese text."),
    Rule("I18N002", WARNING, "英文版本已过时：中文原文在翻译后有改动", "English version is out of date: the Chinese page changed after translation",
         "更新译文后运行 make mark-translation FILES=英文文件。", "Update the translation, then run make mark-translation FILES=<en file>."),
    Rule("I18N003", WARNING, "英文版本没有记录 translated_from", "English page has no translated_from",
         "运行 make mark-translation FILES=英文文件 记录翻译所依据的中文版本。", "Run make mark-translation FILES=<en file> to record the source version."),
    Rule("I18N004", ERROR, "英文页面缺少中文页面的锚点 {ids}", "English page lacks anchors of the Chinese page: {ids}",
         "英文页面保留中文页面的全部 {{#id}} 锚点。", "Keep every {{#id}} anchor of the Chinese page."),
    Rule("I18N005", ERROR, "只有英文页面，没有中文原文", "English page without a Chinese page",
         "中文是本站的第一语言：先写中文页面。", "Chinese is the first language: write the Chinese page first."),
    # Terminology of English pages (data/glossary.yml)
    Rule("TERM001", WARNING, "英文用语“{found}”与术语表不一致：{zh} 应译为“{preferred}”", 'use "{preferred}" for {zh}, not "{found}" (glossary)',
         "按 data/glossary.yml 改用术语表中的英文，使各页面一致（术语表见 docs/about/glossary.md）。", "Use the glossary's English (data/glossary.yml), so every page says the same thing the same way."),
    # Review
    Rule("REVIEW001", WARNING, "页面超过 12 个月未审核（上次审核：{on}）", "not reviewed for over 12 months (last review {on})",
         "请专业人员重新审核并更新 review.on。", "Have a professional review it again and update review.on."),
]

RULES: dict[str, Rule] = {rule.id: rule for rule in _RULES}
