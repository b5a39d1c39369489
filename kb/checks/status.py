"""``--report``: the translation status of every section, and the coverage of the official
releases of typical cases (data/releases.yml), as tables."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from kb.checks.checkers.official_cases import claimed_numbers
from kb.checks.checkers.translations import status
from kb.checks.workspace import Workspace
from kb.paths import DOCS
from kb.releases import releases

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


COVERAGE_HEADINGS = {
    "zh": ("发布", "日期", "核实状态", "案例数", "已收录", "尚未收录", "已收录的序号", "名单未核实的序号"),
    "en": ("release", "date", "status", "cases", "published", "missing", "numbers published", "names not established"),
}


def published_numbers(docs: Path = DOCS) -> dict[str, set[int]]:
    """Release id → the case numbers that have a Chinese digest in docs/cases/official/."""
    found: dict[str, set[int]] = {}
    for release, number in claimed_numbers(Workspace(docs)):
        found.setdefault(release, set()).add(number)
    return found


def _numbers(numbers: list[int]) -> str:
    return ", ".join(map(str, numbers)) or "—"


def coverage_report(language: str, docs: Path = DOCS) -> str:
    """One row per release: how many of its cases are digested, which numbers, which are missing."""
    published = published_numbers(docs)
    headings = COVERAGE_HEADINGS[language]
    lines = ["| " + " | ".join(headings) + " |", "|" + " --- |" * len(headings)]
    totals = [0, 0, 0]
    for release in releases().values():
        numbers = sorted(published.get(release.id, set()))
        count = release.cases
        missing = "?" if count is None else str(count - len([n for n in numbers if n <= count]))
        unnamed = [n for n in range(1, (count or len(release.names)) + 1) if release.name(n) is None]
        lines.append(f"| {release.id} | {release.date} | {release.status} | {count if count is not None else '?'} | "
                     f"{len(numbers)} | {missing} | {_numbers(numbers)} | {_numbers(unnamed)} |")
        totals[0] += count or 0
        totals[1] += len(numbers)
        totals[2] += int(missing) if missing != "?" else 0
    lines.append(f"| **{'合计' if language == 'zh' else 'total'}** | | | {totals[0]} | {totals[1]} | {totals[2]} | | |")
    return "\n".join(lines)
