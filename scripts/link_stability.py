#!/usr/bin/env python3
"""Links never break: compare the URLs a build publishes with the last release.

    .venv/bin/python scripts/link_stability.py check site/      # fail if a published URL vanished
    .venv/bin/python scripts/link_stability.py snapshot site/   # record this build as the release

The manifest (data/published-urls.txt, committed) lists every page URL and
every law-article anchor (``/law/anti-domestic-violence-law/#art-23``) in both
languages, plus the short links. A URL in the manifest that the new build does
not serve fails the check, unless a redirect now serves it: moving a page
means adding it to data/redirects.yml. New URLs are fine; ``snapshot`` adds them.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "data" / "published-urls.txt"
ARTICLE_ID = re.compile(r'\sid="(art-[0-9-]+)"')
SKIP = ("assets/", "search/", "en/assets/", "en/search/")


def published_urls(site: Path) -> set[str]:
    """Every directory URL with an index.html (as /path/), and every article anchor of law pages."""
    urls: set[str] = set()
    for page in site.rglob("index.html"):
        url = page.parent.relative_to(site).as_posix()
        url = "/" if url == "." else f"/{url}/"
        if url[1:].startswith(SKIP):
            continue
        urls.add(url)
        if re.match(r"^/(en/)?law/[^/]+/$", url):
            text = page.read_text(encoding="utf-8")
            urls.update(f"{url}#{anchor}" for anchor in ARTICLE_ID.findall(text))
    return urls


def read_manifest(path: Path = MANIFEST) -> set[str]:
    if not path.exists():
        return set()
    return {line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}


def write_manifest(urls: set[str], path: Path = MANIFEST) -> None:
    header = ("# Published URLs of the last release (scripts/link_stability.py snapshot).\n"
              "# Every line must stay reachable: never delete one; move pages with data/redirects.yml.\n")
    path.write_text(header + "\n".join(sorted(urls)) + "\n", encoding="utf-8")


def check(site: Path, manifest: Path = MANIFEST) -> list[str]:
    """URLs of the manifest that the build at ``site`` no longer serves."""
    return sorted(read_manifest(manifest) - published_urls(site))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=["check", "snapshot"])
    parser.add_argument("site", type=Path, help="a built site (mkdocs build --site-dir …)")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").exists():
        parser.error(f"{args.site} is not a built site (no index.html)")
    if args.command == "snapshot":
        urls = read_manifest() | published_urls(args.site)
        write_manifest(urls)
        print(f"{len(urls)} URLs recorded in {MANIFEST.relative_to(ROOT)}")
        return 0
    missing = check(args.site)
    for url in missing:
        print(f"链接失效 / URL vanished: {url} — 恢复该页面，或在 data/redirects.yml 中添加跳转")
    if missing:
        print(f"{len(missing)} 个已发布的链接不再可用 / published URLs no longer served", file=sys.stderr)
        return 1
    print(f"{len(read_manifest())} 个已发布的链接全部可用 / all published URLs still served")
    return 0


if __name__ == "__main__":
    sys.exit(main())
