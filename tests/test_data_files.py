"""The registries under data/ are read and validated by one loader (kb.data_files)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb import data_files
from kb.releases import RELEASES_FILE, RegistryError


def test_a_registry_that_breaks_its_schema_names_file_place_and_reason(tmp_path: Path) -> None:
    broken = tmp_path / "releases.yml"
    broken.write_text(RELEASES_FILE.read_text(encoding="utf-8").replace("status: verified", "status: maybe", 1),
                      encoding="utf-8")
    with pytest.raises(RegistryError, match=r"^releases\.yml: releases/\d+/status: 'maybe' is not one of"):
        data_files.load(broken, "releases.schema.json", RegistryError)


def test_dates_are_read_as_iso_strings_as_in_front_matter() -> None:
    data = data_files.load(RELEASES_FILE, "releases.schema.json")
    assert all(isinstance(release["date"], str) and len(release["date"]) == 10 for release in data["releases"])
