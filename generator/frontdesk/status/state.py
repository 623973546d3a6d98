"""What the status is at a given moment: pure functions over the models and an explicit `now`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import Enum

from frontdesk.content.errors import Problem
from frontdesk.content.models import (
    ComponentStatus,
    Incident,
    Maintenance,
    MaintenanceStatus,
    StatusContent,
)

# Statuspage counts a minute of partial outage as 30% down, degraded performance not at all.
DOWNTIME_WEIGHT = {
    ComponentStatus.MAJOR_OUTAGE: 1.0,
    ComponentStatus.PARTIAL_OUTAGE: 0.3,
}
UPTIME_DAYS = 90


class Phase(str, Enum):
    """Where a maintenance window stands at a moment, judged by its times."""

    UPCOMING = "upcoming"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


def active_incidents(content: StatusContent) -> list[Incident]:
    """Unresolved incidents, worst impact first, then the most recently started."""
    active = [i for i in content.incidents if not i.resolved]
    return sorted(active, key=lambda i: (-i.impact.rank, -i.started.timestamp(), i.id))


def maintenance_phase(window: Maintenance, now: datetime) -> Phase:
    if window.cancelled:
        return Phase.CANCELLED
    if now < window.start:
        return Phase.UPCOMING
    if now < window.end and not _finished_early(window):
        return Phase.IN_PROGRESS
    return Phase.COMPLETED


def maintenance_status(window: Maintenance, now: datetime) -> MaintenanceStatus:
    """The Statuspage-style status: the times decide, a verifying update refines in_progress."""
    phase = maintenance_phase(window, now)
    if phase is Phase.UPCOMING or phase is Phase.CANCELLED:
        return (
            MaintenanceStatus.SCHEDULED if phase is Phase.UPCOMING else MaintenanceStatus.COMPLETED
        )
    if phase is Phase.COMPLETED:
        return MaintenanceStatus.COMPLETED
    last = window.updates[-1].status if window.updates else ""
    return MaintenanceStatus.VERIFYING if last == "verifying" else MaintenanceStatus.IN_PROGRESS


def _finished_early(window: Maintenance) -> bool:
    return bool(window.updates) and window.updates[-1].status == MaintenanceStatus.COMPLETED.value


def maintenance_in(content: StatusContent, now: datetime, *phases: Phase) -> list[Maintenance]:
    return [m for m in content.maintenance if maintenance_phase(m, now) in phases]


def upcoming_soon(content: StatusContent, now: datetime, lookahead: timedelta) -> list[Maintenance]:
    """Scheduled windows that start within the look-ahead, soonest first."""
    return [m for m in maintenance_in(content, now, Phase.UPCOMING) if m.start - now <= lookahead]


def component_statuses(content: StatusContent, now: datetime) -> dict[str, ComponentStatus]:
    """Each component's current status: the worst any active incident gives it, else maintenance."""
    statuses = {c.id: ComponentStatus.OPERATIONAL for c in content.catalog.components}
    for window in maintenance_in(content, now, Phase.IN_PROGRESS):
        for cid in window.component_ids:
            statuses[cid] = ComponentStatus.UNDER_MAINTENANCE
    for incident in active_incidents(content):
        for cid, status in incident.affected:
            if status.rank > statuses[cid].rank:
                statuses[cid] = status
    return statuses


def overall_status(content: StatusContent, now: datetime) -> ComponentStatus:
    """The worst current component status."""
    statuses = component_statuses(content, now).values()
    return max(statuses, key=lambda s: s.rank, default=ComponentStatus.OPERATIONAL)


@dataclass(frozen=True)
class UptimeDay:
    day: date
    percent: float | None  # None for a day not yet begun
    incidents: tuple[Incident, ...]
    worst: ComponentStatus  # the worst status any incident gave the component that day


@dataclass(frozen=True)
class Uptime:
    component_id: str
    percent: float
    days: tuple[UptimeDay, ...]


def uptime(
    content: StatusContent, component_id: str, now: datetime, days: int = UPTIME_DAYS
) -> Uptime:
    """Uptime over the last `days` UTC days including today up to `now`, counted as Statuspage does."""
    today = now.astimezone(UTC).date()
    first = today - timedelta(days=days - 1)
    window_start = datetime(first.year, first.month, first.day, tzinfo=UTC)
    # Only this component's incidents that overlap the window matter: keeps years of history cheap.
    relevant = [
        i for i in content.incidents
        if i.started < now and (i.ended or now) > window_start and component_id in i.component_ids
    ]  # fmt: skip
    spans = list(_downtime_spans(relevant, component_id, now))
    per_day = []
    total_down = 0.0
    for offset in range(days):
        day_start = window_start + timedelta(days=offset)
        day_end = min(day_start + timedelta(days=1), now)
        down = weighted_downtime(spans, day_start, day_end)
        total_down += down
        length = (day_end - day_start).total_seconds()
        touching = tuple(
            i for i in relevant if i.started < day_end and (i.ended or now) > day_start
        )
        worst = max(
            (s for i in touching for cid, s in i.affected if cid == component_id),
            key=lambda s: s.rank,
            default=ComponentStatus.OPERATIONAL,
        )
        per_day.append(UptimeDay(day_start.date(), _percent(down, length), touching, worst))
    overall = _percent(total_down, (now - window_start).total_seconds())
    return Uptime(component_id, 100.0 if overall is None else overall, tuple(per_day))


def _percent(down: float, length: float) -> float | None:
    if length <= 0:
        return None
    return max(0.0, 100.0 * (1 - down / length))


def _downtime_spans(
    incidents: Iterable[Incident], component_id: str, now: datetime
) -> Iterable[tuple[datetime, datetime, float]]:
    for incident in incidents:
        for cid, status in incident.affected:
            weight = DOWNTIME_WEIGHT.get(status, 0.0)
            if cid == component_id and weight:
                yield incident.started, incident.ended or now, weight


def weighted_downtime(
    spans: list[tuple[datetime, datetime, float]], start: datetime, end: datetime
) -> float:
    """Seconds of downtime in [start, end); where incidents overlap, the heaviest counts once."""
    edges = {start, end}
    for s, e, _ in spans:
        if s < end and e > start:
            edges.update((max(s, start), min(e, end)))
    points = sorted(edges)
    down = 0.0
    for left, right in zip(points, points[1:]):
        weight = max((w for s, e, w in spans if s <= left and e >= right), default=0.0)
        down += weight * (right - left).total_seconds()
    return down


def promise_parts(incident: Incident, at: datetime) -> tuple[str | datetime, ...]:
    """How the restoration promise reads at moment `at`, as text and times to format.

    A passed ETA or a missed update is said plainly, never shown as if it were still the plan.
    Web pages render the times as <time> elements, the terminal as UTC text.
    """
    pending = bool(incident.next_update and incident.next_update > incident.last_updated)
    next_due = pending and at < incident.next_update
    if incident.eta and at < incident.eta:
        return ("Expected back by ", incident.eta, ".")
    if incident.eta:
        later = ("next update by ", incident.next_update, ".") if next_due else ("update overdue.",)
        return (
            "We expected service back by ",
            incident.eta,
            ". It is taking longer than we said; ",
            *later,
        )
    if next_due:
        return ("No restoration time yet; next update by ", incident.next_update, ".")
    if pending:
        return (
            "No restoration time yet, and the update we promised by ",
            incident.next_update,
            " is overdue.",
        )
    return ("No restoration time yet.",)


def time_notices(
    content: StatusContent, now: datetime, update_interval: timedelta
) -> list[Problem]:
    """Promises that time has overtaken: reported loudly, never fatal, so a fix can always deploy."""
    notices = []
    for incident in active_incidents(content):

        def notice(field: str, message: str, incident: Incident = incident) -> None:
            notices.append(Problem(incident.source, 0, field, message))

        silent = now - incident.last_updated
        if silent > update_interval:
            notice(
                "updates", f"last update was {_ago(silent)} ago; customers are owed a new update"
            )
        if incident.eta and incident.eta < now:
            notice(
                "eta", f"the expected restoration time {incident.eta:%Y-%m-%d %H:%M} UTC has passed"
            )
        if (
            incident.next_update
            and incident.next_update < now
            and incident.next_update > incident.last_updated
        ):
            notice(
                "next_update",
                f"the promised update at {incident.next_update:%Y-%m-%d %H:%M} UTC is overdue",
            )
    return notices


def _ago(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    count, unit = (minutes, "minute") if minutes < 120 else (minutes // 60, "hour")
    return f"{count} {unit}" + ("" if count == 1 else "s")
