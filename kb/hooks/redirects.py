"""Write the short links (/go/<code>/) and redirects of moved pages, and list
the short links for trainers where a page says ``<!-- short-links -->``.

Targets are checked when the build starts: a short link to a missing page or
anchor fails the build. The redirect pages are written once, after the i18n
plugin has built every language, for each language.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from kb.i18n_builds import is_outermost
from kb.redirects import Redirect, load, redirect_html

LANGUAGES = {"zh": "", "en": "en/"}
MARKER = "<!-- short-links -->"
_redirects: list[Redirect] = []


def on_pre_build(config: MkDocsConfig) -> None:
    if is_outermost(config):
        _redirects[:] = load(Path(config.docs_dir))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if MARKER not in markdown:
        return markdown
    language = str(config.theme["language"])
    prefix = LANGUAGES[language]
    base = config.site_url.rstrip("/") + "/" if config.site_url else "/"
    header = ("| 短链接 | 指向 |\n| --- | --- |" if language == "zh" else "| Short link | Goes to |\n| --- | --- |")
    rows = []
    for redirect in _redirects:
        if not redirect.source.startswith("go/"):
            continue
        target = redirect.target + (f"#{redirect.anchor}" if redirect.anchor else "")
        from_dir = Path(page.file.src_uri).parent
        relative = Path(*([".."] * len(from_dir.parts))) / target if from_dir.parts else Path(target)
        rows.append(f"| `{base}{prefix}{redirect.source}` | [{target}]({relative.as_posix()}) |")
    return markdown.replace(MARKER, header + "\n" + "\n".join(rows) + "\n")


@event_priority(-200)  # after the i18n plugin (-100) has built the other languages
def on_post_build(config: MkDocsConfig) -> None:
    if not is_outermost(config):
        return
    site = Path(config.site_dir)
    for redirect in _redirects:
        for language, prefix in LANGUAGES.items():
            target = site / prefix / redirect.source / "index.html"
            if target.exists() and not redirect.source.startswith("go/"):
                raise ValueError(f"data/redirects.yml: {redirect.source} is still a page; remove the redirect or the page")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(redirect_html(redirect, prefix, language), encoding="utf-8")
