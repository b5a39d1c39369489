"""A compiled fast path in front of the front-matter JSON Schemas.

jsonschema walks the schema for every page (about 2 ms a page, most of the
time the checks take on a large site). fastjsonschema compiles the same
schemas to Python code that answers "valid or not" in microseconds. It is
only a filter: a page it accepts has no schema problem; a page it rejects is
validated again with jsonschema, which stays the one authority for what is
reported and how (tests/checks/test_fast_schema.py proves the two agree).

fastjsonschema knows draft 7 and resolves ``$ref`` with its own loader, so
the schemas are inlined first (every ``$ref`` replaced by what it points at).
The keywords our schemas use mean the same in draft 7 and draft 2020-12; the
compilation fails loudly on a keyword it does not know, and the agreement
test fails if a meaning ever differs.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from functools import cache, partial
from typing import Any

import fastjsonschema
import jsonschema

from kb.paths import SCHEMAS
from kb.twins import is_neutral

DRAFT7 = "http://json-schema.org/draft-07/schema#"
# Formats checked exactly as jsonschema checks them, so the two never disagree.
FORMATS = {"date": partial(jsonschema.FormatChecker(["date"]).conforms, format="date")}


@cache
def load_schemas() -> dict[str, dict[str, Any]]:
    """Every schema by file name, read once per process; jsonschema's validators use them too. Not to be modified."""
    return {path.name: json.loads(path.read_text(encoding="utf-8")) for path in SCHEMAS.glob("*.schema.json")}


def _pointer(document: dict[str, Any], pointer: str) -> Any:
    node: Any = document
    for part in filter(None, pointer.split("/")):
        node = node[part]
    return node


def inline(node: Any, file: str) -> Any:
    """``node`` with every ``$ref`` replaced by a copy of its target (schemas here are not recursive)."""
    if isinstance(node, list):
        return [inline(item, file) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        target_file, _, pointer = node["$ref"].partition("#")
        target_file = target_file or file
        target = inline(copy.deepcopy(_pointer(load_schemas()[target_file], pointer)), target_file)
        rest = {key: value for key, value in node.items() if key != "$ref"}
        return {"allOf": [target, inline(rest, file)]} if rest else target
    return {key: inline(value, file) for key, value in node.items() if key not in ("$defs", "$id", "$schema")}


@cache
def page_schema(kind: str, english: bool = False) -> dict[str, Any]:
    """The schema of a page of ``kind``. An English page that has a Chinese page is held to a
    narrower one: the language-neutral fields are written in the Chinese page only (kb.twins), so
    here they are forbidden (``false``) and none of them is required. Not to be modified."""
    schema = load_schemas()[f"{kind}.schema.json"]
    if not english:
        return schema
    properties = {name: False if is_neutral(name) else value for name, value in schema["properties"].items()}
    required = [name for name in schema.get("required", []) if not is_neutral(name)]
    return {**schema, "properties": properties, "required": required}


@cache
def fast_validator(kind: str, english: bool = False) -> Callable[[Any], Any]:
    """The compiled check of one page kind's schema; raises JsonSchemaException when invalid."""
    name = f"{kind}.schema.json"
    schema = inline(page_schema(kind, english), name)
    schema["$schema"] = DRAFT7
    return fastjsonschema.compile(schema, formats=FORMATS)


def is_valid(kind: str, meta: Any, english: bool = False) -> bool:
    """True when the front matter certainly passes ``kind``'s schema (``page_schema``)."""
    try:
        fast_validator(kind, english)(meta)
    except fastjsonschema.JsonSchemaException:
        return False
    return True
