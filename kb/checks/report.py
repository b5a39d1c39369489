"""Print problems as text (for volunteers), GitHub annotations, JSON or a Markdown report.

Every format carries each problem's fix, the rule's fix text in kb/checks/rules.py, so a
volunteer reading any of them learns what to change, not only what is wrong.
"""

from __future__ import annotations

import json
from itertools import groupby

from kb.checks.model import Problem
from kb.checks.rules import ERROR, RULES

GUIDE = "CONTRIBUTING.md"
FIX_LABEL = {"zh": "修改方法：", "en": "How to fix: "}


def text(problems: list[Problem], language: str) -> str:
    """One line per problem, ``path:line:col: severity RULE message``, its fix indented below."""
    lines = []
    for p in problems:
        where = f"{GUIDE}#{RULES[p.rule].anchor}"
        hint = f"（见 {where}）" if language == "zh" else f" (see {where})"
        lines.append(f"{p.path}:{p.line}:{p.col}: {p.severity} {p.rule} {p.message(language)}{hint}")
        lines.append(f"    {FIX_LABEL[language]}{p.fix(language)}")
    lines.append(summary(problems, language))
    return "\n".join(lines)


def summary(problems: list[Problem], language: str) -> str:
    errors = sum(1 for p in problems if p.severity == ERROR)
    warnings = len(problems) - errors
    files = len({p.path for p in problems})
    if language == "zh":
        return f"{errors} 个错误，{warnings} 个警告，涉及 {files} 个文件"
    return f"{errors} errors, {warnings} warnings in {files} files"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(problems: list[Problem], language: str) -> str:
    """GitHub Actions workflow commands: one annotation per problem."""
    lines = []
    for p in problems:
        level = "error" if p.severity == ERROR else "warning"
        properties = f"file={_escape_property(p.path)},line={p.line},col={p.col},title={_escape_property(p.rule)}"
        message = f"{p.message(language)}\n{FIX_LABEL[language]}{p.fix(language)} ({GUIDE}#{RULES[p.rule].anchor})"
        lines.append(f"::{level} {properties}::{_escape_data(message)}")
    lines.append(summary(problems, language))
    return "\n".join(lines)


def as_json(problems: list[Problem], language: str) -> str:
    return json.dumps(
        [
            {"path": p.path, "line": p.line, "col": p.col, "severity": p.severity, "rule": p.rule,
             "message": p.message(language), "fix": p.fix(language)}
            for p in problems
        ],
        ensure_ascii=False,
        indent=2,
    )


# The pull-request workflow finds its own comment by this marker and updates it.
MARKER = "<!-- kb-check-report -->"
# GitHub refuses comments over 65,536 characters; the rest of a longer report is cut.
MARKDOWN_LIMIT = 60_000
WORDS = {
    "zh": {"title": "内容检查报告", "clean": "✅ 没有发现问题：检查的页面都符合要求。", "rule": "规则",
           "where": "行:列", "problem": "问题", "fix": "修改方法", ERROR: "错误", "warning": "警告",
           "more": "还有 {count} 个问题没有列出（评论太长），完整列表见本次检查的日志。",
           "footer": "每次推送后，这条评论会自动更新。规则的详细说明见 [CONTRIBUTING.md]({guide})。"},
    "en": {"title": "Content check report", "clean": "✅ No problems found: the checked pages are fine.",
           "rule": "Rule", "where": "line:col", "problem": "Problem", "fix": "How to fix", ERROR: "error",
           "warning": "warning",
           "more": "{count} more problems are not listed (the comment would be too long); see the check's log.",
           "footer": "This comment is updated after every push. The rules are explained in [CONTRIBUTING.md]({guide})."},
}


def _cell(value: str) -> str:
    """Text safe inside a Markdown table cell: no pipes, line breaks or raw HTML."""
    return (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("|", "\\|").replace("\n", " "))


def masked(value: str) -> str:
    """A suspected piece of personal data, shortened to its first and last two characters."""
    return value[:2] + "*" * max(len(value) - 4, 1) + value[-2:] if len(value) > 4 else "*" * len(value)


def _public_message(problem: Problem, language: str) -> str:
    """The message as a public comment may show it: a pull-request comment stays in GitHub's edit
    history after the page is corrected, so it does not repeat the personal data it reports."""
    if not problem.rule.startswith("PII"):
        return problem.message(language)
    params = {key: masked(str(value)) if key == "value" else value for key, value in problem.params}
    return RULES[problem.rule].message(language, params)


def markdown(problems: list[Problem], language: str, guide: str = GUIDE) -> str:
    """A report for a pull-request comment: summary, then a table of problems per file.

    ``guide`` is where CONTRIBUTING.md is read (on GitHub, its full URL): each rule ID links
    to its entry there. The report starts with ``MARKER``.
    """
    words = WORDS[language]
    head = [MARKER, f"## {words['title']}", ""]
    foot = ["", words["footer"].format(guide=guide)]
    if not problems:
        return "\n".join([*head, words["clean"], *foot])
    icon = "❌" if any(p.severity == ERROR for p in problems) else "⚠️"
    body = [f"{icon} {summary(problems, language)}"]
    left = MARKDOWN_LIMIT - sum(len(line) + 1 for line in [*head, *body, *foot])
    listed = 0
    for path, group in groupby(sorted(problems), key=lambda p: p.path):
        table = ["", f"### `{path}`", "", f"| {words['rule']} | {words['where']} | {words['problem']} | {words['fix']} |",
                 "| --- | --- | --- | --- |"]
        for p in group:
            row = (f"| [{p.rule}]({guide}#{RULES[p.rule].anchor}) {words[p.severity]} | {p.line}:{p.col} "
                   f"| {_cell(_public_message(p, language))} | {_cell(p.fix(language))} |")
            cost = sum(len(line) + 1 for line in [*table, row])
            if cost > left:
                break
            body += [*table, row]
            left -= cost
            table = []
            listed += 1
        else:
            continue
        break
    if listed < len(problems):
        body += ["", words["more"].format(count=len(problems) - listed)]
    return "\n".join([*head, *body, *foot])


def rules_table(language: str, markdown: bool) -> str:
    """The rule catalogue; as Markdown for CONTRIBUTING.md, each rule with its anchor."""
    rows = []
    for rule in RULES.values():
        message = rule.zh if language == "zh" else rule.en
        fix = rule.fix(language)
        if markdown:
            message = message.replace("|", "\\|").replace("{", "").replace("}", "")
            fix = fix.replace("|", "\\|")
            rows.append(f'| <span id="{rule.anchor}"></span>`{rule.id}` | {rule.severity} | {message} | {fix} |')
        else:
            rows.append(f"{rule.id:10} {rule.severity:8} {message}")
    if markdown:
        header = "| 规则 | 级别 | 说明 | 怎样修改 |\n| --- | --- | --- | --- |" if language == "zh" else \
            "| rule | severity | message | how to fix |\n| --- | --- | --- | --- |"
        return header + "\n" + "\n".join(rows)
    return "\n".join(rows)
