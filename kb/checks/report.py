"""Print problems as text (for volunteers), GitHub annotations or JSON."""

from __future__ import annotations

import json

from kb.checks.model import Problem
from kb.checks.rules import ERROR, RULES

GUIDE = "CONTRIBUTING.md"


def text(problems: list[Problem], language: str) -> str:
    lines = []
    for p in problems:
        where = f"{GUIDE}#{RULES[p.rule].anchor}"
        hint = f"（见 {where}）" if language == "zh" else f" (see {where})"
        lines.append(f"{p.path}:{p.line}:{p.col}: {p.severity} {p.rule} {p.message(language)}{hint}")
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
        message = f"{p.message(language)} ({GUIDE}#{RULES[p.rule].anchor})"
        lines.append(f"::{level} {properties}::{_escape_data(message)}")
    lines.append(summary(problems, language))
    return "\n".join(lines)


def as_json(problems: list[Problem], language: str) -> str:
    return json.dumps(
        [
            {"path": p.path, "line": p.line, "col": p.col, "severity": p.severity, "rule": p.rule,
             "message": p.message(language)}
            for p in problems
        ],
        ensure_ascii=False,
        indent=2,
    )


def rules_table(language: str, markdown: bool) -> str:
    """The rule catalogue; as Markdown for CONTRIBUTING.md, each rule with its anchor."""
    rows = []
    for rule in RULES.values():
        message = rule.zh if language == "zh" else rule.en
        fix = rule.fix_zh if language == "zh" else rule.fix_en
        if markdown:
            message = message.replace("|", "\\|").replace("{", "").replace("}", "")
            fix = fix.replace("|", "\\|").replace("{{", "{").replace("}}", "}")
            rows.append(f'| <span id="{rule.anchor}"></span>`{rule.id}` | {rule.severity} | {message} | {fix} |')
        else:
            rows.append(f"{rule.id:10} {rule.severity:8} {message}")
    if markdown:
        header = "| 规则 | 级别 | 说明 | 怎样修改 |\n| --- | --- | --- | --- |" if language == "zh" else \
            "| rule | severity | message | how to fix |\n| --- | --- | --- | --- |"
        return header + "\n" + "\n".join(rows)
    return "\n".join(rows)
