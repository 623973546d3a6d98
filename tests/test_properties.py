"""Properties that hold for any valid status content, checked on random content.

Models are built directly (no YAML) except in one property that writes the random content as
files and loads it back. Uptime is compared with a reference written here differently from the
product's: the union of major-outage time counted fully, plus the part of the union of partial
and major outage time that is not major, counted at 30%.
"""

from __future__ import annotations

import json
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import feedparser
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontdesk.content.loading import load_status
from frontdesk.content.models import (
    STATUS_FOR_IMPACT,
    Catalog,
    Component,
    ComponentGroup,
    ComponentStatus,
    Impact,
    Incident,
    IncidentComponentStatus,
    IncidentStatus,
    Maintenance,
    MaintenanceStatus,
    StatusContent,
    Update,
)
from frontdesk.site.markup import markdown_renderer
from frontdesk.site.rendering import Renderer
from frontdesk.status import state as status_logic
from frontdesk.status.machine import SiteInfo, machine_readable_files
from frontdesk.status.view import StatusView

UTC = UTC
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
SITE = SiteInfo("T", "https://t.example/")
MARKDOWN = markdown_renderer()
RENDERER = Renderer(MARKDOWN)
PROPERTY_SETTINGS = settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

# Text as people type it: any script, punctuation and spaces; no control characters (YAML
# refuses most of them) and never blank, which the loader refuses.
TEXT = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp")),
    min_size=1,
    max_size=20,
).filter(str.strip)
MINUTE = timedelta(minutes=1)


def minutes_before_now(most: int) -> st.SearchStrategy[datetime]:
    return st.integers(0, most).map(lambda m: NOW - m * MINUTE)


@st.composite
def catalogs(draw: st.DrawFn) -> Catalog:
    count = draw(st.integers(1, 5))
    ids = [f"c{n}" for n in range(count)]
    cuts = sorted(draw(st.sets(st.integers(1, count - 1), max_size=2))) if count > 1 else []
    groups = []
    for first, last in zip([0, *cuts], [*cuts, count]):
        name = draw(TEXT)
        members = tuple(
            Component(cid, draw(TEXT), draw(st.one_of(st.just(""), TEXT)), name)
            for cid in ids[first:last]
        )
        groups.append(ComponentGroup(name, members))
    return Catalog(tuple(groups))


@st.composite
def incidents(draw: st.DrawFn, catalog: Catalog, iid: str) -> Incident:
    ids = [c.id for c in catalog.components]
    impact = draw(st.sampled_from(Impact))
    chosen = draw(st.lists(st.sampled_from(ids), min_size=1, unique=True))
    if draw(st.booleans()):  # a list of ids: the impact implies each status
        affected = tuple((cid, STATUS_FOR_IMPACT[impact]) for cid in chosen)
    else:  # a mapping of id -> status
        statuses = st.sampled_from(IncidentComponentStatus)
        affected = tuple((cid, ComponentStatus(draw(statuses).value)) for cid in chosen)
    # Up to 120 days back, so some incidents start before the 90-day uptime window.
    started = draw(minutes_before_now(120 * 24 * 60))
    span = int((NOW - started) / MINUTE)
    offsets = sorted(draw(st.lists(st.integers(0, span), min_size=1, max_size=4)))
    resolved = draw(st.booleans())
    open_statuses = st.sampled_from([s.value for s in IncidentStatus if s.value != "resolved"])
    statuses = [draw(open_statuses) for _ in offsets]
    if resolved:
        statuses[-1] = IncidentStatus.RESOLVED.value
    updates = tuple(
        Update(started + offset * MINUTE, status, draw(TEXT))
        for offset, status in zip(offsets, statuses)
    )
    # A promised time may be past, but never before the start: the loader refuses that.
    later = st.integers(-min(span, 24 * 60), 24 * 60).map(lambda m: NOW + m * MINUTE)
    eta = draw(st.one_of(st.none(), later))
    next_update = None if resolved else draw(st.one_of(st.none(), later))
    if eta is None and not resolved and next_update is None:  # `eta: unknown` needs one
        next_update = draw(later)
    optional = st.one_of(st.just(""), TEXT)
    return Incident(
        id=iid, source=f"content/status/incidents/{iid}.yml", title=draw(TEXT), impact=impact,
        affected=affected, started=started, updates=updates,
        cause=draw(TEXT) if not resolved else draw(optional),
        eta=eta, next_update=next_update,
        prevention=draw(TEXT) if not resolved else draw(optional),
        apology=draw(optional), compensation=draw(optional),
        postmortem=draw(optional) if resolved else "",
    )  # fmt: skip


@st.composite
def windows(draw: st.DrawFn, catalog: Catalog, mid: str) -> Maintenance:
    ids = [c.id for c in catalog.components]
    start = NOW + draw(st.integers(-10 * 24 * 60, 10 * 24 * 60)) * MINUTE
    end = start + draw(st.integers(1, 24 * 60)) * MINUTE
    count = draw(st.integers(0, 3))
    times = sorted(draw(st.lists(st.integers(-3 * 24 * 60, 0), min_size=count, max_size=count)))
    statuses = sorted(  # in their natural order, `completed` (if any) last
        draw(st.lists(st.sampled_from(list(MaintenanceStatus)), min_size=count, max_size=count,
                      unique=True)),
        key=lambda s: s.rank,
    )  # fmt: skip
    updates = tuple(
        Update(min(start, NOW) + t * MINUTE, s.value, draw(TEXT)) for t, s in zip(times, statuses)
    )
    return Maintenance(
        id=mid, source=f"content/status/maintenance/{mid}.yml", title=draw(TEXT),
        component_ids=tuple(draw(st.lists(st.sampled_from(ids), min_size=1, unique=True))),
        start=start, end=end, description=draw(TEXT), updates=updates,
        cancelled=draw(st.booleans()),
    )  # fmt: skip


@st.composite
def contents(draw: st.DrawFn) -> StatusContent:
    catalog = draw(catalogs())
    found = [draw(incidents(catalog, f"incident-{n}")) for n in range(draw(st.integers(0, 6)))]
    planned = [draw(windows(catalog, f"window-{n}")) for n in range(draw(st.integers(0, 3)))]
    return StatusContent(
        catalog,
        tuple(sorted(found, key=lambda i: (i.started, i.id))),
        tuple(sorted(planned, key=lambda m: (m.start, m.id))),
    )


# --- references, written independently of frontdesk.status ---------------------------------


def union_seconds(spans: list[tuple[datetime, datetime]]) -> float:
    total, reach = 0.0, None
    for start, end in sorted(spans):
        if reach is None or start > reach:
            total += (end - start).total_seconds()
            reach = end
        elif end > reach:
            total += (end - reach).total_seconds()
            reach = end
    return total


def reference_uptime(content: StatusContent, component_id: str, now: datetime) -> float:
    window_start = datetime.combine(now.date() - timedelta(days=89), datetime.min.time(), UTC)
    major, heavy = [], []  # heavy: partial or major
    for incident in content.incidents:
        for cid, status in incident.affected:
            if cid != component_id or status.rank < ComponentStatus.PARTIAL_OUTAGE.rank:
                continue
            end = incident.updates[-1].at if incident.resolved else now
            start, end = max(incident.started, window_start), min(end, now)
            if start < end:
                heavy.append((start, end))
                if status is ComponentStatus.MAJOR_OUTAGE:
                    major.append((start, end))
    down = union_seconds(major) + 0.3 * (union_seconds(heavy) - union_seconds(major))
    return max(0.0, 100 * (1 - down / (now - window_start).total_seconds()))


def reference_statuses(content: StatusContent, now: datetime) -> dict[str, ComponentStatus]:
    order = list(ComponentStatus)
    current = {c.id: ComponentStatus.OPERATIONAL for c in content.catalog.components}
    for window in content.maintenance:
        finished = bool(window.updates) and window.updates[-1].status == "completed"
        if not window.cancelled and window.start <= now < window.end and not finished:
            for cid in window.component_ids:
                current[cid] = ComponentStatus.UNDER_MAINTENANCE
    for incident in content.incidents:
        if incident.updates[-1].status != "resolved":
            for cid, status in incident.affected:
                current[cid] = max(current[cid], status, key=order.index)
    return current


def entry_url(kind: str, entry_id: str) -> str:
    return f"{SITE.url}status/{kind}/{entry_id}/"


# --- properties ---------------------------------------------------------------------------------


def test_a_failing_example_can_be_rerun(pytestconfig: pytest.Config) -> None:
    """The properties inherit conftest.py's profile: the same examples each run, and the blob."""
    if pytestconfig.getoption("--hypothesis-profile", None):
        pytest.skip("a Hypothesis profile was chosen on the command line")
    assert PROPERTY_SETTINGS.derandomize and PROPERTY_SETTINGS.print_blob


@PROPERTY_SETTINGS
@given(contents())
def test_every_entry_is_published_exactly_once(content: StatusContent) -> None:
    view = StatusView(content, NOW)
    history = [entry.id for entry in view.history]
    expected = [i.id for i in content.incidents] + [m.id for m in content.maintenance]
    assert sorted(history) == sorted(expected) and len(set(history)) == len(history)

    files = machine_readable_files(view, SITE, MARKDOWN)
    listed = [i["id"] for i in json.loads(files["api/v2/incidents.json"])["incidents"]]
    assert sorted(listed) == sorted(i.id for i in content.incidents)

    feed = feedparser.parse(files["status/feed.atom"])
    assert not feed.bozo, feed.get("bozo_exception")
    links = [entry.link for entry in feed.entries]
    for incident in content.incidents:
        assert links.count(entry_url("incidents", incident.id)) == 1, incident.id
    for window in content.maintenance:
        assert links.count(entry_url("maintenance", window.id)) == 1, window.id
    assert len(links) == len(expected)


@PROPERTY_SETTINGS
@given(contents())
def test_overall_status_is_the_worst_current_component_status(content: StatusContent) -> None:
    expected = reference_statuses(content, NOW)
    assert status_logic.component_statuses(content, NOW) == expected
    worst = max(expected.values(), key=list(ComponentStatus).index)
    assert status_logic.overall_status(content, NOW) is worst
    assert StatusView(content, NOW).overall is worst


@PROPERTY_SETTINGS
@given(contents())
def test_resolved_incidents_are_neither_active_nor_in_the_banner(content: StatusContent) -> None:
    view = StatusView(content, NOW)
    active = status_logic.active_incidents(content)
    banner = RENDERER.banner(view)
    for incident in content.incidents:
        link = f'href="/status/incidents/{incident.id}/"'
        if incident.resolved:
            assert incident not in active
            assert link not in banner, incident.id
        else:
            assert incident in active
            assert banner.count(link) == 1, incident.id
    assert [i.impact.rank for i in active] == sorted((i.impact.rank for i in active), reverse=True)


@PROPERTY_SETTINGS
@given(contents())
def test_uptime_matches_the_reference(content: StatusContent) -> None:
    for component in content.catalog.components:
        result = status_logic.uptime(content, component.id, NOW)
        assert 0.0 <= result.percent <= 100.0
        assert result.percent == pytest.approx(reference_uptime(content, component.id, NOW))
        assert len(result.days) == 90 and result.days[-1].day == NOW.date()
        assert all(0.0 <= d.percent <= 100.0 for d in result.days if d.percent is not None)


# --- through YAML files and back -----------------------------------------------------------


def iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def incident_yaml(incident: Incident) -> dict:
    implied = all(status is STATUS_FOR_IMPACT[incident.impact] for _, status in incident.affected)
    document: dict = {
        "title": incident.title,
        "impact": incident.impact.value,
        "components": [cid for cid, _ in incident.affected] if implied
        else {cid: status.value for cid, status in incident.affected},
        "started": iso(incident.started),
    }  # fmt: skip
    for key in ("cause", "prevention", "apology", "compensation"):
        if getattr(incident, key):
            document[key] = getattr(incident, key)
    if incident.eta:
        document["eta"] = iso(incident.eta)
    elif not incident.resolved:
        document["eta"] = "unknown"
    if incident.next_update:
        document["next_update"] = iso(incident.next_update)
    document["updates"] = [
        {"at": iso(u.at), "status": u.status, "message": u.message} for u in incident.updates
    ]
    if incident.postmortem:
        document["postmortem"] = incident.postmortem
    return document


def component_yaml(component: Component) -> dict:
    described = {"description": component.description} if component.description else {}
    return {"id": component.id, "name": component.name, **described}


def window_yaml(window: Maintenance) -> dict:
    document: dict = {
        "title": window.title, "components": list(window.component_ids),
        "start": iso(window.start), "end": iso(window.end), "description": window.description,
    }  # fmt: skip
    if window.updates:
        document["updates"] = [
            {"at": iso(u.at), "status": u.status, "message": u.message} for u in window.updates
        ]
    if window.cancelled:
        document["cancelled"] = True
    return document


def write_yaml(path: Path, document: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), "utf-8")


@settings(PROPERTY_SETTINGS, max_examples=40)
@given(contents())
def test_content_written_as_yaml_loads_back_unchanged(content: StatusContent) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        status = root / "content" / "status"
        groups = [
            {"name": g.name, "components": [component_yaml(c) for c in g.components]}
            for g in content.catalog.groups
        ]
        write_yaml(status / "components.yml", {"groups": groups})
        for incident in content.incidents:
            write_yaml(status / "incidents" / f"{incident.id}.yml", incident_yaml(incident))
        for window in content.maintenance:
            write_yaml(status / "maintenance" / f"{window.id}.yml", window_yaml(window))
        loaded = load_status(root / "content", root)
    assert loaded == content
