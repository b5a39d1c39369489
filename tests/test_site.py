"""The built site: both language homes, 404 pages, sitemap, language switch, fallback notice."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from kb.site_config import site_url
from tests.htmlscan import find, parse

ROOT = Path(__file__).resolve().parent.parent
SITE_URL = site_url()
BASE_PATH = urlsplit(SITE_URL).path  # e.g. /womens-rights-kb/
ENTRY_POINTS = ["help/", "law/", "cases/", "guides/", "training/"]


def page(site: Path, url: str) -> Path:
    """The file that serves a directory URL such as ``en/about/``."""
    return site / url / "index.html" if not url.endswith(".html") else site / url


@pytest.mark.parametrize(("prefix", "lang"), [("", "zh"), ("en/", "en")])
def test_home_in_each_language(site_dir: Path, prefix: str, lang: str) -> None:
    elements = parse(page(site_dir, prefix))
    assert find(elements, "html")[0].attrs["lang"] == lang
    hrefs = {a.attrs.get("href", "") for a in find(elements, "a")}
    for entry in ENTRY_POINTS:
        assert entry in hrefs, f"home ({lang}) lacks an entry point to {entry}"


@pytest.mark.parametrize("url", ["", "en/", "help/", "en/law/", "404.html", "en/404.html"])
def test_emergency_strip_on_every_kind_of_page(site_dir: Path, url: str) -> None:
    elements = parse(page(site_dir, url))
    strip = find(elements, "p", class_="kb-emergency")
    assert strip, f"{url or '/'} has no emergency strip"
    tels = {a.attrs["href"] for a in find(elements, "a", class_="kb-emergency__tel")}
    assert {"tel:110", "tel:12338", "tel:12348"} <= tels
    assert ("服务时间" in strip[0].text) or ("hours vary" in strip[0].text)


@pytest.mark.parametrize(("path", "lang", "title"), [("404.html", "zh", "页面不存在"), ("en/404.html", "en", "Page not found")])
def test_404_page_per_language(site_dir: Path, path: str, lang: str, title: str) -> None:
    elements = parse(site_dir / path)
    assert find(elements, "html")[0].attrs["lang"] == lang
    assert any(title in h.text for h in find(elements, "h1"))
    # The language switcher of a 404 page offers the language homes.
    switch = {a.attrs["hreflang"]: a.attrs["href"] for a in find(elements, "a", class_="md-select__link")}
    assert switch == {"zh": BASE_PATH, "en": BASE_PATH + "en/"}


def test_sitemap_lists_both_languages(site_dir: Path) -> None:
    tree = ET.parse(site_dir / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = {loc.text for loc in tree.getroot().findall("s:url/s:loc", ns)}
    for url in ["", "about/", "help/"]:
        assert SITE_URL + url in locs
        assert SITE_URL + "en/" + url in locs


def test_translations_are_named_in_the_sitemap_not_the_head(site_dir: Path) -> None:
    """hreflang lives in sitemap.xml (absolute URLs, every page); head tags would
    make Material download both sitemaps on a reader's first page."""
    tree = ET.parse(site_dir / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    for url in tree.getroot().findall("s:url", ns):
        alternates = {link.attrib["hreflang"]: link.attrib["href"] for link in url.findall("x:link", ns)}
        assert set(alternates) == {"zh", "en"}, url.find("s:loc", ns).text
        assert all(href.startswith(SITE_URL) for href in alternates.values())
    for url in ["", "en/", "law/anti-domestic-violence-law/", "404.html", "en/404.html"]:
        heads = [link for link in find(parse(page(site_dir, url)), "link") if "hreflang" in link.attrs]
        assert not heads, url


@pytest.mark.parametrize(("url", "label"), [("", "搜索"), ("en/", "Search"), ("404.html", "搜索"),
                                            ("en/404.html", "Search")])
def test_search_dialog_has_a_name(site_dir: Path, url: str, label: str) -> None:
    dialogs = [d for d in find(parse(page(site_dir, url)), "div") if d.attrs.get("role") == "dialog"]
    assert dialogs and all(d.attrs.get("aria-label") == label for d in dialogs), url


def test_language_switch_keeps_the_page(site_dir: Path) -> None:
    for url, other_lang, other_url in [
        ("about/languages/", "en", "en/about/languages/"),
        ("en/about/languages/", "zh", "about/languages/"),
    ]:
        elements = parse(page(site_dir, url))
        links = {a.attrs["hreflang"]: a.attrs["href"] for a in find(elements, "a", class_="md-select__link")}
        target = urlsplit(urljoin("https://host" + BASE_PATH + url, links[other_lang])).path
        assert target == BASE_PATH + other_url, f"switching from {url} lands on {target}"


def test_fallback_page_shows_notice(site_dir: Path) -> None:
    english = parse(page(site_dir, "en/kb-test-untranslated/"))
    notice = find(english, "div", class_="kb-fallback")
    assert notice and "not been translated" in notice[0].text
    assert find(english, "html")[0].attrs["lang"] == "en"
    # Neither the Chinese original nor a translated English page shows it.
    assert not find(parse(page(site_dir, "kb-test-untranslated/")), "div", class_="kb-fallback")
    assert not find(parse(page(site_dir, "en/about/")), "div", class_="kb-fallback")


def test_no_numbered_anchors_for_chinese_headings(site_dir: Path) -> None:
    """The toc must slugify Chinese headings into readable IDs, never ``_1``."""
    bad = []
    for html in site_dir.rglob("*.html"):
        for tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            for heading in find(parse(html), tag):
                if re.fullmatch(r"_\d+", heading.attrs.get("id", "")):
                    bad.append(f"{html.relative_to(site_dir)}#{heading.attrs['id']}")
    assert not bad, bad
    ids = {h.attrs.get("id") for h in find(parse(page(site_dir, "help/")), "h2")}
    assert "有危险吗先保证安全" in ids
