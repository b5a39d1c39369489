"""Links and images: internal targets and anchors exist, images have alt text,
no absolute links to the site itself, external links are well-formed.

English pages link to ``page.md`` like Chinese pages do; the i18n plugin
serves ``page.en.md`` when it exists and the Chinese page otherwise, so the
anchor must exist in whichever file the reader will actually get.
"""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from kb.checks.checkers import Context
from kb.checks.markdown import Link, links
from kb.site_config import site_url

SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
HOST = re.compile(r"^(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$|^localhost$")


@lru_cache(maxsize=1)
def own_hosts() -> set[str]:
    """The host of ``site_url`` in mkdocs.yml: links to it must be relative."""
    host = urlsplit(site_url()).hostname
    return {host} if host else set()


def check(ctx: Context) -> None:
    for link in links(ctx.page.masked):
        check_link(ctx, link)


def check_link(ctx: Context, link: Link) -> None:
    url = link.url.strip()
    if link.kind == "image" and not link.text.strip():
        ctx.at("LINK004", link.offset)
    if not url:
        return
    if url.lower().startswith("javascript:"):
        return  # reported by the html checker (HTML003)
    if url.startswith("//") or SCHEME.match(url):
        check_external(ctx, link, url)
        return
    if link.kind == "html-media":
        return
    check_internal(ctx, link, url)


def check_external(ctx: Context, link: Link, url: str) -> None:
    try:
        parts = urlsplit(url if not url.startswith("//") else "https:" + url)
        host = parts.hostname or ""
    except ValueError:  # e.g. an unclosed IPv6 bracket: http://[::1
        ctx.at("LINK006", link.offset, target=url)
        return
    scheme = parts.scheme.lower()
    if scheme in ("tel", "mailto"):
        return
    if scheme not in ("http", "https"):
        ctx.at("LINK006", link.offset, target=url)
        return
    if link.kind in ("image", "html-image", "html-media"):
        return  # loading from another host: HTML004
    if not HOST.match(host) or " " in url:
        ctx.at("LINK006", link.offset, target=url)
    elif host in own_hosts():
        ctx.at("LINK005", link.offset, target=url)


def resolve_page(ctx: Context, target: Path) -> Path:
    """The file a reader of this page's language gets for a link to ``target``."""
    if ctx.page.is_english and target.name.endswith(".md") and not target.name.endswith(".en.md"):
        english = target.with_name(target.name[: -len(".md")] + ".en.md")
        if english.exists():
            return english
    return target


def internal_target(page_rel: str, url: str) -> tuple[str, str, str]:
    """The path as written, the docs-relative file it names ('' for the page itself) and the anchor.

    Shared with kb/checks/dependents.py, which finds the pages that link to a page.
    """
    parts = urlsplit(url)
    path, fragment = unquote(parts.path), unquote(parts.fragment)
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page_rel), path)) if path else ""
    return path, joined, fragment


def check_internal(ctx: Context, link: Link, url: str) -> None:
    path, joined, fragment = internal_target(ctx.page.rel, url)
    docs = ctx.workspace.docs
    if not path:
        target_file = ctx.page.path
    else:
        target_file = docs / joined
        if joined.startswith("../") or not target_file.exists() or target_file.is_dir():
            rule = "LINK003" if link.kind in ("image", "html-image") else "LINK001"
            ctx.at(rule, link.offset, target=path)
            return
    if not fragment or not target_file.name.endswith(".md"):
        return
    resolved = resolve_page(ctx, target_file)
    target_page = ctx.workspace.page(resolved)
    if target_page is None:
        return  # the target's own problems are reported on the target
    if fragment not in target_page.anchors:
        ctx.at("LINK002", link.offset, anchor=fragment, target=target_page.rel)
