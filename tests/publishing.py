"""Shared by the publish-status tests: a status edit on the example, and full builds to compare."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from frontdesk.cli.main import main

LATER = "1795431600"  # 2026-11-23T11:00:00Z
ACTIVE = "content/status/incidents/2026-11-23-mobile-app-sign-in.yml"
NEW_INCIDENT = """\
title: Bank feeds are delayed
impact: minor
components: [bank-feeds]
started: 2026-11-23T10:20:00Z
cause: Our banking partner is slow to answer.
eta: 2026-11-23T13:00:00Z
prevention: A second banking partner for feeds.
updates:
  - at: 2026-11-23T10:25:00Z
    status: investigating
    message: Feeds may arrive up to an hour late.
"""
NEW_UPDATE = """\
  - at: 2026-11-23T10:50:00Z
    status: monitoring
    message: The fixed app is live in both app stores; sign-ins are recovering.
"""


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def full_build(root: Path, out: Path, epoch: str, monkeypatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    result = run("build", "-f", str(root / "mkdocs.yml"), "--site-dir", str(out))
    assert result.exit_code == 0, result.output
    return out
