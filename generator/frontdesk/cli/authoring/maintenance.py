"""Scheduling maintenance windows, posting their progress, and cancelling them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from frontdesk.cli.authoring.document import (
    Document,
    Text,
    as_flow,
    as_moment,
    as_texts,
    default_text,
    has_text,
)
from frontdesk.cli.authoring.errors import AuthoringError
from frontdesk.cli.authoring.paths import StatusPaths
from frontdesk.cli.authoring.store import Written, read_maintenance, write_maintenance
from frontdesk.cli.authoring.values import ahead_hint, derive_id, utc
from frontdesk.content.loading.status_files import MAINTENANCE_FIELDS
from frontdesk.content.models import Maintenance, MaintenanceStatus

HEADER = """\
Maintenance window {id}. What each field means: frontdesk maintenance new --help.
Next: frontdesk maintenance update {id} (or edit by hand, then frontdesk check)"""


@dataclass(frozen=True)
class NewMaintenance:
    title: Text  # one text for every language, or one per language code
    components: list[str]
    start: datetime
    end: datetime
    description: Text
    message: Text = ""  # an optional first `scheduled` update, posted at `announced`
    announced: datetime | None = None


def create_maintenance(
    paths: StatusPaths, entry: NewMaintenance, window_id: str | None = None
) -> Written:
    """Write content/status/maintenance/<id>.yml; the id is derived from start and title."""
    target = paths.new_file(
        "maintenance", window_id, derive_id(entry.start, default_text(entry.title))
    )
    doc = Document.new(HEADER.format(id=target.stem))
    doc.set("title", as_texts(entry.title), MAINTENANCE_FIELDS)
    doc.set("components", as_flow(list(entry.components)), MAINTENANCE_FIELDS)
    doc.set("start", as_moment(entry.start), MAINTENANCE_FIELDS)
    doc.set("end", as_moment(entry.end), MAINTENANCE_FIELDS)
    doc.set("description", as_texts(entry.description), MAINTENANCE_FIELDS)
    if has_text(entry.message):
        announced = entry.announced or entry.start
        doc.append_update(announced, MaintenanceStatus.SCHEDULED.value, entry.message)
    write_maintenance(paths, target, doc.text())
    return _written(paths, target, "scheduled")


def update_maintenance(
    paths: StatusPaths, window_id: str, at: datetime, status: str, message: Text
) -> Written:
    """Post progress: scheduled, in_progress, verifying, or completed (which ends the window)."""
    statuses = [s.value for s in MaintenanceStatus]
    if status not in statuses:
        raise AuthoringError(f"status: expected one of {', '.join(statuses)}; got {status!r}")
    target = paths.maintenance(window_id)
    updatable_maintenance(paths, window_id, at)
    doc = Document.read(target)
    doc.append_update(at, status, message)
    write_maintenance(paths, target, doc.text())
    return _written(paths, target, status.replace("_", " "))


def cancel_maintenance(paths: StatusPaths, window_id: str, at: datetime, message: Text) -> Written:
    """Mark the window `cancelled: true` and say why in a last update.

    The update's status is `scheduled` when the work never began (nothing happened, so no other
    status is true), and `completed` when it is stopped part-way (the window is over, and no
    further update may follow).
    """
    target = paths.maintenance(window_id)
    current = updatable_maintenance(paths, window_id, at)
    shown = paths.show(target)
    if at >= current.end:
        raise AuthoringError(
            f"{shown}: the window ended at {utc(current.end)}; there is nothing left to cancel"
        )
    begun = at >= current.start or any(u.status != "scheduled" for u in current.updates)
    status = MaintenanceStatus.COMPLETED if begun else MaintenanceStatus.SCHEDULED
    doc = Document.read(target)
    doc.set("cancelled", True, MAINTENANCE_FIELDS)
    doc.append_update(at, status.value, message)
    write_maintenance(paths, target, doc.text())
    return _written(paths, target, "cancelled")


def updatable_maintenance(
    paths: StatusPaths, window_id: str, at: datetime, now: datetime | None = None
) -> Maintenance:
    """The window, if an update at `at` may follow its last one; else a refusal saying why
    (naming the last update's time as the likely mistake when it lies ahead of `now`)."""
    current = read_maintenance(paths, window_id)
    shown = paths.show(paths.maintenance(window_id))
    if current.cancelled:
        raise AuthoringError(
            f"{shown}: this maintenance was cancelled; no update may follow. "
            "Plan the work again as a new window"
        )
    last = current.updates[-1] if current.updates else None
    if last and last.status == MaintenanceStatus.COMPLETED.value:
        raise AuthoringError(
            f"{shown}: this maintenance was completed at {utc(last.at)}; no update may follow"
        )
    if last and at < last.at:
        raise AuthoringError(
            f"{shown}: updates: the new update at {utc(at)} would come before the last one, at "
            f"{utc(last.at)}; updates must be in time order"
            + ahead_hint(last.at, now, f"updates[{len(current.updates) - 1}].at")
        )
    return current


def _written(paths: StatusPaths, target: Path, what: str) -> Written:
    return Written(target, paths.show(target), f"Maintenance {target.stem}: {what}")
