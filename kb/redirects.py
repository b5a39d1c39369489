"""Short links and redirects: validated targets and the redirect pages themselves."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from kb.checks.markdown import anchors
from kb.checks.workspace import Workspace
from kb.paths import DATA, DOCS

SHORTLINKS_FILE = DATA / "shortlinks.yml"
REDIRECTS_FILE = DATA / "redirects.yml"
CODE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
OLD_PATH = re.compile(r"^[a-z0-9][a-z0-9/_-]*/$")


@dataclass(frozen=True)
class Redirect:
    source: str  # URL path without language prefix, e.g. go/bhl/ or help/old/
    target: str  # docs file, e.g. help/protection-order.md
    anchor: str  # "" or the fragment

    def target_url(self) -> str:
        """Directory URL of the target page, e.g. help/protection-order/ (index.md → folder)."""
        stem = self.target[:-3]
        stem = stem[: -len("index")] if stem == "index" or stem.endswith("/index") else stem + "/"
        return stem


def load(docs: Path = DOCS) -> list[Redirect]:
    """Every short link and redirect; raise ValueError naming the first bad entry."""
    shortlinks = yaml.safe_load(SHORTLINKS_FILE.read_text(encoding="utf-8")) or {}
    moved = yaml.safe_load(REDIRECTS_FILE.read_text(encoding="utf-8")) or {}
    redirects = []
    for code, target in shortlinks.items():
        if not CODE.match(str(code)):
            raise ValueError(f"{SHORTLINKS_FILE.name}: short-link code '{code}' must be lowercase letters, digits, hyphens")
        redirects.append(_redirect(f"go/{code}/", str(target), SHORTLINKS_FILE.name, docs))
    for old, target in moved.items():
        if not OLD_PATH.match(str(old)):
            raise ValueError(f"{REDIRECTS_FILE.name}: '{old}' must be a site path ending in /, e.g. help/old-page/")
        redirects.append(_redirect(str(old), str(target), REDIRECTS_FILE.name, docs))
    return redirects


def _redirect(source: str, target: str, origin: str, docs: Path) -> Redirect:
    page, _, anchor = target.partition("#")
    workspace = Workspace(docs)
    for path in (docs / page, docs / (page[:-3] + ".en.md")):
        if path == docs / page and not path.is_file():
            raise ValueError(f"{origin}: {source} → {target}: no such page docs/{page}")
        if anchor and path.is_file():
            loaded = workspace.page(path)
            if loaded is None or anchor not in anchors(loaded.masked):
                raise ValueError(f"{origin}: {source} → {target}: docs/{path.relative_to(docs)} has no #{anchor}")
    return Redirect(source, page, anchor)


def redirect_html(redirect: Redirect, language_prefix: str, language: str) -> str:
    """A redirect page that works without JavaScript (meta refresh plus a link)."""
    depth = redirect.source.count("/") + (1 if language_prefix else 0)
    href = "../" * depth + language_prefix + redirect.target_url() + (f"#{redirect.anchor}" if redirect.anchor else "")
    href = html.escape(href)
    text = "正在跳转到" if language == "zh" else "Redirecting to"
    return (
        "<!doctype html>\n"
        f'<html lang="{language}"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'">'
        f'<meta http-equiv="refresh" content="0; url={href}">'
        '<meta name="robots" content="noindex">'
        f'<link rel="canonical" href="{href}"><title>{text}…</title></head>'
        f'<body><p>{text} <a href="{href}">{href}</a></p></body></html>\n'
    )
