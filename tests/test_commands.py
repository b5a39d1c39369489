"""Commands in the documentation and in what the tools print work as written on a fresh clone.

A bare ``python scripts/….py`` runs the system Python, which has none of the dependencies
(``ModuleNotFoundError: No module named 'pymdownx'``); only the project's virtual environment
has them. So the places a volunteer copies commands from name ``make`` targets or the
environment's own Python (``.venv/bin/python``, on Windows ``.venv\\Scripts\\python``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# "python scripts/x.py" or "python3 scripts\x.py" not preceded by a path (.venv/bin/, .venv\Scripts\).
BARE = re.compile(r"(?<![\w./\\-])python3?(?:\.\d+)?\s+scripts[/\\]\w+\.py")
SOURCES = ["README.md", "CONTRIBUTING.md", ".github/PULL_REQUEST_TEMPLATE.md", ".github/ISSUE_TEMPLATE/*.yml",
           "docs/**/*.md", "kb/checks/rules.py", "scripts/*.py", "Makefile", ".pre-commit-config.yaml"]


def test_the_pattern_tells_bare_commands_from_working_ones() -> None:
    assert BARE.search("运行 python scripts/check.py --fix")
    assert BARE.search("`python3 scripts/new.py case`")
    assert BARE.search('f"python scripts/translation.py mark {en}"')
    assert not BARE.search(".venv/bin/python scripts/check.py")
    assert not BARE.search(r".venv\Scripts\python scripts\check.py")
    assert not BARE.search("make check FILES=docs/cases/x.md")


@pytest.mark.parametrize("pattern", SOURCES)
def test_no_bare_python_commands(pattern: str) -> None:
    paths = sorted(path for path in ROOT.glob(pattern) if path.is_file())
    assert paths, f"nothing matches {pattern}"
    bare = [f"{path.relative_to(ROOT).as_posix()}:{text.count(chr(10), 0, match.start()) + 1}: {match.group(0)}"
            for path in paths for text in [path.read_text(encoding="utf-8")] for match in BARE.finditer(text)]
    assert bare == [], "use a make target or .venv/bin/python:\n" + "\n".join(bare)
