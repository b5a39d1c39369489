#!/usr/bin/env python3
"""Regenerate the generated parts of CONTRIBUTING.md, so they never drift.

    .venv/bin/python scripts/contributing.py          # rewrite the rule table and the front-matter reference
    .venv/bin/python scripts/contributing.py --check  # exit 1 if CONTRIBUTING.md is out of date (tests run this)

The rule table comes from kb/checks/rules.py, the front-matter reference from
the JSON Schemas in schemas/ (one table per page kind).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kb.checks.report import rules_table  # noqa: E402
from kb.paths import ROOT, SCHEMAS  # noqa: E402
from kb.twins import is_neutral  # noqa: E402

GUIDE = ROOT / "CONTRIBUTING.md"
KINDS = [("page", "一般页面 / generic page"), ("help", "求助 / help"), ("guide", "指南 / guide"),
         ("training", "培训资料 / training"), ("case", "案例 / case"), ("law", "法律条文 / law")]


def _resolve(schema: dict, common: dict) -> dict:
    ref = schema.get("$ref", "")
    if ref.startswith("common.schema.json#/$defs/"):
        return {**common["$defs"][ref.rsplit("/", 1)[1]], **{k: v for k, v in schema.items() if k != "$ref"}}
    if "allOf" in schema:
        merged: dict = {}
        for part in schema["allOf"]:
            merged.update(_resolve(part, common))
        return merged
    return schema


def describe(schema: dict, common: dict) -> str:
    """A short description of what a field accepts."""
    schema = _resolve(schema, common)
    if "enum" in schema:
        return "、".join(f"`{v}`" for v in schema["enum"])
    if "const" in schema:
        return f"`{schema['const']}`"
    if "oneOf" in schema:
        return " 或 / or ".join(describe(option, common) for option in schema["oneOf"])
    kind = schema.get("type", "")
    if kind == "array":
        items = describe(schema.get("items", {}), common)
        return f"列表 / list: {items}" if items else "列表 / list"
    if kind == "object":
        fields = ", ".join(f"`{name}`" for name in schema.get("properties", {}))
        return f"对象 / object: {fields}" if fields else "对象 / object"
    text = schema.get("description", "")
    if schema.get("format") == "date":
        text = "YYYY-MM-DD"
    return f"{kind} {text}".strip()


def schema_reference() -> str:
    common = json.loads((SCHEMAS / "common.schema.json").read_text(encoding="utf-8"))
    parts = []
    for kind, label in KINDS:
        schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
        required = set(schema.get("required", []))
        rows = ["| 字段 / field | 必填 / required | 写在 / written in | 取值 / accepts |", "| --- | --- | --- | --- |"]
        for name, field in schema["properties"].items():
            value = describe(field, common).replace("|", "\\|").replace("\n", " ")
            where = "只写在中文页面 / Chinese page only" if is_neutral(name) else "各语言页面 / each language"
            rows.append(f"| `{name}` | {'是 / yes' if name in required else ''} | {where} | {value} |")
        parts.append(f"### {label} (`schemas/{kind}.schema.json`) {{#schema-{kind}}}\n\n" + "\n".join(rows))
    return "\n\n".join(parts)


def generated(text: str) -> str:
    text = re.sub(r"<!-- rules:begin -->.*<!-- rules:end -->",
                  lambda _: "<!-- rules:begin -->\n" + rules_table("zh", markdown=True) + "\n<!-- rules:end -->",
                  text, flags=re.S)
    return re.sub(r"<!-- schema-reference:begin -->.*<!-- schema-reference:end -->",
                  lambda _: "<!-- schema-reference:begin -->\n" + schema_reference() + "\n<!-- schema-reference:end -->",
                  text, flags=re.S)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if CONTRIBUTING.md is out of date")
    args = parser.parse_args(argv)
    current = GUIDE.read_text(encoding="utf-8")
    new = generated(current)
    if args.check:
        if new != current:
            print("CONTRIBUTING.md 已过时，请运行 .venv/bin/python scripts/contributing.py / out of date: run .venv/bin/python scripts/contributing.py")
            return 1
        return 0
    GUIDE.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
