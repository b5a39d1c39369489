"""An updates feed (JSON Feed 1.1) of new and changed cases and guides.

/feed.json lists the Chinese pages and /en/feed.json the English ones, newest
first by the ``updated`` date in their front matter (the date a volunteer
sets when the content really changes, unlike file times). Feed readers and
partner sites can follow it; it is a plain file, built locally.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from kb.frontmatter import read_meta
from kb.i18n_builds import is_outermost
from kb.twins import twin

SECTIONS = ("cases/", "guides/")
MAX_ITEMS = 100
TITLES = {"zh": "妇女权益法律知识库：案例与指南更新", "en": "Women's Rights Legal Knowledge Base: new and updated cases and guides"}
PREFIX = {"zh": "", "en": "en/"}


def page_url(src: str, use_directory_urls: bool) -> str:
    stem = src[: -len(".md")]
    if stem.endswith("/index") or stem == "index":
        return stem[: -len("index")]
    return f"{stem}/" if use_directory_urls else f"{stem}.html"


def items(docs: Path, language: str, site_url: str, use_directory_urls: bool) -> list[dict]:
    found = []
    for path in sorted(docs.rglob("*.md")):
        rel = path.relative_to(docs).as_posix()
        if not rel.startswith(SECTIONS) or rel.endswith(".en.md") or path.name == "index.md":
            continue
        english = twin(path)
        source = english if language == "en" and english.exists() else path
        meta = read_meta(source)
        if "updated" not in meta:
            continue
        url = site_url + PREFIX[language] + page_url(rel, use_directory_urls)
        found.append({
            "id": url,
            "url": url,
            "title": str(meta["title"]),
            "summary": str(meta.get("description", "")),
            "date_modified": f"{meta['updated']}T00:00:00Z",
            "language": "en" if source == english else "zh",
        })
    found.sort(key=lambda item: (item["date_modified"], item["url"]), reverse=True)
    return found[:MAX_ITEMS]


@event_priority(-200)  # once, after the i18n plugin has built every language
def on_post_build(config: MkDocsConfig) -> None:
    if not is_outermost(config):
        return
    if not config.site_url:
        raise ValueError("feed hook: site_url must be set in mkdocs.yml")
    site_url = config.site_url if config.site_url.endswith("/") else config.site_url + "/"
    for language, prefix in PREFIX.items():
        feed = {
            "version": "https://jsonfeed.org/version/1.1",
            "title": TITLES[language],
            "home_page_url": site_url + prefix,
            "feed_url": site_url + prefix + "feed.json",
            "language": language,
            "items": items(Path(config.docs_dir), language, site_url, config.use_directory_urls),
        }
        target = Path(config.site_dir) / prefix / "feed.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(feed, ensure_ascii=False, indent=1), encoding="utf-8")
