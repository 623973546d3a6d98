"""The status logic at fixed moments, with uptime figures computed by hand."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

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
from frontdesk.status import state as st

UTC = UTC
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
CATALOG = Catalog(
    (
        ComponentGroup(
            "Core",
            (Component("sign-in", "Sign-in", "", "Core"), Component("api", "API", "", "Core")),
        ),
    )
)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC)


def incident(
    iid: str, start: datetime, end: datetime | None, status: ComponentStatus,
    impact: Impact = Impact.MAJOR, component: str = "sign-in",
) -> Incident:  # fmt: skip
    updates = [Update(start, "investigating", "Looking.")]
    if end:
        updates.append(Update(end, "resolved", "Fixed."))
    return Incident(iid, f"{iid}.yml", iid, impact, ((component, status),), start, tuple(updates))


def window(mid: str, start: datetime, end: datetime, **kwargs) -> Maintenance:
    return Maintenance(mid, f"{mid}.yml", mid, ("api",), start, end, "Work.", **kwargs)


def content(*incidents: Incident, maintenance: tuple[Maintenance, ...] = ()) -> StatusContent:
    return StatusContent(CATALOG, tuple(incidents), maintenance)


class TestUptime:
    def test_statuspage_weights_and_overlap_counted_once(self) -> None:
        data = content(
            incident("a", at(20, 10), at(20, 11), ComponentStatus.MAJOR_OUTAGE),
            incident(
                "b", at(20, 10, 30), at(20, 11, 30), ComponentStatus.MAJOR_OUTAGE
            ),  # overlaps a
            incident("c", at(21, 0), at(21, 2), ComponentStatus.PARTIAL_OUTAGE),
            incident("d", at(22, 0), at(22, 5), ComponentStatus.DEGRADED_PERFORMANCE),
        )
        result = st.uptime(data, "sign-in", NOW)
        # Window: 2026-08-26 00:00 to now = 89 days 12 hours = 7,732,800 s.
        # Down: a+b union 10:00-11:30 = 5,400 s; c 7,200 s at 30% = 2,160 s; d counts 0.
        assert result.percent == pytest.approx(100 * (1 - 7560 / 7_732_800))
        days = {d.day.isoformat(): d for d in result.days}
        assert len(result.days) == 90 and result.days[0].day.isoformat() == "2026-08-26"
        assert days["2026-11-20"].percent == pytest.approx(93.75)  # 5,400 of 86,400 s
        assert days["2026-11-21"].percent == pytest.approx(97.5)  # 2,160 of 86,400 s
        assert days["2026-11-22"].percent == 100.0
        assert [i.id for i in days["2026-11-20"].incidents] == ["a", "b"]
        assert days["2026-11-22"].worst is ComponentStatus.DEGRADED_PERFORMANCE
        assert (
            days["2026-11-19"].incidents == ()
            and days["2026-11-19"].worst is ComponentStatus.OPERATIONAL
        )

    def test_unresolved_incident_counts_until_now(self) -> None:
        data = content(incident("open", at(23, 11), None, ComponentStatus.MAJOR_OUTAGE))
        today = st.uptime(data, "sign-in", NOW).days[-1]
        assert today.percent == pytest.approx(100 * (1 - 3600 / 43200))  # 1 h of the 12 h so far

    def test_heavier_status_wins_where_incidents_overlap(self) -> None:
        spans = [(at(20, 10), at(20, 12), 0.3), (at(20, 11), at(20, 11, 30), 1.0)]
        # 90 min at 30% (27 min) + 30 min in full = 57 min.
        assert st.weighted_downtime(spans, at(20, 0), at(21, 0)) == pytest.approx(57 * 60)

    def test_other_components_and_old_incidents_do_not_count(self) -> None:
        data = content(
            incident("api", at(20, 10), at(20, 11), ComponentStatus.MAJOR_OUTAGE, component="api"),
            incident(
                "old",
                datetime(2026, 1, 1, tzinfo=UTC),
                datetime(2026, 1, 2, tzinfo=UTC),
                ComponentStatus.MAJOR_OUTAGE,
            ),
        )
        assert st.uptime(data, "sign-in", NOW).percent == 100.0


class TestCurrentStatus:
    def test_worst_active_status_per_component_and_overall(self) -> None:
        data = content(
            incident("minor", at(23, 9), None, ComponentStatus.DEGRADED_PERFORMANCE, Impact.MINOR),
            incident("major", at(23, 10), None, ComponentStatus.PARTIAL_OUTAGE),
            incident("past", at(20, 9), at(20, 10), ComponentStatus.MAJOR_OUTAGE, Impact.CRITICAL),
        )
        assert st.component_statuses(data, NOW) == {
            "sign-in": ComponentStatus.PARTIAL_OUTAGE,
            "api": ComponentStatus.OPERATIONAL,
        }
        assert st.overall_status(data, NOW) is ComponentStatus.PARTIAL_OUTAGE
        assert [i.id for i in st.active_incidents(data)] == ["major", "minor"]

    def test_maintenance_in_progress_marks_component_unless_an_incident_is_worse(self) -> None:
        data = content(maintenance=(window("m", at(23, 11), at(23, 13)),))
        assert st.component_statuses(data, NOW)["api"] is ComponentStatus.UNDER_MAINTENANCE
        assert st.overall_status(data, NOW) is ComponentStatus.UNDER_MAINTENANCE
        worse = content(
            incident("x", at(23, 11), None, ComponentStatus.MAJOR_OUTAGE, component="api"),
            maintenance=(window("m", at(23, 11), at(23, 13)),),
        )
        assert st.component_statuses(worse, NOW)["api"] is ComponentStatus.MAJOR_OUTAGE

    def test_nothing_wrong_is_operational(self) -> None:
        assert st.overall_status(content(), NOW) is ComponentStatus.OPERATIONAL


class TestMaintenance:
    @pytest.mark.parametrize(
        ("start", "end", "kwargs", "phase", "api_status"),
        [
            (at(24, 2), at(24, 4), {}, st.Phase.UPCOMING, "scheduled"),
            (at(23, 11), at(23, 13), {}, st.Phase.IN_PROGRESS, "in_progress"),
            (at(23, 11), at(23, 13), {"updates": (Update(at(23, 11, 50), "verifying", "Checking."),)}, st.Phase.IN_PROGRESS, "verifying"),
            (at(23, 11), at(23, 13), {"updates": (Update(at(23, 11, 50), "completed", "Done early."),)}, st.Phase.COMPLETED, "completed"),
            (at(22, 2), at(22, 4), {}, st.Phase.COMPLETED, "completed"),
            (at(24, 2), at(24, 4), {"cancelled": True}, st.Phase.CANCELLED, "completed"),
        ],
    )  # fmt: skip
    def test_phase_by_time(self, start, end, kwargs, phase, api_status) -> None:
        m = window("m", start, end, **kwargs)
        assert st.maintenance_phase(m, NOW) is phase
        assert st.maintenance_status(m, NOW).value == api_status

    def test_lookahead_limits_upcoming_soon(self) -> None:
        soon = window("soon", NOW + timedelta(days=2), NOW + timedelta(days=2, hours=2))
        later = window("later", NOW + timedelta(days=5), NOW + timedelta(days=5, hours=2))
        data = content(maintenance=(soon, later))
        assert [m.id for m in st.upcoming_soon(data, NOW, timedelta(days=3))] == ["soon"]


class TestTimeNotices:
    def test_overdue_update_passed_eta_and_missed_next_update(self) -> None:
        late = Incident(
            "late", "late.yml", "Late", Impact.MAJOR, (("api", ComponentStatus.PARTIAL_OUTAGE),),
            at(23, 8), (Update(at(23, 9), "identified", "Found."),),
            eta=at(23, 11), next_update=at(23, 10),
        )  # fmt: skip
        notices = [str(n) for n in st.time_notices(content(late), NOW, timedelta(minutes=60))]
        assert notices == [
            "late.yml: updates: last update was 3 hours ago; customers are owed a new update",
            "late.yml: eta: the expected restoration time 2026-11-23 11:00 UTC has passed",
            "late.yml: next_update: the promised update at 2026-11-23 10:00 UTC is overdue",
        ]

    def test_resolved_and_fresh_incidents_raise_no_notice(self) -> None:
        data = content(
            incident("done", at(20, 9), at(20, 10), ComponentStatus.MAJOR_OUTAGE),
            incident("fresh", at(23, 11, 30), None, ComponentStatus.MAJOR_OUTAGE),
        )
        assert st.time_notices(data, NOW, timedelta(minutes=60)) == []
