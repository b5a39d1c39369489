"""Browser tests: the built site served on localhost, driven by Playwright in
Debian's chromium (never Playwright's own browser download).

The site is served under the path of ``site_url`` (e.g. /womens-rights-kb/),
so absolute links of the 404 page work as they will in production.
"""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.test_site import BASE_PATH

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
EXIT_URL_PREFIX = "https://www.baidu.com/"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@pytest.fixture(scope="session")
def server(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of the built site, served by a local HTTP server."""
    root = tmp_path_factory.mktemp("serve")
    mount = root / BASE_PATH.strip("/")
    mount.parent.mkdir(parents=True, exist_ok=True)
    mount.symlink_to(site_dir, target_is_directory=True)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}{BASE_PATH}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("Debian's chromium is needed for the browser tests: sudo apt-get install chromium "
                    "(.ci/run installs it in CI)", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


class Recorder:
    """Requests, failed responses and console errors of a page."""

    def __init__(self, page: object, base: str) -> None:
        self.base_host = urlsplit(base).netloc
        self.requests: list[str] = []
        self.failures: list[str] = []
        self.console_errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("requestfailed", lambda request: self.failures.append(f"{request.url} ({request.failure})"))
        page.on("response", lambda response: response.status >= 400 and self.failures.append(
            f"{response.url} HTTP {response.status}"))
        page.on("console", lambda message: message.type == "error" and self.console_errors.append(message.text))
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))

    def third_party(self) -> list[str]:
        return [url for url in self.requests
                if not url.startswith(("data:", "blob:", "about:")) and urlsplit(url).netloc != self.base_host]


@pytest.fixture
def context(browser: object) -> Iterator[object]:
    """A fresh browser profile per test: no storage, cookies or history carried over."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    # The exit target is another host; answer it locally so no request leaves the machine.
    context.route(f"{EXIT_URL_PREFIX}**", lambda route: route.fulfill(
        status=200, content_type="text/html", body="<title>neutral</title><p>neutral page</p>"))
    yield context
    context.close()


@pytest.fixture
def page(context: object, server: str) -> object:
    page = context.new_page()
    page.recorder = Recorder(page, server)
    return page
