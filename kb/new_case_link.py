"""The link that creates a teaching case in the browser, on the 参与编写 page.

GitHub opens its "new file" page with the file name and the text filled in when the address
says ``<repo>/new/<branch>/<folder>?filename=<name>&value=<text>``; a volunteer without write
access is offered a fork, and saving proposes a pull request. The link is computed when the
site is built, from scripts/new.py itself: the next free case id and the Chinese page that
``new.py case`` writes, placeholders (待填写) included. So the browser and the command line start
from the same page, and the checks (FILE010) hold the pull request until every placeholder is
replaced. The repository and branch come from ``repo_url`` and ``edit_uri`` in mkdocs.yml,
where the edit button of every page gets them.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from urllib.parse import quote, urlencode

from kb.paths import ROOT

NEW_SCRIPT = ROOT / "scripts" / "new.py"
TITLE = "待填写：案例标题"
TITLE_EN = "To write: the case title"
# GitHub answers a longer address with "414 URI Too Long" (observed at about 8 KB; not documented).
MAX_URL = 8000


@dataclass(frozen=True)
class NewCase:
    """Where the link goes and what it fills in."""

    url: str
    branch: str
    case_id: str
    folder: str  # in the repository: docs/cases
    filename: str  # case-NNN.md
    text: str  # the Chinese page, as scripts/new.py writes it


@lru_cache(maxsize=None)
def scaffolding() -> ModuleType:
    """scripts/new.py as a module. It is a script outside the kb package, not importable from a
    build hook by name, so it is loaded from its file; nothing of it is copied here."""
    spec = importlib.util.spec_from_file_location("kb_scaffolding_new", NEW_SCRIPT)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {NEW_SCRIPT}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def branch_and_docs(edit_uri: str) -> tuple[str, str]:
    """The branch and the docs folder named by MkDocs' ``edit_uri`` (``edit/main/docs/``)."""
    parts = [part for part in edit_uri.split("/") if part]
    if len(parts) < 3 or parts[0] not in ("edit", "blob"):
        raise ValueError(f"mkdocs.yml: edit_uri '{edit_uri}' should read edit/<branch>/<docs folder>/, "
                         "as the new-case link of about/contribute.md needs it")
    return parts[1], "/".join(parts[2:])


def new_case(repo_url: str, edit_uri: str, docs: Path, today: dt.date) -> NewCase:
    """The link that opens GitHub's new-file page with the next teaching case of ``docs``."""
    new = scaffolding()
    case_id = new.next_case_id(docs)
    text, _ = new.case_pages(case_id, new.DEFAULT_CATEGORY, TITLE, TITLE_EN, today)
    branch, docs_folder = branch_and_docs(edit_uri)
    folder = f"{docs_folder}/{new.KINDS['case'].folder}"
    filename = f"{case_id}.md"
    query = urlencode({"filename": filename, "value": text}, quote_via=quote)
    url = f"{repo_url.rstrip('/')}/new/{branch}/{folder}?{query}"
    if len(url) > MAX_URL:
        raise ValueError(f"the new-case link is {len(url)} characters long; GitHub refuses addresses over about "
                         f"{MAX_URL}: shorten the case scaffold of scripts/new.py")
    return NewCase(url, branch, case_id, folder, filename, text)
