"""The updates feed: valid JSON Feed, per language, newest first, every case listed."""

from __future__ import annotations

import json
from pathlib import Path

from kb.paths import DOCS


def test_feed_per_language(site_dir: Path) -> None:
    cases = {p.stem for p in (DOCS / "cases").glob("*.md") if not p.name.endswith(".en.md") and p.stem != "index"}
    for prefix, language in (("", "zh"), ("en/", "en")):
        feed = json.loads((site_dir / prefix / "feed.json").read_text(encoding="utf-8"))
        assert feed["version"] == "https://jsonfeed.org/version/1.1"
        assert feed["language"] == language
        dates = [item["date_modified"] for item in feed["items"]]
        assert dates == sorted(dates, reverse=True)
        listed = {item["url"].rstrip("/").rsplit("/", 1)[-1] for item in feed["items"] if "/cases/" in item["url"]}
        assert cases <= listed
        for item in feed["items"]:
            assert item["url"].startswith(feed["home_page_url"])
            assert item["title"] and item["id"] == item["url"]
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    assert 'type="application/feed+json"' in home
