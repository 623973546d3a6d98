"""A real browser for page behaviour: Debian's chromium driven by Playwright, sites on 127.0.0.1."""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from http.server import BaseHTTPRequestHandler, SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

import pytest

CHROMIUM = os.environ.get("FRONTDESK_CHROMIUM", "/usr/bin/chromium")
# The reader's clock in every browser test unless a test names another moment: the example's
# SOURCE_DATE_EPOCH (conftest.EXAMPLE_EPOCH). Pages reword passed promises by the reader's clock,
# so a page on the real clock would make a test depend on the day it runs.
READER_MOMENT = "2026-11-23T10:00:00Z"
# The title of each search result Pagefind's UI shows.
RESULT_TITLES = ".pagefind-ui__result > .pagefind-ui__result-inner > .pagefind-ui__result-title"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]  # fmt: skip


def require_browser() -> None:
    """Skip where no chromium exists, unless the run demands it (CI sets FRONTDESK_REQUIRE_BROWSER)."""
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        if os.environ.get("FRONTDESK_REQUIRE_BROWSER"):
            pytest.fail(f"{CHROMIUM} is required for browser tests but is missing")
        pytest.skip(f"{CHROMIUM} is not installed")


_Server = TypeVar("_Server", bound="LocalServer")


class LocalServer:
    """An HTTP server on 127.0.0.1 on a free port, in a thread, for the length of a `with`."""

    def __init__(self, handler: type[BaseHTTPRequestHandler] | functools.partial) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self: _Server) -> _Server:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class SiteServer(LocalServer):
    """Serves one directory on 127.0.0.1; the directory can be swapped between page loads."""

    def __init__(self, root: Path) -> None:
        self.root = root
        super().__init__(functools.partial(_QuietHandler, server_root=self))


class _QuietHandler(SimpleHTTPRequestHandler):
    def __init__(self, *args, server_root: SiteServer, **kwargs) -> None:
        super().__init__(*args, directory=str(server_root.root), **kwargs)

    def end_headers(self) -> None:
        # The directory may be swapped for a rebuild between page loads: a browser that cached
        # a page by its Last-Modified date would show the old build.
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class PinnedBrowser:
    """Chromium whose every context and page has its clock fixed (at `READER_MOMENT` unless a
    test names another moment with `at=`): no browser test can read the real clock. Nor can it
    reach the network: a request anywhere but 127.0.0.1 is aborted and kept in `offsite`, which
    conftest turns into a failure of the test that made it."""

    def __init__(self, chromium: object) -> None:
        self._chromium = chromium
        self.offsite: list[str] = []

    def new_context(self, at: str | datetime = READER_MOMENT, **options: object):  # noqa: ANN201
        context = self._chromium.new_context(**options)
        context.clock.set_fixed_time(at)
        context.route("**/*", self._local_only)
        return context

    def _local_only(self, route) -> None:  # noqa: ANN001
        url = route.request.url
        if urlsplit(url).hostname == "127.0.0.1" or url.startswith(("data:", "blob:", "about:")):
            route.continue_()
        else:
            self.offsite.append(url)
            route.abort()

    def new_page(self, at: str | datetime = READER_MOMENT, **options: object):  # noqa: ANN201
        """A page in a context of its own (as Browser.new_page); contexts close with the browser."""
        return self.new_context(at, **options).new_page()


def reader_clock(page) -> str:  # noqa: ANN001
    """The moment the page's scripts read as now, as ISO 8601 in UTC."""
    return page.evaluate("new Date().toISOString().replace('.000Z', 'Z')")


@contextmanager
def browser() -> Iterator[PinnedBrowser]:
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        pinned = PinnedBrowser(instance)
        try:
            yield pinned
        finally:
            instance.close()
        assert pinned.offsite == [], f"requests that left the machine: {pinned.offsite}"
