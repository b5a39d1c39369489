"""LINK007 (--external): unreachable external links, checked against a local server."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import kb.checks.external as external
from kb.checks.workspace import Workspace
from tests.checks.conftest import PAGE, DocsTree


class Handler(BaseHTTPRequestHandler):
    def do_HEAD(self) -> None:  # noqa: N802 - stdlib name
        self.send_response(200 if self.path == "/ok" else 404)
        self.end_headers()

    do_GET = do_HEAD

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture
def local_site() -> str:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_broken_external_link_is_reported_and_cached(tmp_path: Path, local_site: str, monkeypatch) -> None:
    monkeypatch.setattr(external, "CACHE", tmp_path / "cache.json")
    monkeypatch.setattr(external, "PER_HOST_INTERVAL", 0.0)
    tree = DocsTree(tmp_path)
    page = tree.write("about/a.md", PAGE + f"[好]({local_site}/ok) [坏]({local_site}/gone)\n")
    problems = external.check_external([page], Workspace(tree.docs))
    assert [(p.rule, dict(p.params)["target"]) for p in problems] == [("LINK007", f"{local_site}/gone")]
    assert problems[0].line == 8
    assert (tmp_path / "cache.json").exists()
    # A second run answers from the cache without asking the server.
    monkeypatch.setattr(external, "fetch_status", lambda url: pytest.fail("cache not used"))
    assert len(external.check_external([page], Workspace(tree.docs))) == 1
