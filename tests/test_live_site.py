"""Publishing never leaves customers unnotified by mistake: save-status takes a 404 for a first
publish only when nothing says the site was published before, and check-live proves, after a
deploy, that site_url serves the site just built. The live site is a real HTTP server on
127.0.0.1."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from browser import SiteServer
from click.testing import CliRunner

from frontdesk.cli import notify as notify_cli
from frontdesk.cli.main import main


@pytest.fixture
def built(make_site, build_site, monkeypatch) -> tuple[Path, Path]:
    """A small site built twice: at the reference moment (live) and an hour later (new)."""
    root = make_site()
    live = build_site(root)
    shutil.move(live, root / "live")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(1795428000 + 3600))
    return root, build_site(root)


def point_at(root: Path, url: str) -> None:
    config = root / "mkdocs.yml"
    settings = yaml.safe_load(config.read_text())
    config.write_text(yaml.safe_dump({**settings, "site_url": url}))


def run(root: Path, *args: str):
    return CliRunner().invoke(main, [args[0], "-f", str(root / "mkdocs.yml"), *args[1:]])


def test_a_404_after_an_earlier_publish_fails_naming_the_address_and_site_url(built) -> None:
    root, site = built
    empty = root / "wrong-place"
    empty.mkdir()
    with SiteServer(empty) as server:
        point_at(root, server.url)
        result = run(root, "save-status", "--site", str(site), str(root / "previous"))
    assert result.exit_code == 1
    message = " ".join(result.output.split())
    assert f"{server.url}api/v2/incidents.json: no status documents there, but " in message
    assert f"site/.frontdesk/build.json records an earlier publish. Is site_url ({server.url})" in (
        message
    )
    assert not (root / "previous").exists()


def test_a_first_publish_is_saved_as_such_and_notify_then_sends_nothing(built) -> None:
    root, site = built
    empty = root / "not-yet"
    empty.mkdir()
    with SiteServer(empty) as server:
        point_at(root, server.url)
        saved = run(
            root, "save-status", "--site", str(root / "no-site-yet"), str(root / "previous")
        )
        assert saved.exit_code == 0, saved.output
        assert "a first publish" in saved.output and "records no earlier publish" in saved.output
        told = run(root, "notify", "--previous", str(root / "previous"), str(site))
        assert told.exit_code == 0, told.output
        assert "a first publish, so nothing sent" in told.output
        forced = run(root, "save-status", "--first-publish", "--site", str(site),
                     str(root / "again"))  # fmt: skip
        assert forced.exit_code == 0 and "--first-publish says so" in forced.output


def test_a_saved_state_replaces_an_earlier_first_publish_mark(built) -> None:
    root, site = built
    empty = root / "not-yet"
    empty.mkdir()
    with SiteServer(empty) as server:
        point_at(root, server.url)
        assert run(root, "save-status", "--first-publish", str(root / "previous")).exit_code == 0
        server.root = root / "live"
        assert run(root, "save-status", str(root / "previous")).exit_code == 0
    assert not (root / "previous/first-publish.txt").exists()
    assert (root / "previous/api/v2/incidents.json").is_file()


def test_check_live_passes_once_site_url_serves_the_new_site(built) -> None:
    root, site = built
    with SiteServer(site) as server:
        point_at(root, server.url)
        result = run(root, "check-live", "--wait", "0", str(site))
    assert result.exit_code == 0, result.output
    assert f"{server.url} serves the new site." in result.output


def test_check_live_fails_naming_both_when_the_old_site_is_still_served(built, monkeypatch):
    root, site = built
    monkeypatch.setattr(notify_cli, "LIVE_POLL_SECONDS", 0.05)
    with SiteServer(root / "live") as server:
        point_at(root, server.url)
        result = run(root, "check-live", "--wait", "1", str(site))
    assert result.exit_code == 1
    message = " ".join(result.output.split())
    assert (f"{server.url}api/v2/summary.json is not the new one: it describes "
            "2026-11-23T10:00:00.000Z, the new site 2026-11-23T11:00:00.000Z") in message  # fmt: skip
    assert f"site_url is {server.url}" in message


def test_check_live_fails_when_site_url_serves_nothing(built) -> None:
    root, site = built
    empty = root / "nothing"
    empty.mkdir()
    with SiteServer(empty) as server:
        point_at(root, server.url)
        result = run(root, "check-live", "--wait", "0", str(site))
    assert result.exit_code == 1
    assert f"{server.url}api/v2/summary.json answered 404" in result.output
