"""The updates of an incident or maintenance window as Statuspage `incident_updates`.

Our files record each entry's component statuses once, not per update, so each update's
`affected_components` is derived: an incident holds its components until it is resolved, a
maintenance window while an update says it is under way.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from frontdesk.content.models import ComponentStatus, Incident, IncidentStatus, MaintenanceStatus
from frontdesk.status.machine.common import Entry, iso
from frontdesk.status.view import StatusView

JSON = dict[str, Any]
ACTIVE_MAINTENANCE = (MaintenanceStatus.IN_PROGRESS.value, MaintenanceStatus.VERIFYING.value)


def update_objects(view: StatusView, entry: Entry) -> list[JSON]:
    """The updates newest first; each says how it moved the entry's components."""
    affected = _affected_statuses(entry)
    before = {cid: ComponentStatus.OPERATIONAL.value for cid in affected}
    objects = []
    for number, update in enumerate(entry.updates, start=1):
        holds = _holds_components(entry, update.status)
        after = {
            cid: s if holds else ComponentStatus.OPERATIONAL.value for cid, s in affected.items()
        }
        objects.append(
            {
                "id": f"{entry.id}-{number}",
                "incident_id": entry.id,
                "status": update.status,
                "body": update.message.strip(),
                "created_at": iso(update.at),
                "updated_at": iso(update.at),
                "display_at": iso(update.at),
                "affected_components": list(_changes(view, before, after)),
            }
        )
        before = after
    return objects[::-1]


def _affected_statuses(entry: Entry) -> dict[str, str]:
    if isinstance(entry, Incident):
        return {cid: status.value for cid, status in entry.affected}
    return {cid: ComponentStatus.UNDER_MAINTENANCE.value for cid in entry.component_ids}


def _holds_components(entry: Entry, update_status: str) -> bool:
    """Incidents hold their components until resolved; maintenance only while under way."""
    if isinstance(entry, Incident):
        return update_status != IncidentStatus.RESOLVED.value
    return update_status in ACTIVE_MAINTENANCE


def _changes(view: StatusView, before: dict[str, str], after: dict[str, str]) -> Iterable[JSON]:
    for cid, new in after.items():
        yield {
            "code": cid,
            "name": view.component_name(cid),
            "old_status": before[cid],
            "new_status": new,
        }
