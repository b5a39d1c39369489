"""The registries under data/ that have a schema under schemas/data/ (releases, glossary) are read
one way: YAML with dates as ISO strings, as front matter is compared, then validated, so a mistake
in a registry stops the build and the checks with the file, the place and the reason."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from kb.frontmatter import normalise
from kb.paths import SCHEMAS


def load(path: Path, schema_name: str, error: type[ValueError] = ValueError) -> Any:
    """``path`` parsed and checked against ``schemas/data/<schema_name>``; the first problem, in the
    order of where it is in the file, is raised as ``error("<file>: <where>: <message>")``."""
    data = normalise(yaml.safe_load(path.read_text(encoding="utf-8")))
    schema = json.loads((SCHEMAS / "data" / schema_name).read_text(encoding="utf-8"))
    errors = sorted(jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
                    .iter_errors(data), key=lambda e: list(map(str, e.path)))
    if errors:
        where = "/".join(map(str, errors[0].path)) or "(top)"
        raise error(f"{path.name}: {where}: {errors[0].message}")
    return data
