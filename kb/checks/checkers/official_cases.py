"""Official case digests agree with the release registry (data/releases.yml).

The schema checks the shape of ``source:``; these rules check what the shape
cannot: that the release exists and may be published, that the case number
fits the release and is taken once, that the name, issuers and date are the
registry's, that an official URL is on an issuer's domain, that the file is
where its release and number say, that the verification level matches the
sources read, and that the release's and the editors' citations are kept
apart. Teaching cases must not sit among official digests or claim to be one.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from kb.checks.checkers import Context
from kb.checks.workspace import Workspace
from kb.frontmatter import key_line
from kb.releases import OFFICIAL_FOLDER, RegistryError, Release, official_url, releases


def _line(ctx: Context, *path: str | int) -> tuple[int, int]:
    return key_line(ctx.page.text, list(path))


def check(ctx: Context) -> None:
    page = ctx.page
    if page.kind != "case" or page.path.name.startswith("index.") or not isinstance(page.meta, dict):
        return
    source = page.meta.get("source")
    if not isinstance(source, dict):
        return  # FM004/FM003 report it
    folder = str(PurePosixPath(page.rel).parent)
    kind = source.get("kind")
    expected_folder = OFFICIAL_FOLDER if kind == "official" else "cases"
    if kind in ("official", "teaching") and folder != expected_folder:
        ctx.at_line("CASE009", *_line(ctx, "source", "kind"), kind=kind, folder=f"docs/{expected_folder}/")
        return
    if kind != "official":
        return
    try:
        registry = releases()
    except RegistryError as error:
        ctx.at_line("CASE001", *_line(ctx, "source", "release"), release=str(error))
        return
    release = registry.get(str(source.get("release")))
    if release is None:
        ctx.at_line("CASE001", *_line(ctx, "source", "release"), release=source.get("release"))
        return
    if not release.publishable:
        ctx.at_line("CASE002", *_line(ctx, "source", "release"), release=release.id)
    number = source.get("number")
    if isinstance(number, int) and not isinstance(number, bool):
        _check_number(ctx, release, number)
    _check_registry_facts(ctx, source, release)
    _check_sources(ctx, source, release)
    _check_citation_lists(ctx, source)


def _check_number(ctx: Context, release: Release, number: int) -> None:
    if release.cases is not None and number > release.cases:
        ctx.at_line("CASE003", *_line(ctx, "source", "number"), number=number, count=release.cases)
    expected = f"{release.slug(number)}.md"
    name = ctx.page.path.name.replace(".en.md", ".md")
    if name != expected:
        ctx.at_line("CASE008", 1, 1, expected=f"docs/{OFFICIAL_FOLDER}/{expected}")
    if ctx.page.is_english:
        return
    others = [rel for rel in claimed_numbers(ctx.workspace).get((release.id, number), []) if rel != ctx.page.rel]
    if others:
        ctx.at_line("CASE004", *_line(ctx, "source", "number"), release=release.id, number=number,
                    other=f"docs/{others[0]}")
    expected_name = release.name(number)
    name_value = ctx.page.meta["source"].get("name")
    if expected_name is not None and isinstance(name_value, str) and name_value != expected_name:
        ctx.at_line("CASE005", *_line(ctx, "source", "name"), expected=expected_name)


def claimed_numbers(workspace: Workspace) -> dict[tuple[str, int], list[str]]:
    """(release, number) → the Chinese official pages that claim it, read once per workspace;
    CASE004 and the coverage report (kb.checks.status) both count digests by it."""
    memo = workspace.memo.setdefault("official_numbers", {})
    if "index" not in memo:
        index: dict[tuple[str, int], list[str]] = {}
        for path in sorted((workspace.docs / OFFICIAL_FOLDER).glob("*.md")):
            if path.name.endswith(".en.md"):
                continue
            other = workspace.page(path)
            source = other.meta.get("source") if other is not None and isinstance(other.meta, dict) else None
            if isinstance(source, dict) and isinstance(source.get("number"), int):
                index.setdefault((str(source.get("release")), source["number"]), []).append(other.rel)
        memo["index"] = index
    return memo["index"]  # type: ignore[return-value]


def _check_registry_facts(ctx: Context, source: dict, release: Release) -> None:
    issuers = source.get("issuers")
    if isinstance(issuers, list) and tuple(map(str, issuers)) != release.issuers:
        ctx.at_line("CASE006", *_line(ctx, "source", "issuers"), field="issuers",
                    expected="、".join(release.issuers))
    date = source.get("date")
    if isinstance(date, str) and date != release.date:
        ctx.at_line("CASE006", *_line(ctx, "source", "date"), field="date", expected=release.date)
    url = source.get("url")
    if isinstance(url, str) and not official_url(url, release.issuers):
        ctx.at_line("CASE007", *_line(ctx, "source", "url"), url=url)


def _check_sources(ctx: Context, source: dict, release: Release) -> None:
    sources = source.get("sources")
    level = source.get("verification")
    if not isinstance(sources, list) or level not in ("official", "two-copies", "single-copy"):
        return
    entries = [s for s in sources if isinstance(s, dict)]
    official = [s for s in entries if s.get("kind") == "official"]
    copies = {s.get("url") for s in entries if s.get("kind") == "copy"}
    for index, entry in enumerate(entries):
        url = entry.get("url")
        if entry.get("kind") == "official" and isinstance(url, str) and not official_url(url, release.issuers):
            ctx.at_line("CASE007", *_line(ctx, "source", "sources", index, "url"), url=url)
    enough = {"official": bool(official), "two-copies": len(copies) >= 2, "single-copy": bool(entries)}[level]
    if not enough:
        ctx.at_line("CASE010", *_line(ctx, "source", "verification"), level=level)
    if level == "single-copy" and not ctx.page.is_english:
        ctx.at_line("CASE011", *_line(ctx, "source", "verification"))


def _check_citation_lists(ctx: Context, source: dict) -> None:
    released = source.get("cites")
    added = ctx.page.meta.get("cites")
    if not isinstance(released, list) or not isinstance(added, list):
        return
    both = sorted(set(map(str, released)) & set(map(str, added)))
    if both:
        ctx.at_line("CASE012", *_line(ctx, "cites"), citation="、".join(both))
