"""Privacy baseline: nothing in the built site makes the browser contact another host.

Ordinary ``<a href>`` links to other sites are fine; anything that loads a
resource (script, stylesheet, image, frame, media, CSS url()/@import, fetch)
must stay on the site.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.htmlscan import parse

# Attributes that make the browser load something, per tag.
LOADING_ATTRS = {
    "script": ["src"],
    "img": ["src", "srcset"],
    "iframe": ["src"],
    "frame": ["src"],
    "source": ["src", "srcset"],
    "video": ["src", "poster"],
    "audio": ["src"],
    "track": ["src"],
    "embed": ["src"],
    "object": ["data"],
    "input": ["src"],
    "form": ["action"],
}
# <link rel> values that fetch; canonical/alternate only name a URL.
LOADING_RELS = {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest",
                "apple-touch-icon", "dns-prefetch", "preconnect", "shortcut"}
EXTERNAL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.I)
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)""", re.I)
CSS_IMPORT = re.compile(r"""@import\s+(?:url\()?\s*['"]?([^'");\s]+)""", re.I)
# A string literal in JavaScript that starts with an absolute URL.
JS_URL = re.compile(r"""['"`]((?:https?:)?//[^\s'"`/]*[.$][^\s'"`/]*[^\s'"`]*)""", re.I)
JS_BLOCK_COMMENT = re.compile(r"/\*.*?\*/", re.S)  # licence headers name URLs; they load nothing

# URLs inside Material's vendored bundle that this site never reaches, each
# with the page feature that would reach it. The test proves every feature
# is absent, so the URL stays dead code.
VENDOR_DEAD_URLS = {
    "https://api.github.com/": 'data-md-component="source"',
    "https://${e}/api/v4/projects/": 'data-md-component="source"',
    "https://unpkg.com/mermaid": 'class="mermaid"',
    "https://unpkg.com/resize-observer-polyfill": None,  # loaded only without ResizeObserver (pre-2020 browsers)
}


def site_files(site: Path, *suffixes: str) -> list[Path]:
    return [p for p in site.rglob("*") if p.suffix in suffixes and p.is_file()]


def test_html_loads_nothing_from_other_hosts(site_dir: Path) -> None:
    problems = []
    for html in site_files(site_dir, ".html"):
        for element in parse(html):
            attrs = list(LOADING_ATTRS.get(element.tag, []))
            if element.tag == "link" and LOADING_RELS & set(element.attrs.get("rel", "").lower().split()):
                attrs.append("href")
            for attr in attrs:
                for value in element.attrs.get(attr, "").split(","):
                    if EXTERNAL.match(value):
                        problems.append(f"{html.relative_to(site_dir)}: <{element.tag} {attr}={value.strip()}>")
            style = element.attrs.get("style", "")
            problems += [f"{html.relative_to(site_dir)}: style url({u})" for u in CSS_URL.findall(style) if EXTERNAL.match(u)]
    assert not problems, "\n".join(problems)


def test_css_loads_nothing_from_other_hosts(site_dir: Path) -> None:
    problems = []
    for css in site_files(site_dir, ".css"):
        text = css.read_text(encoding="utf-8")
        for url in CSS_URL.findall(text) + CSS_IMPORT.findall(text):
            if EXTERNAL.match(url):
                problems.append(f"{css.relative_to(site_dir)}: {url}")
    assert not problems, "\n".join(problems)


def test_javascript_contacts_no_other_host(site_dir: Path) -> None:
    problems = []
    for js in site_files(site_dir, ".js"):
        code = JS_BLOCK_COMMENT.sub("", js.read_text(encoding="utf-8"))
        for url in JS_URL.findall(code):
            if not any(url.startswith(dead) for dead in VENDOR_DEAD_URLS):
                problems.append(f"{js.relative_to(site_dir)}: {url}")
    assert not problems, "\n".join(problems)


def test_vendor_urls_stay_unreachable(site_dir: Path) -> None:
    """Every feature that would wake a URL in Material's bundle is absent from all pages."""
    markers = {marker for marker in VENDOR_DEAD_URLS.values() if marker}
    for html in site_files(site_dir, ".html"):
        text = html.read_text(encoding="utf-8")
        for marker in markers:
            assert marker not in text, f"{html.relative_to(site_dir)} contains {marker}"


def test_scan_catches_an_external_script(tmp_path: Path) -> None:
    """The scanner itself must be able to fail."""
    (tmp_path / "index.html").write_text(
        '<script src="https://cdn.example.com/x.js"></script>'
        '<link rel="stylesheet" href="//fonts.example.com/a.css"><a href="https://ok.example.com/">ok</a>',
        encoding="utf-8",
    )
    (tmp_path / "a.css").write_text("@import url(https://fonts.example.com/b.css);", encoding="utf-8")
    (tmp_path / "a.js").write_text('fetch("https://tracker.example.com/t")', encoding="utf-8")
    for test in (test_html_loads_nothing_from_other_hosts, test_css_loads_nothing_from_other_hosts,
                 test_javascript_contacts_no_other_host):
        try:
            test(tmp_path)
        except AssertionError:
            continue
        raise AssertionError(f"{test.__name__} missed the external reference")
