"""``--report``: the translation status of every section, as a table."""

from __future__ import annotations

from collections import Counter

from kb.checks.checkers.translations import status
from kb.checks.workspace import Workspace
from kb.paths import DOCS

STATES = ("current", "outdated", "unmarked", "missing")
HEADINGS = {
    "zh": ("栏目", "中文页面", "英文最新", "英文过时", "未记录来源", "缺英文"),
    "en": ("section", "zh pages", "en current", "en outdated", "en unmarked", "en missing"),
}


def translation_report(language: str) -> str:
    workspace = Workspace(DOCS)
    counts: dict[str, Counter[str]] = {}
    for path in workspace.all_markdown():
        if path.name.endswith(".en.md"):
            continue
        page = workspace.page(path)
        if page is None:
            continue
        section = page.rel.split("/")[0] if "/" in page.rel else "(home)"
        counts.setdefault(section, Counter())[status(page, workspace.counterpart(page))] += 1
    headings = HEADINGS[language]
    lines = ["| " + " | ".join(headings) + " |", "|" + " --- |" * len(headings)]
    total: Counter[str] = Counter()
    for section in sorted(counts):
        row = counts[section]
        total.update(row)
        lines.append(f"| {section} | {sum(row.values())} | " + " | ".join(str(row[s]) for s in STATES) + " |")
    lines.append(f"| **{'合计' if language == 'zh' else 'total'}** | {sum(total.values())} | "
                 + " | ".join(str(total[s]) for s in STATES) + " |")
    return "\n".join(lines)
