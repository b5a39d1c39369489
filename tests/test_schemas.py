"""The written conventions and the code that enforces them agree."""

from __future__ import annotations

import json
import subprocess
import sys

from kb.paths import ROOT, SCHEMAS
from kb.taxonomy import taxonomy


def test_case_schema_enums_match_the_taxonomy() -> None:
    case = json.loads((SCHEMAS / "case.schema.json").read_text(encoding="utf-8"))["properties"]
    common = json.loads((SCHEMAS / "common.schema.json").read_text(encoding="utf-8"))["$defs"]
    assert set(case["category"]["enum"]) == set(taxonomy()["categories"])
    assert set(case["tags"]["items"]["enum"]) == set(taxonomy()["tags"])
    assert set(case["relationship"]["enum"]) == set(taxonomy()["relationships"])
    assert set(case["measures"]["items"]["enum"]) == set(taxonomy()["measures"])
    kinds = {branch["properties"]["kind"]["const"]: branch for branch in case["source"]["oneOf"]}
    assert set(kinds) == set(taxonomy()["sources"])
    assert set(kinds["official"]["properties"]["procedure"]["enum"]) == set(taxonomy()["procedures"])
    assert set(common["review"]["properties"]["by"]["enum"]) == set(taxonomy()["reviewers"])
    assert set(common["audience"]["items"]["enum"]) == set(taxonomy()["audiences"])


def test_every_taxonomy_entry_has_both_labels() -> None:
    for group in ("categories", "tags", "relationships", "measures", "audiences", "reviewers", "procedures", "sources"):
        for key, labels in taxonomy()[group].items():
            assert labels.get("zh") and labels.get("en"), f"{group}.{key}"


def test_category_guides_name_existing_pages() -> None:
    for category, pages in taxonomy()["category_guides"].items():
        assert category in taxonomy()["categories"]
        for page in pages:
            assert (ROOT / "docs" / page).is_file(), page


def test_contributing_is_generated_from_rules_and_schemas() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "contributing.py"), "--check"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout
