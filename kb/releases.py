"""The registry of official releases of typical cases (data/releases.yml).

Official case pages name a release by id; the build makes a page per release
from this registry and the checks hold every official case to it. The
registry is validated against schemas/data/releases.schema.json when it is
read, so a mistake in it stops the build and the checks with the reason
instead of producing wrong pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from kb import data_files
from kb.paths import DATA

RELEASES_FILE = DATA / "releases.yml"
OFFICIAL_FOLDER = "cases/official"  # official case pages: docs/cases/official/<release>-<NN>.md
NOT_NAMED = "not-named"  # source.court when the release names no court


def case_source(uri: str) -> str | None:
    """Whether the page ``uri`` (``cases/x.md``, ``cases/official/y.en.md``) is a teaching case, an
    official digest, or not a case at all (index pages and everything outside cases/)."""
    folder, name = uri.rsplit("/", 1) if "/" in uri else ("", uri)
    if name.startswith("index.") or folder not in ("cases", OFFICIAL_FOLDER):
        return None
    return "official" if folder == OFFICIAL_FOLDER else "teaching"


def case_files(docs: Path) -> list[Path]:
    """Every case page file, teaching and official digests, in both languages (index pages too)."""
    return sorted([*(docs / "cases").glob("*.md"), *(docs / OFFICIAL_FOLDER).glob("*.md")])


class RegistryError(ValueError):
    """data/releases.yml does not match its schema or contradicts itself."""


@dataclass(frozen=True)
class Issuer:
    name: str
    en: str
    domains: tuple[str, ...]


@dataclass(frozen=True)
class Release:
    id: str
    date: str
    issuers: tuple[str, ...]
    title: str
    title_en: str
    cases: int | None
    names: tuple[str | None, ...]
    unplaced: tuple[str, ...]
    status: str
    url: str | None
    notes: str
    established: tuple[dict[str, str], ...] = ()

    @property
    def year(self) -> str:
        return self.date[:4]

    @property
    def publishable(self) -> bool:
        """Cases of a release seen in one source only are not published (releases.yml, status)."""
        return self.status == "verified"

    def name(self, number: int) -> str | None:
        """The case name as released at position ``number`` (1-based), if established."""
        return self.names[number - 1] if 0 < number <= len(self.names) else None

    def slug(self, number: int) -> str:
        """The file name (without .md) of case ``number`` of this release."""
        return f"{self.id}-{number:02d}"


@lru_cache(maxsize=1)
def _load() -> tuple[dict[str, Issuer], dict[str, Release]]:
    data = data_files.load(RELEASES_FILE, "releases.schema.json", RegistryError)
    issuers = {name: Issuer(name, entry["en"], tuple(entry["domains"])) for name, entry in data["issuers"].items()}
    releases: dict[str, Release] = {}
    for entry in data["releases"]:
        release = Release(entry["id"], entry["date"], tuple(entry["issuers"]), entry["title"], entry["title_en"],
                          entry["cases"], tuple(entry["names"]), tuple(entry.get("unplaced", [])), entry["status"],
                          entry["url"], entry.get("notes", ""), tuple(entry.get("established", [])))
        if release.id in releases:
            raise RegistryError(f"{RELEASES_FILE.name}: release {release.id} is listed twice")
        unknown = [name for name in release.issuers if name not in issuers]
        if unknown:
            raise RegistryError(f"{RELEASES_FILE.name}: {release.id}: issuer {unknown[0]} is not under issuers:")
        if release.cases is not None and len(release.names) > release.cases:
            raise RegistryError(f"{RELEASES_FILE.name}: {release.id}: {len(release.names)} names but cases: {release.cases}")
        if release.url is not None and not official_url(release.url, release.issuers, issuers):
            raise RegistryError(f"{RELEASES_FILE.name}: {release.id}: url is not on an issuer's domain")
        releases[release.id] = release
    return issuers, dict(sorted(releases.items(), key=lambda item: (item[1].date, item[0])))


def releases() -> dict[str, Release]:
    """Every release, oldest first."""
    return _load()[1]


def issuers() -> dict[str, Issuer]:
    return _load()[0]


def official_url(url: str, names: tuple[str, ...], known: dict[str, Issuer] | None = None) -> bool:
    """Whether ``url`` is an https address on a domain of one of the issuers ``names``."""
    known = issuers() if known is None else known
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:
        return False
    if parts.scheme != "https":
        return False
    domains = {domain for name in names if name in known for domain in known[name].domains}
    return any(host == domain or host.endswith("." + domain) for domain in domains)


def issuer_label(name: str, language: str) -> str:
    """An issuer's name in ``language`` (Chinese beside the English, as release titles are shown)."""
    return name if language == "zh" else issuers()[name].en
