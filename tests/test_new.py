"""scripts/new.py: a scaffolded page pair passes the content checks and builds;
a bad request exits with status 2 and writes nothing.

Every test works on a copy of docs/ (``--docs``), so nothing is left in the
repository.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from kb.checks.checkers.translations import source_hash
from kb.checks.model import Problem
from kb.checks.rules import ERROR
from kb.checks.runner import run
from kb.checks.workspace import Workspace
from kb.frontmatter import read_meta, split_front_matter
from kb.twins import is_neutral
from kb.taxonomy import taxonomy
from scripts import new
from tests.conftest import build_site

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "new.py"
CASE_SECTIONS = {"facts", "handling", "legal-basis", "significance", "advice"}

# kind, --slug, where the pair goes under docs/
KINDS = [
    ("case", "zz-new-case", "cases/zz-new-case"),
    ("guide", "zz-new-guide", "guides/zz-new-guide"),
    ("guide", "mediation/zz-new-guide", "guides/mediation/zz-new-guide"),
    ("training", "zz-new-training", "training/zz-new-training"),
]


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """A private copy of the real docs/ tree."""
    copy = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", copy)
    return copy


def scaffold(docs: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run scripts/new.py as a volunteer would, against ``docs``."""
    return subprocess.run([sys.executable, str(SCRIPT), *args, "--docs", str(docs)],
                          cwd=ROOT, capture_output=True, text=True, check=False)


def snapshot(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


def meta(path: Path) -> dict[str, object]:
    """The page's front matter as the build and the checks see it (an English page's merged with its Chinese page's)."""
    return read_meta(path)


def own_meta(path: Path) -> dict[str, object]:
    """What the file itself says."""
    return split_front_matter(path.read_text(encoding="utf-8"))[0]


def errors(problems: list[Problem]) -> list[str]:
    """Errors other than the placeholders a scaffold is meant to have (FILE010: 待填写 / To write)."""
    return [f"{p.path}:{p.line}: {p.rule} {p.message('en')}" for p in problems
            if p.severity == ERROR and p.rule != "FILE010"]


def highest_case_number(docs: Path) -> int:
    """Computed independently of new.py: the largest NNN of ``id: case-NNN``."""
    numbers = [int(m) for path in (docs / "cases").rglob("*.md")
               for m in re.findall(r"^id: case-(\d{3,5})$", path.read_text(encoding="utf-8"), re.M)]
    return max(numbers)


@pytest.mark.parametrize(("kind", "slug", "stem"), KINDS)
def test_creates_a_valid_pair(docs: Path, kind: str, slug: str, stem: str) -> None:
    before = snapshot(docs)
    result = scaffold(docs, kind, "--slug", slug, "--title", "新页面标题", "--title-en", "New page title")
    assert result.returncode == 0, result.stderr
    zh, en = docs / f"{stem}.md", docs / f"{stem}.en.md"
    assert zh.is_file() and en.is_file()
    assert set(snapshot(docs)) - set(before) == {f"{stem}.md", f"{stem}.en.md"}
    assert all(snapshot(docs)[name] == content for name, content in before.items()), "an existing file changed"

    assert f"docs/{stem}.md" in result.stdout and f"docs/{stem}.en.md" in result.stdout
    assert 0 <= result.stdout.index("下一步") < result.stdout.index("Next steps")
    assert f"make mark-translation FILES=docs/{stem}.en.md" in result.stdout

    problems = run([zh, en], docs=docs)
    assert errors(problems) == []
    assert not {p.rule for p in problems} & {"I18N001", "I18N002", "I18N003", "I18N004"}
    # Until the volunteer writes the content, the placeholders are errors in both files.
    assert {p.path for p in problems if p.rule == "FILE010"} == {f"docs/{stem}.md", f"docs/{stem}.en.md"}

    zh_meta, en_meta = meta(zh), meta(en)
    assert (zh_meta["title"], en_meta["title"]) == ("新页面标题", "New page title")
    # Typed once: the English page writes only its own language's fields.
    assert [name for name in own_meta(en) if is_neutral(name)] == []
    assert zh_meta["review"] == en_meta["review"] == {"status": "draft"}
    assert zh_meta["updated"] == en_meta["updated"] == dt.date.today().isoformat()
    workspace = Workspace(docs)
    zh_page, en_page = workspace.page(zh), workspace.page(en)
    assert zh_page is not None and en_page is not None
    assert en_meta["translated_from"] == source_hash(zh_page)
    if kind == "case":
        assert zh_meta["id"] == en_meta["id"] == f"case-{highest_case_number(ROOT / 'docs') + 1:03d}"
        assert zh_meta["category"] == "protection-order"
        assert zh_meta["cites"] == ["反家庭暴力法 23"]
        assert CASE_SECTIONS <= zh_page.explicit_anchors
        assert CASE_SECTIONS <= en_page.explicit_anchors


def test_case_ids_increment(docs: Path) -> None:
    first = highest_case_number(docs) + 1
    for number, slug in enumerate(["zz-first", "zz-second"], start=first):
        assert scaffold(docs, "case", "--slug", slug, "--title", "测试案例").returncode == 0
        assert meta(docs / "cases" / f"{slug}.md")["id"] == f"case-{number:03d}"
        assert meta(docs / "cases" / f"{slug}.en.md")["id"] == f"case-{number:03d}"
    paths = [docs / "cases" / name for name in ("zz-first.md", "zz-first.en.md", "zz-second.md", "zz-second.en.md")]
    assert errors(run(paths, docs=docs)) == []


def test_every_category_gives_a_valid_case(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    categories = set(taxonomy()["categories"])
    assert set(new.CATEGORY_DEFAULTS) == categories
    paths = []
    for category in sorted(categories):
        assert new.main(["case", "--slug", f"zz-{category}", "--title", "测试案例", "--category", category,
                         "--docs", str(docs)]) == 0
        assert meta(docs / "cases" / f"zz-{category}.md")["category"] == category
        paths += [docs / "cases" / f"zz-{category}.md", docs / "cases" / f"zz-{category}.en.md"]
    capsys.readouterr()
    assert errors(run(paths, docs=docs)) == []


def test_new_case_form_lists_the_categories() -> None:
    """The issue form for case proposals offers exactly the categories of data/taxonomy.yml."""
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "new-case.yml").read_text(encoding="utf-8"))
    dropdown = next(item for item in form["body"] if item.get("id") == "category")
    expected = [f"{entry['zh']} ({key})" for key, entry in taxonomy()["categories"].items()]
    assert dropdown["attributes"]["options"][:-1] == expected


@pytest.mark.parametrize(("args", "message"), [
    (["case", "--slug", "Protection-Order"], "invalid slug"),
    (["case", "--slug", "foo_bar"], "invalid slug"),
    (["case", "--slug", "foo bar"], "invalid slug"),
    (["case", "--slug=-foo"], "invalid slug"),
    (["case", "--slug", "foo--bar"], "invalid slug"),
    (["case", "--slug", "foo.en"], "invalid slug"),
    (["case", "--slug", "../foo"], "invalid slug"),
    (["case", "--slug", "保护令"], "invalid slug"),
    (["guide", "--slug", "mediation/"], "invalid slug"),
    (["training", "--slug", "index"], "'index' is a section's front page"),
    (["case", "--slug", "mediation/foo"], "cannot go in a subfolder"),
    (["guide", "--slug", "no-such-section/foo"], "does not exist"),
    (["case", "--slug", "zz-ok", "--title", " 案 "], "--title must be one line"),
    (["case", "--slug", "zz-ok", "--category", "no-such-category"], "invalid choice"),
])
def test_bad_request_exits_2_and_writes_nothing(docs: Path, args: list[str], message: str) -> None:
    before = snapshot(docs)
    if "--title" not in args:
        args = [*args, "--title", "测试页面"]
    result = scaffold(docs, *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(docs) == before


def test_existing_page_is_not_overwritten(docs: Path) -> None:
    before = snapshot(docs)
    result = scaffold(docs, "case", "--slug", "protection-order-spouse", "--title", "测试案例")
    assert result.returncode == 2
    assert "文件已存在" in result.stderr and "already exists" in result.stderr
    assert "docs/cases/protection-order-spouse.md" in result.stderr
    assert snapshot(docs) == before


def test_existing_english_page_alone_is_refused(docs: Path) -> None:
    orphan = docs / "training" / "zz-orphan.en.md"
    orphan.write_text("---\ntitle: Orphan\ndescription: An English page without its Chinese page.\n---\n",
                      encoding="utf-8")
    before = snapshot(docs)
    result = scaffold(docs, "training", "--slug", "zz-orphan", "--title", "测试培训")
    assert result.returncode == 2
    assert "docs/training/zz-orphan.en.md" in result.stderr
    assert snapshot(docs) == before


def test_dry_run_writes_nothing(docs: Path) -> None:
    before = snapshot(docs)
    result = scaffold(docs, "case", "--slug", "zz-dry", "--title", "测试案例", "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "dry run" in result.stdout
    assert "docs/cases/zz-dry.md" in result.stdout and "docs/cases/zz-dry.en.md" in result.stdout
    assert "## 基本案情 {#facts}" in result.stdout and "## Facts {#facts}" in result.stdout
    assert snapshot(docs) == before


def test_failure_while_writing_leaves_nothing(docs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(path: Path, workspace: Workspace) -> str:
        raise SystemExit(f"cannot mark {path}")

    monkeypatch.setattr(new, "mark", fail)
    before = snapshot(docs)
    with pytest.raises(SystemExit, match="cannot mark"):
        new.main(["guide", "--slug", "zz-broken", "--title", "测试指南", "--docs", str(docs)])
    assert snapshot(docs) == before


def test_scaffolded_pages_build(docs: Path, tmp_path: Path) -> None:
    for kind, slug, _ in KINDS:
        assert scaffold(docs, kind, "--slug", slug, "--title", "测试页面").returncode == 0
    official = free_official_number(docs)
    assert scaffold(docs, "official", "spc-2023-06", str(official)).returncode == 0
    site = tmp_path / "site"
    result = build_site(docs, site)
    assert result.returncode == 0, result.stdout + result.stderr
    for _, _, stem in [*KINDS, ("", "", f"cases/official/spc-2023-06-{official:02d}")]:
        assert (site / stem / "index.html").is_file()
        assert (site / "en" / stem / "index.html").is_file()


def free_official_number(docs: Path, release: str = "spc-2023-06") -> int:
    """A case of ``release`` that docs/ does not digest yet."""
    return next(n for n in range(1, 11) if not (docs / "cases" / "official" / f"{release}-{n:02d}.md").exists())


def test_official_scaffold_takes_the_registry_facts(docs: Path) -> None:
    number = free_official_number(docs)
    before = snapshot(docs)
    result = scaffold(docs, "official", "spc-2023-06", str(number))
    assert result.returncode == 0, result.stderr
    stem = f"cases/official/spc-2023-06-{number:02d}"
    assert set(snapshot(docs)) - set(before) == {f"{stem}.md", f"{stem}.en.md"}
    zh, en = docs / f"{stem}.md", docs / f"{stem}.en.md"
    assert errors(run([zh, en], docs=docs)) == []
    registry = yaml.safe_load((ROOT / "data" / "releases.yml").read_text(encoding="utf-8"))
    release = next(r for r in registry["releases"] if r["id"] == "spc-2023-06")
    source = meta(zh)["source"]
    assert source["name"] == release["names"][number - 1] == meta(zh)["title"]
    assert source["issuers"] == release["issuers"] and source["date"] == release["date"].isoformat()
    assert (source["release"], source["number"]) == ("spc-2023-06", number)
    assert meta(en)["source"] == source
    assert {"facts", "decision", "significance", "legal-basis", "release-cites", "editor-cites"} <= \
        Workspace(docs).page(zh).explicit_anchors


@pytest.mark.parametrize(("args", "message"), [
    (["official", "spc-2026-03", "1"], "known from one source only"),
    (["official", "spc-2099-01", "1"], "no release 'spc-2099-01'"),
    (["official", "spc-2020-11", "11"], "between 1 and 10"),
    (["official", "spc-2020-11", "0"], "between 1 and 10"),
])
def test_bad_official_request_exits_2_and_writes_nothing(docs: Path, args: list[str], message: str) -> None:
    before = snapshot(docs)
    result = scaffold(docs, *args)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert snapshot(docs) == before
