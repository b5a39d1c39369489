#!/usr/bin/env python3
"""Record which version of the Chinese page an English page translates.

    .venv/bin/python scripts/translation.py mark docs/cases/foo.en.md [...]   # after translating or updating
    .venv/bin/python scripts/translation.py mark --all                          # every English page (initial import)

Writes ``translated_from: <sha256>`` (the Chinese page's body hash, see
kb/checks/checkers/translations.py) into the English page's front matter,
changing nothing else in the file. The checks then warn (I18N002) as soon as
the Chinese page changes again.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kb.checks.checkers.translations import source_hash  # noqa: E402
from kb.checks.workspace import Workspace  # noqa: E402
from kb.paths import DOCS  # noqa: E402

FIELD = re.compile(r"^translated_from:.*$", re.M)


def mark(path: Path, workspace: Workspace) -> str:
    english = workspace.page(path)
    if english is None or not path.name.endswith(".en.md"):
        raise SystemExit(f"不是可读的英文页面 / not a readable English page: {path}")
    source = workspace.counterpart(english)
    if source is None:
        raise SystemExit(f"没有对应的中文页面 / no Chinese page for {path}")
    digest = source_hash(source)
    text = english.text
    if not text.startswith("---\n"):
        raise SystemExit(f"缺少前置元数据 / no front matter: {path}")
    end = text.index("\n---", 3)
    head, rest = text[:end], text[end:]
    line = f"translated_from: {digest}"
    head = FIELD.sub(line, head) if FIELD.search(head) else head + "\n" + line
    path.write_text(head + rest, encoding="utf-8")
    return digest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    marker = sub.add_parser("mark", help="record the Chinese version an English page translates")
    marker.add_argument("files", nargs="*", type=Path)
    marker.add_argument("--all", action="store_true")
    args = parser.parse_args(argv)
    workspace = Workspace(DOCS)
    files = sorted(DOCS.rglob("*.en.md")) if args.all else [f.resolve() for f in args.files]
    if not files:
        parser.error("name English files or use --all")
    for path in files:
        mark(path, workspace)
        print(f"translated_from → {path.relative_to(DOCS.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
