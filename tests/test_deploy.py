"""deploy/nginx.conf sends the site's policies as headers and caches only
fingerprinted files for long."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import material
import yaml

ROOT = Path(__file__).resolve().parent.parent
NGINX = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
THEME_ASSETS = Path(material.__file__).parent / "templates" / "assets"


class ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as data: tags such as !!python/… and !ENV become None."""


ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def mkdocs_config() -> dict[str, Any]:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=ConfigLoader)


def header(name: str) -> str:
    """The value of ``add_header NAME "value" always;`` in deploy/nginx.conf (exactly one)."""
    values = re.findall(rf'^\s*add_header\s+{re.escape(name)}\s+"([^"]*)"\s+always;', NGINX, re.M)
    assert len(values) == 1, f"{name}: {values}"
    return values[0]


def long_cache_pattern() -> re.Pattern[str]:
    """The map entry of deploy/nginx.conf that gets the one-year immutable cache."""
    match = re.search(r'^\s*"~([^"]+)"\s+"public, max-age=31536000, immutable";', NGINX, re.M)
    assert match, "no immutable cache entry in the map"
    return re.compile(match.group(1))


def test_csp_header_is_the_one_in_mkdocs_yml() -> None:
    policy = mkdocs_config()["extra"]["content_security_policy"]
    assert isinstance(policy, str) and "default-src 'self'" in policy
    assert header("Content-Security-Policy") == policy


def test_other_security_headers() -> None:
    assert header("Referrer-Policy") == "no-referrer"
    assert header("X-Content-Type-Options") == "nosniff"
    assert re.fullmatch(r"camera=\(\), microphone=\(\), geolocation=\(\)", header("Permissions-Policy"))


def test_no_location_drops_the_headers() -> None:
    """An add_header inside a location would replace every server-level header."""
    locations = re.findall(r"location[^{]*\{([^}]*)\}", NGINX)
    assert locations
    assert not any("add_header" in block for block in locations)


def test_only_fingerprinted_assets_are_cached_for_long() -> None:
    pattern = long_cache_pattern()
    hashed = [f"/assets/{p.relative_to(THEME_ASSETS).as_posix()}" for p in THEME_ASSETS.rglob("*.min.*")
              if re.search(r"\.[0-9a-f]{8}\.min\.(js|css)$", p.name)]
    assert hashed, "Material's bundles not found"
    assert all(pattern.search(url) for url in hashed), hashed
    config = mkdocs_config()
    ours = [f"/{path}" for path in [*config["extra_css"], *config["extra_javascript"]]]
    short = [*ours, "/", "/index.html", "/en/cases/index.html", "/search/search_index.json",
             "/en/search/search_index.json", "/search/terms/0.json", "/en/search/postings/0.json", "/search/pages/0.json",
             "/assets/javascripts/workers/kb-search.js", "/assets/javascripts/lunr/min/lunr.zh.min.js",
             "/assets/javascripts/bundle.a5f9d56c.min.js.map"]
    assert not [url for url in short if pattern.search(url)]


def test_error_pages_and_static_files() -> None:
    assert re.search(r"^\s*error_page 404 /404\.html;", NGINX, re.M)
    english = re.search(r"location /en/ \{([^}]*)\}", NGINX)
    assert english and "error_page 404 /en/404.html;" in english.group(1)
    assert NGINX.count("try_files $uri $uri/ =404;") == len(re.findall(r"^\s*location ", NGINX, re.M))
    gzip_types = re.search(r"^\s*gzip_types ([^;]+);", NGINX, re.M)
    assert gzip_types
    compressed = set(gzip_types.group(1).split())
    assert {"text/css", "application/javascript", "application/json", "image/svg+xml"} <= compressed
