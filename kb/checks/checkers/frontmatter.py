"""Front matter: YAML syntax, the page kind's JSON Schema, and language-neutral fields written once.

An English page takes its language-neutral fields (id, category, tags, cites, source, review,
dates, …) from its Chinese page (kb.twins): written in the English page too, they are reported
(FM008 when the value is the Chinese page's, which ``--fix`` removes; FM006 when it differs, which
the volunteer decides), and the rest of the English page is checked against the schema without them.
"""

from __future__ import annotations

import difflib
import json
import re
from functools import lru_cache
from typing import Any

import jsonschema
from referencing import Registry, Resource

from kb.checks.checkers import Context
from kb.checks.fast_schema import is_valid, load_schemas, page_schema
from kb.checks.workspace import Page
from kb.frontmatter import key_line
from kb.taxonomy import taxonomy
from kb.twins import is_neutral

# Lists whose order carries no meaning: an English copy in another order repeats the Chinese one.
SET_FIELDS = {"tags", "cites", "measures", "cases", "audience"}
QUOTED = re.compile(r"'([^']+)'")


@lru_cache(maxsize=1)
def _registry() -> Registry:
    registry = Registry()
    for _, schema in sorted(load_schemas().items()):
        registry = registry.with_resource(schema["$id"], Resource.from_contents(schema))
    return registry


@lru_cache(maxsize=None)
def validator(kind: str, english: bool = False) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(page_schema(kind, english), registry=_registry(),
                                           format_checker=jsonschema.FormatChecker())


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
    source = ctx.workspace.counterpart(page) if page.is_english else None
    meta = page.own_meta
    if source is not None:
        check_written_once(ctx, source)
        meta = {name: value for name, value in meta.items() if not is_neutral(name)}
    english = source is not None
    if not is_valid(page.kind, meta, english):
        for error in sorted(validator(page.kind, english).iter_errors(meta), key=lambda e: list(map(str, e.path))):
            for leaf in _leaf_errors(error):
                report_schema_error(ctx, leaf)


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
        ctx.at_line("FM003", line, col, field=field, field_zh=field_zh(path), detail=describe(error, "en"),
                    detail_zh=describe(error, "zh"))


def field_zh(path: list[str | int]) -> str:
    """A field as a volunteer reads it: tags 第 2 项, not tags.1."""
    parts = [f"第 {part + 1} 项" if isinstance(part, int) else str(part) for part in path]
    return " ".join(parts) or "前置元数据"


# Which vocabulary of data/taxonomy.yml an enum's values come from, to show their Chinese labels.
VOCABULARIES = ("categories", "tags", "relationships", "measures", "procedures", "situations", "audiences", "reviewers")
TYPE_NAMES = {"string": ("文字", "text"), "integer": ("整数", "a whole number"), "array": ("列表 [a, b]", "a list [a, b]"),
              "object": ("“字段: 值”的组合", "a mapping of field: value"), "boolean": ("true 或 false", "true or false"),
              "number": ("数字", "a number"), "null": ("空", "empty")}


def _labelled(value: object) -> str:
    """An allowed value with its Chinese label from data/taxonomy.yml, where it has one."""
    for group in VOCABULARIES:
        entry = taxonomy().get(group, {}).get(str(value))
        if isinstance(entry, dict) and "zh" in entry:
            return f"{value}（{entry['zh']}）"
    return str(value)


def describe(error: jsonschema.ValidationError, language: str) -> str:
    """What was wrong, in the volunteer's language: allowed values with their labels and the closest
    one ("是不是想写 on-behalf？"), the expected type in words, the date format."""
    zh = language == "zh"
    value = error.instance
    if error.validator == "enum":
        allowed = [str(v) for v in error.validator_value]
        close = difflib.get_close_matches(str(value), allowed, n=1, cutoff=0.6)
        listed = ("、" if zh else ", ").join(_labelled(v) if zh else v for v in allowed)
        guess = (f"是不是想写 {_labelled(close[0])}？" if zh else f"did you mean {close[0]}? ") if close else ""
        return (f"“{value}”不是可选值。{guess}可选值：{listed}" if zh
                else f'"{value}" is not one of the allowed values; {guess}allowed: {listed}')
    if error.validator in ("format", "pattern") and (error.validator_value == "date" or
                                                    "date" in str(error.schema.get("description", "")).lower() or
                                                    str(error.validator_value).startswith("^\\d{4}")):
        return (f"“{value}”不是有效的日期，应写成 YYYY-MM-DD，例如 2026-12-05" if zh
                else f'"{value}" is not a valid date; write YYYY-MM-DD, e.g. 2026-12-05')
    if error.validator == "type":
        expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        names = [TYPE_NAMES.get(t, (t, t))[0 if zh else 1] for t in expected]
        return (f"应为{'或'.join(names)}，实际是“{value}”" if zh else f"expected {' or '.join(names)}, found {value!r}")
    if error.validator in ("minLength", "maxLength"):
        length = len(value) if isinstance(value, str) else 0
        return (f"长度 {length} 个字，应为 {error.schema.get('minLength', 0)}–{error.schema.get('maxLength', '∞')} 个字"
                if zh else f"{length} characters; write {error.schema.get('minLength', 0)} to "
                           f"{error.schema.get('maxLength', 'any number of')} characters")
    if error.validator == "minItems":
        return f"至少要有 {error.validator_value} 项" if zh else f"needs at least {error.validator_value} item(s)"
    if error.validator == "uniqueItems":
        return "列表中有重复的项" if zh else "the list repeats an item"
    if error.validator in ("pattern", "const"):
        return (f"“{value}”的写法不对，请参照贡献指南的前置元数据参考" if zh
                else f'"{value}" is not in the expected form; see the front-matter reference in CONTRIBUTING.md')
    return "值不符合要求，请参照贡献指南的前置元数据参考" if zh else error.message


def _comparable(name: str, value: Any) -> Any:
    if name in SET_FIELDS and isinstance(value, list):
        return sorted(map(str, value))
    return value


def repeated_fields(english: Page, chinese: Page) -> tuple[list[str], list[str]]:
    """The language-neutral fields an English page writes itself: (those equal to the Chinese
    page's, which can simply go; those that differ, where a person must choose)."""
    same, different = [], []
    for name, value in english.own_meta.items():
        if is_neutral(name):
            equal = chinese.front_matter_error is None and \
                _comparable(name, chinese.own_meta.get(name)) == _comparable(name, value)
            (same if equal else different).append(name)
    return same, different


def check_written_once(ctx: Context, chinese: Page) -> None:
    """FM008 / FM006: a language-neutral field written in the English page as well."""
    page = ctx.page
    same, different = repeated_fields(page, chinese)
    for name in same:
        ctx.at_line("FM008", *key_line(page.text, [name]), field=name)
    for name in different:
        zh = chinese.own_meta.get(name) if chinese.front_matter_error is None else None
        ctx.at_line("FM006", *key_line(page.text, [name]), field=name,
                    zh="（未填写）" if zh is None else json.dumps(zh, ensure_ascii=False),
                    en=json.dumps(page.own_meta[name], ensure_ascii=False))
