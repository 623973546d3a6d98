"""`frontdesk serve` rebuilds when an article, a template or a status file changes, so staff and
writers can preview their edits.

These tests cannot run under libfaketime; the moved-clock CI run deselects them with
`-m "not real_clock_only"`. With an offset such as `faketime -f +400d`, libfaketime 0.9.10 fakes
CLOCK_MONOTONIC in clock_gettime (time.monotonic() reads about 1.8e9 s while the kernel's clock
reads the uptime) but does not intercept sem_clockwait, which CPython 3.11 uses for every timed
wait (threading.Event.wait, Condition.wait, Lock.acquire with a timeout): the deadline is computed
on the faked clock and waited for on the kernel's, decades away, so no timed wait ever times out.
MkDocs' livereload watches files with watchdog's PollingObserver, whose emitter waits
`stopped_event.wait(interval)` between two snapshots of the watched folders: it takes the first and
never another, and the server never sees a change. Leaving CLOCK_MONOTONIC real instead
(FAKETIME_DONT_FAKE_MONOTONIC=1) repairs those waits but breaks time.sleep: libfaketime still
converts CPython's absolute CLOCK_MONOTONIC deadline for clock_nanosleep as if it were on the
faked clock, the kernel rejects the negative result with EINVAL and every sleep raises OSError,
as in this module's polling, in subprocess.Popen.wait and in the build's Pagefind client
(generator/frontdesk/search/pagefind.py). Starting the server without libfaketime would pass, but only by
hiding it from the run whose purpose is to move its clock.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import REPO

pytestmark = pytest.mark.real_clock_only

INCIDENT = "content/status/incidents/2026-11-23-mobile-app-sign-in.yml"
NEW_UPDATE = """\
  - at: 2026-11-23T09:58:00Z
    status: monitoring
    message: The fixed app version is live; we are watching sign-ins recover.
"""
ARTICLE = "content/articles/account/reset-password.md"
ARTICLE_PAGE = "articles/account/reset-password/"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch_until(url: str, wanted: str, seconds: float) -> str:
    deadline, body = time.monotonic() + seconds, ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                body = response.read().decode("utf-8")
            if wanted in body:
                return body
        except OSError:
            pass
        time.sleep(0.5)
    return body


@contextmanager
def serving(root: Path, first_page: str, first_text: str) -> Iterator[str]:
    """`frontdesk serve` for the site at `root`, once `first_page` shows `first_text`; yields
    the server's address."""
    port = free_port()
    command = [sys.executable, "-m", "frontdesk", "serve", "-f", str(root / "mkdocs.yml"),
               "--dev-addr", f"127.0.0.1:{port}"]  # fmt: skip
    server = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=os.environ.copy()
    )
    try:
        base = f"http://127.0.0.1:{port}/"
        assert first_text in fetch_until(base + first_page, first_text, 60)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serve_reloads_when_an_incident_file_changes(copy_example: Path) -> None:
    with serving(copy_example, "status/", "Some customers cannot sign in") as base:
        incident = copy_example / INCIDENT
        incident.write_text(incident.read_text() + NEW_UPDATE)
        assert "watching sign-ins recover" in fetch_until(
            base + "status/", "watching sign-ins recover", 60
        )


def test_serve_reloads_when_an_article_changes(copy_example: Path) -> None:
    with serving(copy_example, ARTICLE_PAGE, "you can set a new one yourself") as base:
        article = copy_example / ARTICLE
        article.write_text(
            article.read_text().replace(
                "you can set a new one yourself", "you can choose a fresh one on your own"
            )
        )
        body = fetch_until(base + ARTICLE_PAGE, "you can choose a fresh one on your own", 60)
        assert "you can choose a fresh one on your own" in body
        assert "you can set a new one yourself" not in body


def test_serve_reloads_when_a_template_changes(copy_example: Path) -> None:
    """Both kinds of template a site customises in its custom_dir: a Frontdesk fragment copied
    into overrides/frontdesk/ while the server runs, then an edit to overrides/main.html."""
    with serving(copy_example, ARTICLE_PAGE, "Still need help?") as base:
        fragment = copy_example / "overrides/frontdesk/help_panel.html"
        fragment.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / "generator/frontdesk/site/templates/frontdesk/help_panel.html", fragment)
        fragment.write_text(fragment.read_text().replace("Still need help?", "Still stuck?"))
        body = fetch_until(base + ARTICLE_PAGE, "Still stuck?", 60)
        assert "Still stuck?" in body and "Still need help?" not in body

        main = copy_example / "overrides/main.html"
        main.write_text(
            main.read_text() + "{% block extrahead %}{{ super() }}"
            '<meta name="fd-preview" content="edited">{% endblock %}\n'
        )
        assert '<meta name="fd-preview" content="edited">' in fetch_until(
            base + ARTICLE_PAGE, 'name="fd-preview"', 60
        )
