"""Banner behaviour in a real browser: local time, dismissal that lasts until the status changes."""

from __future__ import annotations

from pathlib import Path

from browser import SiteServer
from mkdocs.commands.build import build
from mkdocs.config import load_config

INCIDENT = "content/status/incidents/2026-11-23-mobile-app-sign-in.yml"
BUILT_AT = "2026-11-23T10:00:00Z"  # the example's SOURCE_DATE_EPOCH
PROMISE_PASSED = "2026-11-23T11:00:00Z"  # the incident's next update (10:30) is overdue
NEW_UPDATE = """\
  - at: 2026-11-23T09:55:00Z
    status: identified
    message: A fixed version of the app is with the app stores for review.
"""


def build_copy(root: Path, out: Path) -> Path:
    build(load_config(str(root / "mkdocs.yml"), strict=True, site_dir=str(out)))
    return out


def reader(chromium, at: str = BUILT_AT, **options):  # noqa: ANN001, ANN201
    """A page in its own browser context, its clock fixed at `at`."""
    return chromium.new_page(at=at, **options)


def test_times_gain_the_readers_local_time(chromium, example_site: Path) -> None:
    with SiteServer(example_site) as server:
        page = reader(chromium, timezone_id="Europe/Paris", locale="en-GB")
        page.goto(server.url)
        eta = page.locator(".fd-panel time[datetime='2026-11-23T12:00:00Z'] + .fd-local-time")
        assert "13:00" in eta.inner_text() and "your time" in eta.inner_text()
        page.close()
        utc_reader = reader(chromium, timezone_id="UTC")
        utc_reader.goto(server.url)
        assert utc_reader.locator(".fd-local-time").count() == 0
        utc_reader.close()


def test_dismissal_holds_across_pages_until_the_incident_changes(
    chromium, example_site: Path, copy_example: Path, tmp_path: Path
) -> None:
    with SiteServer(example_site) as server:
        page = reader(chromium)
        page.goto(server.url + "articles/account/invite-team-members/")
        banner = page.locator("[data-md-component=announce]")
        assert "Some customers cannot sign in to the mobile apps" in banner.inner_text()
        page.locator(".md-banner__button").click()
        assert banner.is_hidden()
        page.goto(server.url + "status/incidents/2026-09-16-card-payments-failing/")
        assert page.locator("[data-md-component=announce]").is_hidden()

        # A new update changes the banner, so it shows again for the same reader.
        incident = copy_example / INCIDENT
        incident.write_text(incident.read_text() + NEW_UPDATE)
        server.root = build_copy(copy_example, tmp_path / "updated")
        page.goto(server.url + "articles/account/invite-team-members/")
        assert page.locator("[data-md-component=announce]").is_visible()
        page.close()


def test_dismissal_holds_after_the_readers_clock_passes_a_promise(
    chromium, example_site: Path
) -> None:
    """The page rewords an overdue promise by the reader's clock, changing the banner's HTML after
    Material's dismissal check: a reader who dismissed that wording must not see it again."""
    with SiteServer(example_site) as server:
        page = reader(chromium, PROMISE_PASSED)
        page.goto(server.url + "articles/account/invite-team-members/")
        banner = page.locator("[data-md-component=announce]")
        promise = banner.locator(".fd-promise[data-fd-since]")
        assert promise.count() == 1  # reworded by the reader's clock
        page.locator(".md-banner__button").click()
        assert banner.is_hidden()
        page.goto(server.url + "status/incidents/2026-09-16-card-payments-failing/")
        page.wait_for_function("document.querySelector('.fd-promise[data-fd-since]') !== null")
        assert page.locator("[data-md-component=announce]").is_hidden()
        page.close()


def test_critical_incident_banner_offers_no_dismiss(
    chromium, copy_example: Path, tmp_path: Path
) -> None:
    incident = copy_example / INCIDENT
    incident.write_text(incident.read_text().replace("impact: major", "impact: critical"))
    site = build_copy(copy_example, tmp_path / "critical")
    with SiteServer(site) as server:
        page = reader(chromium)
        page.goto(server.url + "status/")
        assert page.locator("[data-md-component=announce]").is_visible()
        assert "Critical incident:" in page.locator("[data-md-component=announce]").inner_text()
        assert page.locator(".md-banner__button").is_hidden()
        page.close()


def test_banner_is_readable_at_phone_width(chromium, example_site: Path) -> None:
    with SiteServer(example_site) as server:
        page = reader(chromium, viewport={"width": 375, "height": 800})
        page.goto(server.url + "status/")
        box = page.locator(".fd-banner").bounding_box()
        assert box and box["width"] <= 375
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        page.close()
