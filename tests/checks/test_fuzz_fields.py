"""Property-based tests: no front-matter value and no link, image, citation or heading ID makes the
checks raise. Every field of every page kind (top level and one level down) gets values of every
YAML type, including the ones PyYAML itself chokes on (2026-02-30, x: &a [*a]); the body gets
arbitrary strings where volunteers type targets. The checks must answer with located problems."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kb.checks.runner import check_files
from kb.checks.workspace import Workspace
from kb.frontmatter import split_front_matter
from kb.paths import DOCS

# One real page of each kind: its front matter is the starting point, its folder the page kind.
TEMPLATES = {
    "page": "about/index.md",
    "help": "help/safety-plan.md",
    "guide": "guides/mediation/screening.md",
    "training": "training/adv-law.md",
    "case": "cases/protection-order-spouse.md",
    "official": "cases/official/spc-2023-06-07.md",
    "question": "questions/injury-examination.md",
    "law": "law/legal-aid-law.md",
}
RAW_VALUES = [
    "null", "~", "true", "false", "on", "0", "-1", "1e309", ".inf", ".nan", "0x1F", "2026-02-30", "2026-13-45",
    "2026-11-28", "2026-11-28T10:00:00", "&a [*a]", "*nosuchalias", "[]", "{}", "[[[[[[[[[[1]]]]]]]]]]",
    "{a: {b: {c: {d: {e: 1}}}}}", "'", '"unclosed', "!!binary aGVsbG8=", "!!python/object/apply:os.system [ls]",
    "|", ">", "[1, {a: [2, {b: null}]}]", "'" + "长" * 3000 + "'", "- a", "a: b: c", "[a, b", "{a: 1",
    "“全角引号”", "反家庭暴力法 23", "[反家庭暴力法 999]", "case-001", "spc-2099-01",
]
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=40),
                    st.dates(min_value=dt.date(1, 1, 1)))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                      st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                      max_leaves=12)
FLOW = VALUES.map(lambda v: yaml.safe_dump(v, default_flow_style=True, allow_unicode=True, width=10**6)
                  .removesuffix("\n...\n").strip())
RAW = st.one_of(st.sampled_from(RAW_VALUES), FLOW)


def template(kind: str) -> tuple[dict, str]:
    meta, body, _ = split_front_matter((DOCS / TEMPLATES[kind]).read_text(encoding="utf-8"))
    return meta, body


def field_paths(kind: str) -> list[tuple[str, ...]]:
    meta, _ = template(kind)
    paths: list[tuple[str, ...]] = [("fuzz-extra",)]
    for key, value in meta.items():
        paths.append((key,))
        if isinstance(value, dict):
            paths.extend((key, inner) for inner in value)
    return paths


CASES = st.sampled_from(sorted(TEMPLATES)).flatmap(
    lambda kind: st.tuples(st.just(kind), st.sampled_from(field_paths(kind)), RAW))


def render(kind: str, path: tuple[str, ...], raw: str) -> str:
    """The template's page with the field at ``path`` set to the YAML text ``raw``."""
    meta, body = template(kind)
    target = meta
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = "__FUZZ__"
    text = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10**6)
    return "---\n" + text.replace("'__FUZZ__'", raw).replace("__FUZZ__", raw) + "---\n" + body


def check_text(tmp: Path, rel: str, text: str) -> None:
    docs = tmp / "docs"
    path = docs / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    problems, _ = check_files([path], docs, None, Workspace(docs))
    for problem in problems:
        assert problem.line >= 1 and problem.col >= 1, problem
        problem.message("zh")
        problem.message("en")


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(CASES)
def test_no_front_matter_value_makes_the_checks_raise(tmp_path_factory, case: tuple[str, tuple[str, ...], str]) -> None:
    kind, path, raw = case
    check_text(tmp_path_factory.mktemp("fm"), TEMPLATES[kind], render(kind, path, raw))


TARGET_TEXT = st.text(max_size=40).filter(lambda s: "\n" not in s)
PLACES = st.sampled_from([
    "[这里]({})", "![图]({})", "<a href=\"{}\">x</a>", "<img src=\"{}\" alt=\"x\">", "[[{}]]", "[[反家庭暴力法 {}]]",
    "## 标题 {{#{}}}", "[x]({}#{})", "[x](../law/anti-domestic-violence-law.md#{})",
])


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["page", "case", "question", "law"]), PLACES, TARGET_TEXT)
def test_no_link_image_citation_or_heading_id_makes_the_checks_raise(tmp_path_factory, kind: str, place: str,
                                                                     target: str) -> None:
    meta, body = template(kind)
    line = place.replace("{}", target)
    if kind == "law":  # a heading ID in a law page: articles are read from these
        line = f"### 第一百条 {{#{target}}}\n\n条文。" if place.startswith("##") else line
    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body + "\n" + line + "\n"
    check_text(tmp_path_factory.mktemp("body"), TEMPLATES[kind], text)
