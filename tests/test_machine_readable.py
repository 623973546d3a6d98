"""Machine-readable status, read the way clients read it: JSON Schema, feed parser, iCalendar."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta
from html import unescape
from pathlib import Path

import feedparser
import pytest
from browser import SiteServer, browser
from conftest import EXAMPLE_EPOCH, EXAMPLE_LANGUAGES, REPO
from icalendar import Calendar
from jsonschema import Draft202012Validator
from statuspage_schema import DOCUMENTS, SCHEMA, validator

from frontdesk.content.loading import load_site
from frontdesk.content.models import (
    Catalog,
    Component,
    ComponentGroup,
    ComponentStatus,
    Impact,
    Incident,
    Maintenance,
    StatusContent,
    Update,
)
from frontdesk.site.markup import markdown_renderer
from frontdesk.status import state as st
from frontdesk.status.machine import SiteInfo, machine_readable_files
from frontdesk.status.machine.common import iso
from frontdesk.status.view import StatusView

UTC = UTC
NOW = datetime.fromtimestamp(int(EXAMPLE_EPOCH), UTC)
SITE = SiteInfo("Tallybook Help Centre", "https://help.tallybook.example/")
ACTIVE_INCIDENT = "2026-11-23-mobile-app-sign-in"
CANCELLED_WINDOW = "2026-12-06-email-sending-service-move"
UPCOMING_WINDOW = "2026-11-25-payments-and-bank-feeds-upgrade"


@pytest.fixture(scope="module")
def content() -> StatusContent:
    return load_site(
        REPO / "content", REPO, ["novice", "intermediate", "expert"], languages=EXAMPLE_LANGUAGES
    ).status


def build(content: StatusContent, now: datetime = NOW) -> dict[str, bytes]:
    return machine_readable_files(StatusView(content, now), SITE, markdown_renderer())


@pytest.fixture(scope="module")
def files(content: StatusContent) -> dict[str, bytes]:
    return build(content)


def document(files: dict[str, bytes], path: str) -> dict:
    return json.loads(files[path])


def plain(html: str) -> str:
    """Text without tags or entities, whitespace collapsed: for comparing HTML by what it says."""
    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())


def moment(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


# --- Statuspage API v2 -------------------------------------------------------------------------


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("path", sorted(DOCUMENTS))
def test_every_document_is_canonical_json_valid_against_its_schema(
    files: dict[str, bytes], path: str
) -> None:
    text = files[path].decode("utf-8")
    parsed = json.loads(text)
    assert (
        text == json.dumps(parsed, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n"
    )
    validator(DOCUMENTS[path]).validate(parsed)
    validator().validate(parsed)


@pytest.mark.parametrize(
    "break_it",
    [
        lambda d: d["status"].update(indicator="catastrophic"),
        lambda d: d["components"][1].update(status="down"),
        lambda d: d["incidents"][0].pop("impact"),
        lambda d: d["incidents"][0]["incident_updates"][0].update(status="scheduled"),
        lambda d: d["incidents"][0]["frontdesk"].update(eta="soon"),
        lambda d: d["incidents"][0].update(cause="belongs under frontdesk"),
        lambda d: d["page"].update(updated_at="2026-11-23 10:00"),
        lambda d: d["scheduled_maintenances"][0].pop("scheduled_for"),
    ],
)
def test_the_schema_rejects_broken_documents(files: dict[str, bytes], break_it) -> None:
    summary = document(files, "api/v2/summary.json")
    validator("summary_document").validate(summary)
    break_it(summary)
    assert list(validator("summary_document").iter_errors(summary))
    assert list(validator().iter_errors(summary))


def test_overall_status_is_the_worst_component_status(files: dict[str, bytes]) -> None:
    status = document(files, "api/v2/status.json")
    assert status["status"] == {"indicator": "major", "description": "Partial System Outage"}
    assert status["page"]["updated_at"] == "2026-11-23T10:00:00.000Z"
    assert document(files, "api/v2/summary.json")["status"] == status["status"]


def test_component_statuses_match_the_status_module(
    files: dict[str, bytes], content: StatusContent
) -> None:
    components = document(files, "api/v2/components.json")["components"]
    leaves = {c["id"]: c for c in components if not c["group"]}
    expected = st.component_statuses(content, NOW)
    assert {cid: c["status"] for cid, c in leaves.items()} == {
        k: v.value for k, v in expected.items()
    }
    assert leaves["sign-in"]["status"] == leaves["mobile-apps"]["status"] == "partial_outage"
    groups = [c for c in components if c["group"]]
    assert [g["name"] for g in groups] == [g.name for g in content.catalog.groups]
    core = groups[0]
    assert core["id"] == "group-core-services"
    assert core["components"] == ["sign-in", "web-app", "mobile-apps"]
    assert core["status"] == "partial_outage"
    assert all(leaves[cid]["group_id"] == core["id"] for cid in core["components"])


def test_unresolved_incidents_are_exactly_the_active_ones(
    files: dict[str, bytes], content: StatusContent
) -> None:
    unresolved = document(files, "api/v2/incidents/unresolved.json")["incidents"]
    assert [i["id"] for i in unresolved] == [i.id for i in st.active_incidents(content)]
    assert [i["id"] for i in document(files, "api/v2/summary.json")["incidents"]] == [
        ACTIVE_INCIDENT
    ]
    incident = unresolved[0]
    assert incident["status"] == "identified"
    assert incident["impact"] == "major"
    assert incident["shortlink"] == f"{SITE.url}status/incidents/{ACTIVE_INCIDENT}/"
    assert [c["id"] for c in incident["components"]] == ["sign-in", "mobile-apps"]
    assert [u["id"] for u in incident["incident_updates"]] == [
        f"{ACTIVE_INCIDENT}-2",
        f"{ACTIVE_INCIDENT}-1",
    ]
    first = incident["incident_updates"][-1]["affected_components"][0]
    assert (first["old_status"], first["new_status"]) == ("operational", "partial_outage")
    assert incident["frontdesk"] == {
        **incident["frontdesk"],
        "eta": "2026-11-23T12:00:00.000Z",
        "next_update": "2026-11-23T10:30:00.000Z",
        "eta_passed": False,
        "next_update_overdue": False,
        "compensation": None,
    }
    assert incident["frontdesk"]["cause"].startswith("At 08:30 UK time")


def test_every_incident_is_published_newest_first(
    files: dict[str, bytes], content: StatusContent
) -> None:
    incidents = {i["id"]: i for i in document(files, "api/v2/incidents.json")["incidents"]}
    assert list(incidents) == [
        i.id for i in sorted(content.incidents, key=lambda i: i.started, reverse=True)
    ]
    payments = incidents["2026-09-16-card-payments-failing"]
    assert payments["status"] == "postmortem"
    assert payments["resolved_at"] == "2026-09-16T12:20:00.000Z"
    assert payments["monitoring_at"] == "2026-09-16T11:32:00.000Z"
    last = payments["incident_updates"][0]["affected_components"][0]
    assert last["new_status"] == "operational"
    bank_feeds = incidents["2026-10-02-bank-feeds-not-updating"]["frontdesk"]
    assert (bank_feeds["eta"], bank_feeds["eta_passed"]) == ("unknown", False)


def test_promises_that_time_overtook_are_flagged(content: StatusContent) -> None:
    later = build(content, datetime(2026, 11, 23, 12, 30, tzinfo=UTC))
    extras = document(later, "api/v2/incidents/unresolved.json")["incidents"][0]["frontdesk"]
    assert extras["eta_passed"] and extras["next_update_overdue"]


def test_maintenance_lists_follow_the_phases(
    files: dict[str, bytes], content: StatusContent
) -> None:
    def ids(path: str) -> list[str]:
        return [m["id"] for m in document(files, path)["scheduled_maintenances"]]

    upcoming = st.maintenance_in(content, NOW, st.Phase.UPCOMING)
    assert ids("api/v2/scheduled-maintenances/upcoming.json") == [m.id for m in upcoming]
    assert ids("api/v2/scheduled-maintenances/upcoming.json") == [UPCOMING_WINDOW]
    assert ids("api/v2/scheduled-maintenances/active.json") == []
    assert ids("api/v2/summary.json") == [UPCOMING_WINDOW]
    windows = {
        m["id"]: m
        for m in document(files, "api/v2/scheduled-maintenances.json")["scheduled_maintenances"]
    }
    assert set(windows) == {m.id for m in content.maintenance}
    cancelled = windows[CANCELLED_WINDOW]
    assert (cancelled["status"], cancelled["frontdesk"]["cancelled"]) == ("completed", True)
    assert windows[UPCOMING_WINDOW]["status"] == "scheduled"
    assert windows[UPCOMING_WINDOW]["impact"] == "maintenance"
    assert windows[UPCOMING_WINDOW]["scheduled_for"] == "2026-11-25T02:00:00.000Z"
    done = windows["2026-10-18-database-upgrade"]
    assert (done["status"], done["resolved_at"]) == ("completed", "2026-10-18T02:25:00.000Z")


def test_maintenance_under_way_is_active(content: StatusContent) -> None:
    during = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)
    files = build(content, during)
    active = document(files, "api/v2/scheduled-maintenances/active.json")["scheduled_maintenances"]
    assert [m["id"] for m in active] == [UPCOMING_WINDOW]
    assert active[0]["status"] == "in_progress"
    leaves = {c["id"]: c["status"] for c in document(files, "api/v2/components.json")["components"]}
    assert leaves["payments"] == leaves["bank-feeds"] == "under_maintenance"
    quiet = StatusContent(content.catalog, (), content.maintenance)
    status = document(build(quiet, during), "api/v2/status.json")["status"]
    assert status == {"indicator": "maintenance", "description": "Service Under Maintenance"}


# --- Feeds -------------------------------------------------------------------------------------


def expected_updated(entry: Incident | Maintenance) -> datetime:
    return entry.updates[-1].at if entry.updates else entry.start


@pytest.mark.parametrize("fmt", ["atom", "rss"])
def test_the_site_feed_has_every_incident_and_window(
    files: dict[str, bytes], content: StatusContent, fmt: str
) -> None:
    feed = feedparser.parse(files[f"status/feed.{fmt}"])
    assert not feed.bozo, feed.get("bozo_exception")
    entries = {e.link: e for e in feed.entries}
    everything = [*content.incidents, *content.maintenance]
    assert len(feed.entries) == len(entries) == len(everything)
    newest = max(expected_updated(e) for e in everything)
    assert datetime(*feed.feed.updated_parsed[:6], tzinfo=UTC) == newest
    for item in everything:
        folder = "incidents" if isinstance(item, Incident) else "maintenance"
        entry = entries[f"{SITE.url}status/{folder}/{item.id}/"]
        assert entry.title == item.title
        when = entry.updated_parsed if fmt == "atom" else entry.published_parsed
        assert datetime(*when[:6], tzinfo=UTC) == expected_updated(item)
        html = entry.content[0].value if fmt == "atom" else entry.summary
        for update in item.updates:
            assert plain(markdown_renderer()(update.message)) in plain(html)
        if isinstance(item, Incident):
            assert plain(markdown_renderer()(item.cause)) in plain(html)
            assert plain(markdown_renderer()(item.prevention)) in plain(html)


@pytest.mark.parametrize("fmt", ["atom", "rss"])
def test_component_feeds_only_hold_what_touches_the_component(
    files: dict[str, bytes], content: StatusContent, fmt: str
) -> None:
    for component in content.catalog.components:
        feed = feedparser.parse(files[f"status/components/{component.id}/feed.{fmt}"])
        assert not feed.bozo
        touching = [
            e for e in [*content.incidents, *content.maintenance] if component.id in e.component_ids
        ]
        assert {e.link.rstrip("/").rsplit("/", 1)[1] for e in feed.entries} == {
            e.id for e in touching
        }


# --- Calendar ----------------------------------------------------------------------------------


def test_the_calendar_has_every_window_in_utc(
    files: dict[str, bytes], content: StatusContent
) -> None:
    calendar = Calendar.from_ical(files["status/maintenance.ics"])
    assert str(calendar["PRODID"]) == "-//Frontdesk//Status//EN"
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {f"{m.id}@help.tallybook.example" for m in content.maintenance}
    for window in content.maintenance:
        event = events[f"{window.id}@help.tallybook.example"]
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert (start, end) == (window.start, window.end)
        assert (
            start.utcoffset() == timedelta(0)
            and b"DTSTART:" + start.strftime("%Y%m%dT%H%M%SZ").encode()
            in files["status/maintenance.ics"]
        )
        assert event.decoded("DTSTAMP") == window.updates[-1].at
        assert int(event["SEQUENCE"]) == len(window.updates)
        assert str(event["STATUS"]) == ("CANCELLED" if window.cancelled else "CONFIRMED")
        assert str(event["URL"]) == f"{SITE.url}status/maintenance/{window.id}/"
        single = Calendar.from_ical(files[f"status/maintenance/{window.id}.ics"])
        assert [str(e["UID"]) for e in single.walk("VEVENT")] == [str(event["UID"])]
    assert str(events[f"{CANCELLED_WINDOW}@help.tallybook.example"]["STATUS"]) == "CANCELLED"


# --- Badges and the banner ---------------------------------------------------------------------


def test_badges_show_each_status(files: dict[str, bytes], content: StatusContent) -> None:
    endpoint = json.loads(files["badges/status.json"])
    assert endpoint == {
        "schemaVersion": 1,
        "label": "status",
        "message": "Partial outage",
        "color": "orange",
    }
    svg = ET.fromstring(files["badges/status.svg"])
    assert svg.get("role") == "img" and svg.get("aria-label") == "status: Partial outage"
    assert svg.find("{http://www.w3.org/2000/svg}title").text == "status: Partial outage"
    for component in content.catalog.components:
        badge = json.loads(files[f"badges/components/{component.id}.json"])
        assert badge["label"] == component.name
        assert ET.fromstring(files[f"badges/components/{component.id}.svg"]).get("role") == "img"
    assert json.loads(files["badges/components/payments.json"])["color"] == "brightgreen"


def test_the_banner_script_and_page_are_shipped(files: dict[str, bytes]) -> None:
    script = files["embed/banner.js"].decode("utf-8")
    assert script == (REPO / "generator/frontdesk/status/machine/assets/banner.js").read_text(
        encoding="utf-8"
    )
    assert "document.currentScript" in script and "api/v2/summary.json" in script
    assert "textContent" in script and "innerHTML" not in script
    page = files["embed/banner.html"].decode("utf-8")
    assert 'id="frontdesk-banner"' in page and '<script src="banner.js" async></script>' in page


def write_files(root: Path, files: dict[str, bytes]) -> None:
    for relative, data in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_bytes(data)


PRODUCT_PAGE = """<!doctype html><html><head><title>Product</title></head>
<body><main>Invoices</main><script src="/help/embed/banner.js" async></script></body></html>"""


def test_the_banner_shows_incidents_as_text_in_a_real_browser(
    tmp_path: Path, files: dict[str, bytes], hostile: dict[str, bytes]
) -> None:
    (tmp_path / "index.html").write_text(PRODUCT_PAGE, encoding="utf-8")
    write_files(tmp_path / "help", files)
    write_files(tmp_path / "evil", hostile)
    (tmp_path / "evil.html").write_text(PRODUCT_PAGE.replace("/help/", "/evil/"), encoding="utf-8")
    with browser() as instance, SiteServer(tmp_path) as server:
        page = instance.new_page()
        page.goto(server.url)
        banner = page.locator("#frontdesk-banner")
        banner.get_by_role("link").first.wait_for()
        assert page.evaluate("document.body.firstElementChild.id") == "frontdesk-banner"
        link = banner.get_by_role("link", name="Some customers cannot sign in to the mobile apps")
        assert link.get_attribute("href") == f"{SITE.url}status/incidents/{ACTIVE_INCIDENT}/"
        assert "Major incident" in banner.inner_text() and "Expected back by" in banner.inner_text()
        page.goto(server.url + "evil.html")
        page.locator("#frontdesk-banner a").first.wait_for()
        assert f"Outage {SCRIPT}" in page.locator("#frontdesk-banner").inner_text()
        assert page.locator("#frontdesk-banner script, #frontdesk-banner img").count() == 0


def test_the_banner_shows_nothing_when_all_is_well(tmp_path: Path, content: StatusContent) -> None:
    quiet = StatusContent(content.catalog, content.incidents[:-1], content.maintenance)
    write_files(tmp_path / "help", build(quiet))
    (tmp_path / "index.html").write_text(PRODUCT_PAGE, encoding="utf-8")
    with browser() as instance, SiteServer(tmp_path) as server:
        page = instance.new_page()
        with page.expect_response(lambda r: r.url.endswith("summary.json")):
            page.goto(server.url)
        page.wait_for_load_state("networkidle")
        assert page.locator("#frontdesk-banner").count() == 0


# --- Every file, and nothing from the clock -----------------------------------------------------


def test_the_exact_set_of_files(files: dict[str, bytes], content: StatusContent) -> None:
    per_component = [
        path
        for c in content.catalog.components
        for path in (
            f"status/components/{c.id}/feed.atom",
            f"status/components/{c.id}/feed.rss",
            f"badges/components/{c.id}.svg",
            f"badges/components/{c.id}.json",
        )
    ]
    per_window = [f"status/maintenance/{m.id}.ics" for m in content.maintenance]
    fixed = [
        *DOCUMENTS,
        "status/feed.atom",
        "status/feed.rss",
        "history.atom",
        "history.rss",
        "status/maintenance.ics",
        "badges/status.svg",
        "badges/status.json",
        "embed/banner.js",
        "embed/banner.html",
    ]
    assert sorted(files) == sorted([*fixed, *per_component, *per_window])


def test_the_same_view_gives_the_same_bytes(files: dict[str, bytes]) -> None:
    fresh = load_site(
        REPO / "content", REPO, ["novice", "intermediate", "expert"], languages=EXAMPLE_LANGUAGES
    ).status
    again = build(fresh)
    assert again.keys() == files.keys()
    changed = [path for path in files if files[path] != again[path]]
    assert changed == []


# --- Hostile text stays text --------------------------------------------------------------------

SCRIPT = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def hostile() -> dict[str, bytes]:
    at = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    catalog = Catalog(
        (ComponentGroup("Core", (Component("api", f"API {SCRIPT} & co", "", "Core"),)),)
    )
    incident = Incident(
        id="evil",
        source="content/status/incidents/evil.yml",
        title=f"Outage {SCRIPT}",
        impact=Impact.MAJOR,
        affected=(("api", ComponentStatus.PARTIAL_OUTAGE),),
        started=at,
        updates=(Update(at, "investigating", f'<img src=x onerror="alert(2)"> {SCRIPT}'),),
        cause=SCRIPT,
        eta=at + timedelta(hours=2),
        prevention="[click](javascript:alert(3))",
    )
    window = Maintenance(
        "evil-window", "x.yml", SCRIPT, ("api",), at, at + timedelta(hours=1), SCRIPT
    )
    return build(StatusContent(catalog, (incident,), (window,)), at + timedelta(minutes=30))


@pytest.mark.parametrize(
    "path", ["status/feed.atom", "status/feed.rss", "status/components/api/feed.atom"]
)
def test_markup_in_content_is_escaped_in_feeds(hostile: dict[str, bytes], path: str) -> None:
    raw = hostile[path].decode("utf-8")
    assert "<script" not in raw.lower() and "<img" not in raw.lower()
    root = ET.fromstring(hostile[path])
    elements = [(el.tag.rsplit("}", 1)[-1], el) for el in root.iter()]
    assert not {name for name, _ in elements} & {"script", "img"}
    # The HTML a feed reader will render: markup from the content is shown, not run.
    bodies = [el.text for name, el in elements if name in ("content", "description") and el.text]
    bodies = [html for html in bodies if "Status:" in html]
    assert len(bodies) == 2
    for html in bodies:
        assert "<script" not in html and "<img" not in html and "javascript:" not in html
        assert "&lt;script&gt;" in html
    titles = [el for name, el in elements if name == "title" and el.text.startswith("Outage")]
    assert [(t.text, t.get("type")) for t in titles] == [(f"Outage {SCRIPT}", None)]


def test_markup_stays_a_plain_string_in_json(hostile: dict[str, bytes]) -> None:
    incident = document(hostile, "api/v2/summary.json")["incidents"][0]
    assert incident["name"] == f"Outage {SCRIPT}"
    assert incident["frontdesk"]["cause"] == SCRIPT
    assert incident["components"][0]["name"] == f"API {SCRIPT} & co"
    validator("summary_document").validate(document(hostile, "api/v2/summary.json"))


def test_markup_is_escaped_in_badges_and_calendars(hostile: dict[str, bytes]) -> None:
    svg = ET.fromstring(hostile["badges/components/api.svg"])
    assert not [el for el in svg.iter() if el.tag.endswith("script")]
    assert svg.get("aria-label") == f"API {SCRIPT} & co: Partial outage"
    [event] = Calendar.from_ical(hostile["status/maintenance.ics"]).walk("VEVENT")
    assert str(event["SUMMARY"]) == SCRIPT
    assert iso(event.decoded("DTSTART")) == "2026-11-23T09:00:00.000Z"
