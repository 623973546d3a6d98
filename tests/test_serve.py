"""`frontdesk serve` rebuilds when a status YAML file changes, so staff can preview an update."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

INCIDENT = "content/status/incidents/2026-11-23-mobile-app-sign-in.yml"
NEW_UPDATE = """\
  - at: 2026-11-23T09:58:00Z
    status: monitoring
    message: The fixed app version is live; we are watching sign-ins recover.
"""


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


def test_serve_reloads_when_an_incident_file_changes(copy_example: Path) -> None:
    port = free_port()
    command = [sys.executable, "-m", "generator", "serve", "-f", str(copy_example / "mkdocs.yml"),
               "--dev-addr", f"127.0.0.1:{port}"]  # fmt: skip
    server = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=os.environ.copy()
    )
    try:
        url = f"http://127.0.0.1:{port}/status/"
        assert "Some customers cannot sign in" in fetch_until(
            url, "Some customers cannot sign in", 60
        )
        incident = copy_example / INCIDENT
        incident.write_text(incident.read_text() + NEW_UPDATE)
        assert "watching sign-ins recover" in fetch_until(url, "watching sign-ins recover", 60)
    finally:
        server.terminate()
        server.wait(timeout=10)
