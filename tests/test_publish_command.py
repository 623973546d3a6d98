"""`frontdesk publish`, the one command both publishing workflows run: check, save the live
status, then the status alone into the last site or a full build with its reason. The live site
is a real HTTP server on 127.0.0.1; builds are real."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from browser import SiteServer
from click.testing import CliRunner
from sitecompare import differences

from frontdesk.cli.main import main

LATER = str(1795428000 + 1800)  # half an hour after conftest's SOURCE_DATE_EPOCH
INCIDENT = "content/status/incidents/2026-11-23-slow-payments.yml"
OPENED = """\
title: Slow card payments
impact: minor
components: [payments]
started: 2026-11-23T09:00:00Z
cause: A busy database.
eta: 2026-11-23T12:00:00Z
prevention: More database capacity before the busy season.
updates:
  - at: 2026-11-23T09:05:00Z
    status: investigating
    message: Card payments take up to a minute.
"""
UPDATE = """\
  - at: 2026-11-23T10:15:00Z
    status: monitoring
    message: Payments are quick again; we are watching them.
"""


@pytest.fixture
def adopter(make_site, tmp_path: Path):
    """A small site whose site_url is a live server, empty until the first deploy."""
    root = make_site({INCIDENT.removeprefix("content/"): OPENED})
    live = tmp_path / "live"
    live.mkdir()
    with SiteServer(live) as server:
        config = root / "mkdocs.yml"
        config.write_text(yaml.safe_dump({**yaml.safe_load(config.read_text()),
                                          "site_url": server.url}))  # fmt: skip
        yield root, server


def publish(root: Path, *args: str):
    return CliRunner().invoke(main, ["publish", "-f", str(root / "mkdocs.yml"), *args,
                                     "--previous", str(root / "previous"), str(root / "site")])  # fmt: skip


def deploy(root: Path, server: SiteServer, tmp_path: Path) -> None:
    """What the workflow uploads: the site without its build record."""
    shutil.rmtree(tmp_path / "deployed", ignore_errors=True)
    shutil.copytree(root / "site", tmp_path / "deployed",
                    ignore=shutil.ignore_patterns(".frontdesk"))  # fmt: skip
    server.root = tmp_path / "deployed"


def full_build(root: Path, out: Path) -> Path:
    result = CliRunner().invoke(main, ["build", "-f", str(root / "mkdocs.yml"), "-d", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_a_first_publish_builds_in_full_and_is_marked_for_notify(adopter) -> None:
    root, _ = adopter
    result = publish(root)
    assert result.exit_code == 0, result.output
    assert "OK: 0 articles, 1 incident" in result.output
    assert f"Full build: {root / 'site'} has no record of a full Frontdesk build." in result.output
    assert "a first publish" in result.output and "Published by a full build" in result.output
    assert (root / "site/status/index.html").is_file()
    assert (root / "previous/first-publish.txt").is_file()


def test_a_status_change_is_published_alone_and_equals_a_full_build(
    adopter, tmp_path: Path, monkeypatch
) -> None:
    root, server = adopter
    assert publish(root).exit_code == 0
    deploy(root, server, tmp_path)
    (root / INCIDENT).write_text(OPENED + UPDATE)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", LATER)
    result = publish(root)
    assert result.exit_code == 0, result.output
    assert "Full build" not in result.output
    assert f"Published the status into {root / 'site'}: " in result.output
    assert f"Saved the status documents published at {server.url}" in result.output
    assert (root / "previous/api/v2/incidents.json").read_bytes() == (
        tmp_path / "deployed/api/v2/incidents.json").read_bytes()  # fmt: skip
    assert differences(root / "site", full_build(root, tmp_path / "full")) == []


def test_anything_else_is_a_full_build_with_its_reason(adopter, tmp_path: Path) -> None:
    root, server = adopter
    assert publish(root).exit_code == 0
    deploy(root, server, tmp_path)
    (root / "content/index.md").write_text("---\ntitle: Home\n---\nWelcome back.\n")
    result = publish(root)
    assert result.exit_code == 0, result.output
    assert "Full build: " in result.output and "Published by a full build" in result.output
    assert "Welcome back." in (root / "site/index.html").read_text()


def test_bad_content_publishes_nothing(adopter, tmp_path: Path) -> None:
    root, server = adopter
    assert publish(root).exit_code == 0
    deploy(root, server, tmp_path)
    before = {p: p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()}
    (root / INCIDENT).write_text(OPENED.replace("impact: minor", "impact: huge"))
    result = publish(root)
    assert result.exit_code == 1
    assert f"{INCIDENT}:2: impact: expected one of none, minor, major, critical" in result.output
    assert {p: p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()} == before


def test_a_live_site_gone_missing_is_published_over_and_notify_then_fails(
    adopter, tmp_path: Path
) -> None:
    root, server = adopter
    assert publish(root).exit_code == 0  # published, but the host serves nothing
    (root / INCIDENT).write_text(OPENED + UPDATE)
    result = publish(root)
    assert result.exit_code == 0, result.output
    assert "records an earlier publish. Is site_url" in " ".join(result.output.split())
    assert "Published the status into" in result.output  # customers still get the update
    assert result.output.count("updates[1].at: 2026-11-23 10:15 UTC is after the moment") == 1
    told = CliRunner().invoke(main, ["notify", "-f", str(root / "mkdocs.yml"), "--previous",
                                     str(root / "previous"), str(root / "site")])  # fmt: skip
    assert told.exit_code == 1 and "nothing was sent" in " ".join(told.output.split())
