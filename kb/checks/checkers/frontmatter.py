"""Front matter: YAML syntax, the page kind's JSON Schema, and zh/en agreement."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

import jsonschema
from referencing import Registry, Resource

from kb.checks.checkers import Context
from kb.checks.fast_schema import is_valid, load_schemas
from kb.frontmatter import key_line

# Fields the two language versions of a page must share, per page kind.
SHARED_FIELDS = {
    "case": ("id", "category", "tags", "cites", "relationship", "measures", "source"),
    "law": ("articles",),
    "training": ("cases", "duration"),
    "guide": ("audience",),
    "question": ("situation", "cites"),
}
SET_FIELDS = {"tags", "cites", "measures", "cases", "audience"}
QUOTED = re.compile(r"'([^']+)'")


@lru_cache(maxsize=1)
def _registry() -> Registry:
    registry = Registry()
    for _, schema in sorted(load_schemas().items()):
        registry = registry.with_resource(schema["$id"], Resource.from_contents(schema))
    return registry


@lru_cache(maxsize=None)
def validator(kind: str) -> jsonschema.Draft202012Validator:
    schema = load_schemas()[f"{kind}.schema.json"]
    return jsonschema.Draft202012Validator(schema, registry=_registry(), format_checker=jsonschema.FormatChecker())


def _leaf_errors(error: jsonschema.ValidationError) -> list[jsonschema.ValidationError]:
    """The most specific errors, so oneOf/allOf failures name the real field."""
    if error.context:
        best = min(error.context, key=lambda e: len(e.context or []))
        return _leaf_errors(best) if best.context else [best]
    return [error]


def check(ctx: Context) -> None:
    page = ctx.page
    if page.front_matter_error is not None:
        error = page.front_matter_error
        detail = error.message_zh.split("：", 1)[-1]
        ctx.at_line(error.code, error.line, error.col, detail=detail)
        return
    if not page.has_front_matter:
        ctx.at_line("FM001", 1, 1)
        return
    if not is_valid(page.kind, page.meta):
        for error in sorted(validator(page.kind).iter_errors(page.meta), key=lambda e: list(map(str, e.path))):
            for leaf in _leaf_errors(error):
                report_schema_error(ctx, leaf)
    check_counterpart(ctx)


def report_schema_error(ctx: Context, error: jsonschema.ValidationError) -> None:
    path: list[str | int] = list(error.absolute_path)
    if error.validator == "required":
        field = QUOTED.search(error.message)
        name = field.group(1) if field else error.message
        line, col = key_line(ctx.page.text, path) if path else (1, 1)
        ctx.at_line("FM004", line, col, field=".".join(map(str, [*path, name])))
    elif error.validator == "additionalProperties":
        for name in QUOTED.findall(error.message):
            line, col = key_line(ctx.page.text, [*path, name])
            ctx.at_line("FM005", line, col, field=".".join(map(str, [*path, name])))
    else:
        line, col = key_line(ctx.page.text, path)
        field = ".".join(map(str, path)) or "(front matter)"
        ctx.at_line("FM003", line, col, field=field, detail=describe(error))


def describe(error: jsonschema.ValidationError) -> str:
    """A short bilingual-neutral description of what was wrong."""
    if error.validator == "enum":
        return f"{error.instance!r} ∉ {', '.join(map(str, error.validator_value))}"
    if error.validator == "format" and error.validator_value == "date":
        return f"{error.instance!r} → YYYY-MM-DD"
    if error.validator == "pattern" and "date" in str(error.schema.get("description", "")).lower():
        return f"{error.instance!r} → YYYY-MM-DD"
    if error.validator == "pattern" and str(error.validator_value).startswith("^\\d{4}"):
        return f"{error.instance!r} → YYYY-MM-DD"
    if error.validator == "type":
        return f"{error.instance!r}: {error.validator_value}"
    return error.message


def _comparable(name: str, value: Any) -> Any:
    if name in SET_FIELDS and isinstance(value, list):
        return sorted(map(str, value))
    return value


def check_counterpart(ctx: Context) -> None:
    """Fields that must agree between a Chinese page and its English version."""
    page = ctx.page
    if not page.is_english:
        return
    source = ctx.workspace.counterpart(page)
    if source is None or source.front_matter_error is not None:
        return
    for name in SHARED_FIELDS.get(page.kind, ()):
        zh, en = source.meta.get(name), page.meta.get(name)
        if zh is None and en is None:
            continue
        if _comparable(name, zh) != _comparable(name, en):
            line, col = key_line(page.text, [name]) if name in page.meta else (1, 1)
            ctx.at_line("FM006", line, col, field=name, zh=json.dumps(zh, ensure_ascii=False),
                        en=json.dumps(en, ensure_ascii=False))
