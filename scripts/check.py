#!/usr/bin/env python3
"""Content checks: `.venv/bin/python scripts/check.py [PATH ...]` (all of docs/ by default).

Prints one line per problem, ``path:line:col: severity RULE message``, and
under it how to fix it, then a summary; exits 0 without errors, 1 with any
error, 2 on a usage error. ``--format github`` prints GitHub annotations,
``json`` a list, ``markdown`` the report the pull-request comment shows. The
rules and their fixes are listed by ``--list-rules`` and in CONTRIBUTING.md.
"""

from __future__ import annotations

import argparse
import sys
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kb.checks import report  # noqa: E402
from kb.checks.fix import fix_files  # noqa: E402
from kb.checks.rules import ERROR, RULES  # noqa: E402
from kb.checks.runner import collect, run  # noqa: E402
from kb.checks.status import coverage_report, translation_report  # noqa: E402
from kb.paths import DOCS  # noqa: E402


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="check.py", description="检查 docs/ 中的内容 / check the content in docs/")
    parser.add_argument("paths", nargs="*", type=Path, help="files or folders (default: docs/)")
    parser.add_argument("--format", choices=["text", "github", "json", "markdown"], default="text",
                        help="markdown: the Chinese report for a pull-request comment")
    parser.add_argument("--guide-url", default=report.GUIDE, metavar="URL",
                        help="with --format markdown: where rule IDs link to (CONTRIBUTING.md's URL)")
    parser.add_argument("--lang", choices=["zh", "en"], default="zh", help="message language")
    parser.add_argument("--rule", action="append", default=[], metavar="ID", help="only this rule (repeatable)")
    parser.add_argument("--list-rules", action="store_true", help="list the rules and exit")
    parser.add_argument("--markdown", action="store_true", help="with --list-rules: a Markdown table")
    parser.add_argument("--report", action="store_true",
                        help="translation status per section, and official cases published per release")
    parser.add_argument("--external", action="store_true", help="also check external links online (cached)")
    parser.add_argument("--fix", action="store_true", help="fix what can be fixed safely, then check")
    args = parser.parse_args(argv)
    unknown = [rule for rule in args.rule if rule not in RULES]
    if unknown:
        parser.error(f"unknown rule: {', '.join(unknown)} (see --list-rules)")
    missing = [str(p) for p in args.paths if not p.exists() and not p.is_symlink()]
    if missing:
        parser.error(f"no such file or folder: {', '.join(missing)}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.list_rules:
        print(report.rules_table(args.lang, markdown=args.markdown))
        return 0
    if args.report:
        print(translation_report(args.lang))
        print()
        print(coverage_report(args.lang))
        return 0
    paths = [p.resolve() for p in args.paths] or None
    if args.fix:
        for line in fix_files(collect(paths or [DOCS], dependent=False)[0], args.lang):
            print(line, file=sys.stderr)
    problems = run(paths, set(args.rule) or None)
    if args.external:
        from kb.checks.external import check_external
        from kb.checks.workspace import Workspace

        problems = sorted(problems + check_external(collect(paths or [DOCS], dependent=False)[0], Workspace()))
    printer = {"text": report.text, "github": report.github, "json": report.as_json,
               "markdown": partial(report.markdown, guide=args.guide_url)}[args.format]
    print(printer(problems, args.lang))
    return 1 if any(p.severity == ERROR for p in problems) else 0


if __name__ == "__main__":
    sys.exit(main())
