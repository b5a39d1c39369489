"""The command contract of scripts/check.py that other tools and CI rely on."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.checks.conftest import PAGE

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "check.py"


def check(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], cwd=cwd, capture_output=True, text=True, check=False)


@pytest.fixture
def bad_page(tmp_path: Path) -> Path:
    """A page inside the real docs/ tree (so paths are repository-relative), removed afterwards."""
    path = ROOT / "docs" / "about" / "zz-check-cli-fixture.md"
    path.write_text(PAGE.replace("description: 用于测试内容检查的页面。\n", "") + "依据[[反家庭暴力法 99]]。\n", encoding="utf-8")
    yield path
    path.unlink()


def test_text_format_and_exit_status(bad_page: Path) -> None:
    result = check(str(bad_page))
    assert result.returncode == 1
    lines = result.stdout.strip().split("\n")
    pattern = re.compile(r"^docs/about/zz-check-cli-fixture\.md:\d+:\d+: (error|warning) [A-Z][A-Z0-9]*\d{3} .+")
    assert all(pattern.match(line) for line in lines[:-1:2]), lines
    assert all(line.startswith("    修改方法：") for line in lines[1:-1:2]), lines  # each problem's fix below it
    assert any(" FM004 " in line and "description" in line for line in lines)
    assert any(line.startswith("docs/about/zz-check-cli-fixture.md:7:3: error CITE003") for line in lines), lines
    assert re.fullmatch(r"\d+ 个错误，\d+ 个警告，涉及 1 个文件", lines[-1])
    assert "Traceback" not in result.stderr


def test_english_messages(bad_page: Path) -> None:
    result = check(str(bad_page), "--lang", "en")
    assert "required field \"description\" is missing" in result.stdout
    assert re.search(r"\d+ errors, \d+ warnings in 1 files$", result.stdout.strip())


def test_github_annotations(bad_page: Path) -> None:
    result = check(str(bad_page), "--format", "github")
    assert result.returncode == 1
    assert re.search(r"^::error file=docs/about/zz-check-cli-fixture\.md,line=7,col=3,title=CITE003::", result.stdout, re.M)


def test_json_output(bad_page: Path) -> None:
    result = check(str(bad_page), "--format", "json")
    data = json.loads(result.stdout)
    assert {"path", "line", "col", "severity", "rule", "message", "fix"} == set(data[0])
    assert any(item["rule"] == "CITE003" and item["line"] == 7 for item in data)


def test_markdown_report(bad_page: Path) -> None:
    guide = "https://github.com/example/womens-rights-kb/blob/HEAD/CONTRIBUTING.md"
    result = check(str(bad_page), "--format", "markdown", "--guide-url", guide)
    assert result.returncode == 1
    assert result.stdout.startswith("<!-- kb-check-report -->\n")
    assert "### `docs/about/zz-check-cli-fixture.md`" in result.stdout
    assert f"| [CITE003]({guide}#cite003) 错误 | 7:3 | 引用的条文不存在" in result.stdout


def test_rule_filter(bad_page: Path) -> None:
    result = check(str(bad_page), "--rule", "CITE003", "--format", "json")
    assert {item["rule"] for item in json.loads(result.stdout)} == {"CITE003"}


def test_clean_file_exits_zero(tmp_path: Path) -> None:
    path = ROOT / "docs" / "about" / "index.md"
    result = check(str(path), "--rule", "CITE003")
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("args", [["--format", "xml"], ["--rule", "NOPE001"], ["docs/does-not-exist.md"]])
def test_usage_errors_exit_two(args: list[str]) -> None:
    result = check(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_list_rules_names_every_rule() -> None:
    from kb.checks.rules import RULES

    result = check("--list-rules")
    assert result.returncode == 0
    listed = {line.split()[0] for line in result.stdout.strip().split("\n")}
    assert listed == set(RULES)


def test_contributing_documents_every_rule() -> None:
    from kb.checks.rules import RULES

    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for rule in RULES.values():
        assert f'<span id="{rule.anchor}"></span>`{rule.id}`' in text, f"{rule.id} missing from CONTRIBUTING.md"


def test_translation_report_table() -> None:
    result = check("--report")
    assert result.returncode == 0
    lines = result.stdout.strip().split("\n")
    assert lines[0].startswith("| 栏目 |")
    assert any(line.startswith("| law |") for line in lines)
    assert lines[-1].startswith("| **合计** |")


def test_bad_bytes_never_traceback(tmp_path: Path) -> None:
    path = ROOT / "docs" / "about" / "zz-binary-fixture.md"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    try:
        result = check(str(path))
    finally:
        path.unlink()
    assert result.returncode == 1
    assert "FILE004" in result.stdout and "Traceback" not in result.stderr


@pytest.mark.parametrize(("text", "rule", "line"), [
    (PAGE.replace("description:", "updated: 2026-02-30\ndescription:"), "FM003", 3),
    (PAGE.replace("description:", "updated: 2026-13-45\ndescription:"), "FM003", 3),
    (PAGE.replace("description:", "x: &a [*a]\ndescription:"), "FM002", 3),
    (PAGE + "[这里](http://[::1)\n", "LINK006", 8),
    (PAGE.replace("title: 测试页面", 'title: "测试页面'), "FM002", 2),
])
def test_inputs_that_once_raised_give_a_located_error_and_exit_1(tmp_path: Path, text: str, rule: str,
                                                                 line: int) -> None:
    """Issue 25: each of these stopped the checks with a Python traceback."""
    path = ROOT / "docs" / "about" / "zz-check-cli-crash.md"
    path.write_text(text, encoding="utf-8")
    try:
        result = check(str(path))
    finally:
        path.unlink()
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1
    assert re.search(rf"^docs/about/zz-check-cli-crash\.md:{line}:\d+: error {rule} ", result.stdout, re.M), result.stdout
