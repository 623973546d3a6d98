"""The machine-readable files in a real build: present, discoverable, and telling the same story
as the HTML banner at the same moment."""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
import pytest
from conftest import REPO
from mkdocs.commands.build import build
from mkdocs.config import load_config
from pages import announce, read, text


def test_documents_match_the_banner(example_site: Path) -> None:
    summary = json.loads((example_site / "api/v2/summary.json").read_text())
    banner = text(announce(read(example_site, "status/")))
    unresolved = summary["incidents"]
    assert unresolved, "the example has an unresolved incident"
    for incident in unresolved:
        assert incident["name"] in banner
        assert incident["shortlink"].endswith(f"/status/incidents/{incident['id']}/")
    windows = json.loads((example_site / "api/v2/scheduled-maintenances.json").read_text())[
        "scheduled_maintenances"
    ]
    upcoming = json.loads(
        (example_site / "api/v2/scheduled-maintenances/upcoming.json").read_text()
    )["scheduled_maintenances"]
    # The one upcoming window starts within banner_lookahead_days (3) of the example's moment and
    # is announced; the completed and the cancelled windows are not.
    assert [(w["name"], w["status"]) for w in upcoming] == [
        ("Upgrade to card payment and bank feed systems", "scheduled")
    ]
    assert upcoming[0]["name"] in banner
    others = [w["name"] for w in windows if w["id"] != upcoming[0]["id"]]
    assert len(others) == 2 and not [name for name in others if name in banner]
    assert summary["status"]["indicator"] == "major"
    assert "Current status: partial outage" in text(read(example_site, "status/"))


def test_pages_advertise_feeds_calendar_and_api(example_site: Path) -> None:
    page = read(example_site, "articles/account/reset-password/")
    assert (
        '<link rel="alternate" type="application/atom+xml"' in page
        and 'href="/status/feed.atom"' in page
    )
    assert 'href="/status/feed.rss"' in page and 'href="/status/maintenance.ics"' in page
    feed = feedparser.parse((example_site / "status/feed.atom").read_bytes())
    assert not feed.bozo and len(feed.entries) >= 8


@pytest.mark.parametrize("fmt", ["atom", "rss"])
def test_the_site_feed_is_also_where_statuspage_readers_look(example_site: Path, fmt: str) -> None:
    """/history.atom and /history.rss: the same feed, with its own address as its self link."""
    site_feed = feedparser.parse((example_site / f"status/feed.{fmt}").read_bytes())
    history = feedparser.parse((example_site / f"history.{fmt}").read_bytes())
    assert not history.bozo and history.entries == site_feed.entries
    assert history.feed.title == site_feed.feed.title
    self_links = [link.href for link in history.feed.links if link.rel == "self"]
    assert self_links == [f"https://help.tallybook.example/history.{fmt}"]


def test_two_builds_publish_identical_documents(example_site: Path, tmp_path: Path) -> None:
    second = tmp_path / "again"
    build(load_config(str(REPO / "mkdocs.yml"), strict=True, site_dir=str(second)))
    for document in sorted((example_site / "api").rglob("*.json")):
        relative = document.relative_to(example_site)
        assert (second / relative).read_bytes() == document.read_bytes(), relative
    for feed in ("status/feed.atom", "status/feed.rss", "status/maintenance.ics"):
        assert (second / feed).read_bytes() == (example_site / feed).read_bytes(), feed
