"""Online check of external links (``--external``): cached and rate-limited.

Never part of ``make test`` or CI's test run: it depends on other sites. The
weekly workflow runs it and opens an issue when links break.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from kb.checks.checkers import display_path
from kb.checks.markdown import links
from kb.checks.model import Problem, problem
from kb.checks.workspace import Workspace
from kb.paths import ROOT

CACHE = ROOT / ".cache" / "external-links.json"
CACHE_SECONDS = 7 * 24 * 3600
PER_HOST_INTERVAL = 1.0
TIMEOUT = 15
USER_AGENT = "womens-rights-kb link checker"


def _load_cache() -> dict[str, dict]:
    try:
        return json.loads(CACHE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def fetch_status(url: str) -> str | None:
    """None when reachable, else a short reason."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT):
                return None
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 501):
                continue
            return f"HTTP {error.code}"
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            return str(getattr(error, "reason", error))[:80]
    return None


def check_external(paths: list[Path], workspace: Workspace) -> list[Problem]:
    cache = _load_cache()
    last_request: dict[str, float] = {}
    problems = []
    now = time.time()
    for path in paths:
        page = workspace.page(path)
        if page is None:
            continue
        for link in links(page.masked):
            if not link.url.startswith(("http://", "https://")):
                continue
            entry = cache.get(link.url)
            if entry is None or now - entry["checked"] > CACHE_SECONDS:
                host = urlsplit(link.url).hostname or ""
                wait = PER_HOST_INTERVAL - (time.time() - last_request.get(host, 0))
                if wait > 0:
                    time.sleep(wait)
                last_request[host] = time.time()
                entry = {"checked": time.time(), "error": fetch_status(link.url)}
                cache[link.url] = entry
            if entry["error"]:
                line, col = page.position(link.offset)
                problems.append(problem(display_path(path, workspace.docs), line, col, "LINK007",
                                        target=link.url, reason=entry["error"]))
    CACHE.parent.mkdir(exist_ok=True)
    CACHE.write_text(json.dumps(cache, indent=1), encoding="utf-8")
    return problems
