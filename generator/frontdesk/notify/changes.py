"""What changed between two published states, one change per thing a customer should hear."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from enum import Enum

from frontdesk.notify.states import JSON, StatusState, parse_time

EXTRA = "frontdesk"  # Frontdesk's own fields in a Statuspage object
UNDER_WAY = ("in_progress", "verifying")


class ChangeKind(Enum):
    NEW_INCIDENT = "New incident"
    INCIDENT_UPDATE = "New update"
    RESOLVED = "Resolved"
    POSTMORTEM = "What happened and what we are changing"
    MAINTENANCE_SCHEDULED = "Maintenance planned"
    MAINTENANCE_REMINDER = "Maintenance starts soon"
    MAINTENANCE_STARTED = "Maintenance started"
    MAINTENANCE_UPDATE = "Maintenance update"
    MAINTENANCE_COMPLETED = "Maintenance completed"
    MAINTENANCE_CANCELLED = "Maintenance cancelled"


@dataclass(frozen=True)
class Change:
    kind: ChangeKind
    entry: JSON  # the incident or maintenance window as the new state publishes it
    update: JSON | None  # the update this change is about, if any
    state: StatusState  # the new state
    starts_soon: bool = False  # a window planned to start within the reminder's hours

    @property
    def is_incident(self) -> bool:
        return self.entry.get("impact") != "maintenance"

    @property
    def component_ids(self) -> set[str]:
        return {component["id"] for component in self.entry.get("components", [])}

    @property
    def key(self) -> tuple[str, str, str]:
        """When it happened, then what: the order messages go out in."""
        at = self.update["created_at"] if self.update else self.state.page["updated_at"]
        return (at, self.entry["id"], self.update["id"] if self.update else self.kind.name)


def status_changes(
    previous: StatusState, current: StatusState, reminder_hours: int
) -> list[Change]:
    """Every change from `previous` to `current`, oldest first. The same two states always give
    the same changes; no clock is read (a reminder compares the two states' build times)."""
    changes = [
        *_incident_changes(previous, current),
        *_maintenance_changes(previous, current, timedelta(hours=reminder_hours)),
    ]
    return sorted(changes, key=lambda change: change.key)


def _incident_changes(previous: StatusState, current: StatusState) -> list[Change]:
    before = {incident["id"]: incident for incident in previous.incidents}
    changes = []
    for incident in current.incidents:
        old = before.get(incident["id"])
        new_updates = _new_updates(old, incident)
        for update in new_updates:
            if old is None and update is new_updates[0]:
                kind = ChangeKind.NEW_INCIDENT
            elif update["status"] == "resolved":
                kind = ChangeKind.RESOLVED
            else:
                kind = ChangeKind.INCIDENT_UPDATE
            changes.append(Change(kind, incident, update, current))
        if old and _extra(incident, "postmortem") and not _extra(old, "postmortem"):
            changes.append(Change(ChangeKind.POSTMORTEM, incident, None, current))
    return changes


def _maintenance_changes(
    previous: StatusState, current: StatusState, reminder: timedelta
) -> list[Change]:
    before = {window["id"]: window for window in previous.maintenance}
    changes = []
    for window in current.maintenance:
        old = before.get(window["id"])
        new_updates = _new_updates(old, window)
        newest = new_updates[-1] if new_updates else None
        transition = _transition(old, window)
        if transition is not None:
            soon = _starts_within(window, current, reminder)
            changes.append(Change(transition, window, newest, current, soon))
            new_updates = new_updates[:-1]
        if (
            old is not None
            and transition is None
            and _reminder_due(window, previous, current, reminder)
        ):
            changes.append(Change(ChangeKind.MAINTENANCE_REMINDER, window, None, current))
        if old is not None:
            changes += [
                Change(ChangeKind.MAINTENANCE_UPDATE, window, u, current) for u in new_updates
            ]
    return changes


def _new_updates(old: JSON | None, entry: JSON) -> list[JSON]:
    """The entry's updates the old state did not have, oldest first."""
    seen = {update["id"] for update in old["incident_updates"]} if old else set()
    return [u for u in reversed(entry["incident_updates"]) if u["id"] not in seen]


def _transition(old: JSON | None, window: JSON) -> ChangeKind | None:
    status, was = window["status"], old["status"] if old else None
    cancelled = bool(_extra(window, "cancelled"))
    if status == was and cancelled == bool(old and _extra(old, "cancelled")):
        return None
    if cancelled:
        return ChangeKind.MAINTENANCE_CANCELLED
    if status == "scheduled":
        return ChangeKind.MAINTENANCE_SCHEDULED if old is None else None
    if status in UNDER_WAY:
        return None if was in UNDER_WAY else ChangeKind.MAINTENANCE_STARTED
    if status == "completed":
        return ChangeKind.MAINTENANCE_COMPLETED if old is not None else None  # old history
    return None


def _reminder_due(
    window: JSON, previous: StatusState, current: StatusState, reminder: timedelta
) -> bool:
    if window["status"] != "scheduled" or _extra(window, "cancelled"):
        return False
    start = parse_time(window["scheduled_for"])
    return _starts_within(window, current, reminder) and start - previous.moment > reminder


def _starts_within(window: JSON, state: StatusState, span: timedelta) -> bool:
    return parse_time(window["scheduled_for"]) - state.moment <= span


def _extra(entry: JSON, name: str) -> object:
    return (entry.get(EXTRA) or {}).get(name)
