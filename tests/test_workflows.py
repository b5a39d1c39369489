"""The GitHub workflows, checked as actionlint would check what matters here.

actionlint is a Go program (its PyPI wrapper downloads the binary while it builds, which
CI and offline machines cannot count on), so this test does the same work in Python: every
workflow validates against the GitHub workflow JSON Schema (SchemaStore's, vendored in
tests/vendor), every action is pinned to a full commit SHA with its version in a comment,
every job declares its permissions, no value an outsider controls (``github.event.*``,
``github.head_ref``) is pasted into a script, and the workflows that run with write
permission for pull requests (workflow_run, pull_request_target) never check out the pull
request's code. Each rule has a fixture that breaks it, so the test can fail.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft7Validator

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
SCHEMA = json.loads((Path(__file__).parent / "vendor" / "github-workflow.json").read_text(encoding="utf-8"))

PINNED = re.compile(r"^[\w.-]+/[\w.-]+(?:/[\w./-]+)?@[0-9a-f]{40}$")
VERSION_COMMENT = re.compile(r"uses:\s*\S+@[0-9a-f]{40}\s+#\s*v\d")
EXPRESSION = re.compile(r"\$\{\{(.*?)\}\}", re.S)
UNTRUSTED = re.compile(r"\bgithub\.(?:event\b|head_ref\b)")
PRIVILEGED_EVENTS = {"workflow_run", "pull_request_target"}


def load(text: str) -> dict[str, Any]:
    """The workflow as data; YAML 1.1 reads the key ``on`` as True, GitHub as "on"."""
    data = yaml.safe_load(text)
    if isinstance(data, dict) and True in data:
        data["on"] = data.pop(True)
    return data


def steps(workflow: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(name, step) for name, job in (workflow.get("jobs") or {}).items() for step in job.get("steps") or []]


def events(workflow: dict[str, Any]) -> set[str]:
    on = workflow.get("on")
    return {on} if isinstance(on, str) else set(on or [])


def schema_problems(workflow: dict[str, Any], text: str) -> list[str]:
    return [f"schema: {error.message} at {'/'.join(map(str, error.absolute_path))}"
            for error in Draft7Validator(SCHEMA).iter_errors(workflow)]


def pin_problems(workflow: dict[str, Any], text: str) -> list[str]:
    found = []
    uses = [step["uses"] for _, step in steps(workflow) if "uses" in step]
    uses += [job["uses"] for job in (workflow.get("jobs") or {}).values() if "uses" in job]
    for action in uses:
        if not action.startswith("./") and not PINNED.match(action):
            found.append(f"not pinned to a full commit SHA: {action}")
    for line in text.splitlines():
        if re.search(r"uses:\s*\S+@[0-9a-f]{40}", line) and not VERSION_COMMENT.search(line):
            found.append(f"no version comment: {line.strip()}")
    return found


def permission_problems(workflow: dict[str, Any], text: str) -> list[str]:
    return [f"job {name} does not declare permissions"
            for name, job in (workflow.get("jobs") or {}).items() if "permissions" not in job]


def injection_problems(workflow: dict[str, Any], text: str) -> list[str]:
    """Outsider-controlled values go into scripts through env:, never pasted into the code."""
    found = []
    for job, step in steps(workflow):
        scripts = [step.get("run")]
        if str(step.get("uses", "")).startswith("actions/github-script@"):
            scripts.append((step.get("with") or {}).get("script"))
        for script in filter(None, scripts):
            for expression in EXPRESSION.findall(str(script)):
                if UNTRUSTED.search(expression):
                    found.append(f"job {job}: ${{{{{expression}}}}} pasted into a script")
    return found


def checkout_problems(workflow: dict[str, Any], text: str) -> list[str]:
    """Workflows with a writing token check out only the base repository's default branch."""
    if not events(workflow) & PRIVILEGED_EVENTS:
        return []
    return [f"job {job}: checks out {step['with']}" for job, step in steps(workflow)
            if str(step.get("uses", "")).startswith("actions/checkout@")
            and {"ref", "repository"} & set(step.get("with") or {})]


RULES = [pin_problems, permission_problems, injection_problems, checkout_problems]


def problems(text: str) -> list[str]:
    """Schema errors first; the other rules read a workflow of the schema's shape."""
    workflow = load(text)
    return schema_problems(workflow, text) or [problem for rule in RULES for problem in rule(workflow, text)]


def test_there_are_workflows() -> None:
    names = {path.name for path in WORKFLOWS}
    assert {"pr.yml", "pr-publish.yml", "deploy.yml"} <= names, names


@pytest.mark.parametrize("path", WORKFLOWS, ids=[path.name for path in WORKFLOWS])
def test_workflow(path: Path) -> None:
    assert problems(path.read_text(encoding="utf-8")) == []


SHA = "11bd71901bbe5b1630ceea73d27597364c9af683"
GOOD = f"""
name: Example
on:
  pull_request:
permissions: {{}}
jobs:
  test:
    runs-on: ubuntu-24.04
    permissions:
      contents: read
    steps:
      - uses: actions/checkout@{SHA} # v4.2.2
      - env:
          TITLE: ${{{{ github.event.pull_request.title }}}}
        run: echo "$TITLE"
"""


@pytest.mark.parametrize(("broken", "expected"), [
    (GOOD.replace("runs-on: ubuntu-24.04", "runs-on: ubuntu-24.04\n    timeout: 5"), "schema:"),
    (GOOD.replace("jobs:", "jobs: 3\nx:"), "schema:"),
    (GOOD.replace(f"@{SHA} # v4.2.2", "@v4"), "not pinned"),
    (GOOD.replace(" # v4.2.2", ""), "no version comment"),
    (GOOD.replace("    permissions:\n      contents: read\n", ""), "does not declare permissions"),
    (GOOD.replace('echo "$TITLE"', 'echo "${{ github.event.pull_request.title }}"'), "pasted into a script"),
    (GOOD.replace('echo "$TITLE"', 'git checkout "${{ github.head_ref }}"'), "pasted into a script"),
    (GOOD.replace("pull_request:", "workflow_run:\n    workflows: [x]")
     .replace(" # v4.2.2", " # v4.2.2\n        with:\n          ref: ${{ github.event.workflow_run.head_sha }}"),
     "checks out"),
])
def test_each_rule_can_fail(broken: str, expected: str) -> None:
    assert problems(GOOD) == []
    found = problems(broken)
    assert any(problem.startswith(expected) or expected in problem for problem in found), found


def test_the_report_marker_is_the_one_the_checks_write() -> None:
    """pr-publish.yml finds its comment by the marker kb/checks/report.py writes."""
    from kb.checks.report import MARKER

    assert f"const marker = '{MARKER}';" in (ROOT / ".github" / "workflows" / "pr-publish.yml").read_text(encoding="utf-8")
