"""Where things live in the repository, defined once."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SCHEMAS = ROOT / "schemas"
DATA = ROOT / "data"
SHARED_LAWS = ROOT.parent / "shared" / "reference" / "laws"
