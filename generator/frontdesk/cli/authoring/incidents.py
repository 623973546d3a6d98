"""Opening, updating, resolving and reviewing incidents, one validated file write each."""

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
from frontdesk.cli.authoring.store import Written, read_incident, write_incident
from frontdesk.cli.authoring.translations import refuse_lost_translations
from frontdesk.cli.authoring.values import UNKNOWN, ahead_hint, derive_id, utc
from frontdesk.content.loading.status_files import INCIDENT_FIELDS
from frontdesk.content.models import Incident, IncidentStatus

Eta = datetime | str  # a time, or "unknown"
OPEN_STATUSES = tuple(s.value for s in IncidentStatus if s is not IncidentStatus.RESOLVED)
HEADER = """\
Incident {id}. What each field means: frontdesk incident new --help.
Next: frontdesk incident update {id} (or edit by hand, then frontdesk check)"""


@dataclass(frozen=True)
class NewIncident:
    title: Text  # each text: one for every language, or one per language code
    impact: str
    components: list[str] | dict[str, str]
    started: datetime
    cause: Text
    eta: Eta
    prevention: Text
    message: Text
    next_update: datetime | None = None
    status: str = IncidentStatus.INVESTIGATING.value
    apology: Text = ""


@dataclass(frozen=True)
class IncidentChange:
    """An update, and what else it changes; None leaves a field as it is."""

    at: datetime
    status: str
    message: Text  # one text, or one per language code
    eta: Eta | None = None
    next_update: datetime | None = None
    cause: Text | None = None
    prevention: Text | None = None
    impact: str | None = None
    components: list[str] | dict[str, str] | None = None
    drop_translations: bool = False  # a text per language may become one text for all


def create_incident(
    paths: StatusPaths, entry: NewIncident, incident_id: str | None = None
) -> Written:
    """Write content/status/incidents/<id>.yml; the id is derived from date and title if not given."""
    if entry.status not in OPEN_STATUSES:
        raise AuthoringError(
            f"status: a new incident starts as one of {', '.join(OPEN_STATUSES)}; got {entry.status!r}"
        )
    title = default_text(entry.title)
    target = paths.new_file("incident", incident_id, derive_id(entry.started, title))
    doc = Document.new(HEADER.format(id=target.stem))
    values = {
        "title": as_texts(entry.title), "impact": entry.impact,
        "components": as_flow(entry.components), "started": as_moment(entry.started),
        "cause": as_texts(entry.cause), "eta": _eta(entry.eta),
        "next_update": as_moment(entry.next_update) if entry.next_update else None,
        "prevention": as_texts(entry.prevention),
        "apology": as_texts(entry.apology) if has_text(entry.apology) else None,
    }  # fmt: skip
    for key, value in values.items():
        if value is not None:
            doc.set(key, value, INCIDENT_FIELDS)
    doc.append_update(entry.started, entry.status, entry.message)
    write_incident(paths, target, doc.text())
    return _written(paths, target, f"opened, {entry.status}")


def update_incident(paths: StatusPaths, incident_id: str, change: IncidentChange) -> Written:
    """Append an update (not `resolved`: that is resolve_incident) and change what it changes."""
    if change.status not in OPEN_STATUSES:
        raise AuthoringError(
            f"status: an update is one of {', '.join(OPEN_STATUSES)}; got {change.status!r} "
            "(resolving an incident is its own step)"
        )
    target = paths.incident(incident_id)
    current = updatable_incident(paths, incident_id, change.at)
    eta = change.eta if change.eta is not None else (current.eta or UNKNOWN)
    if needs_next_update(current, change.at, eta) and change.next_update is None:
        raise AuthoringError(
            f"{paths.show(target)}: next_update: the restoration time is unknown, so say when "
            f"customers hear from us next (the last promise, {_promise(current)}, is not after "
            f"this update)"
        )
    doc = Document.read(target)
    changes = {
        "eta": _eta(change.eta) if change.eta is not None else None,
        "next_update": as_moment(change.next_update) if change.next_update else None,
        "cause": _replacing(doc, paths, target, "cause", change.cause, change.drop_translations),
        "prevention": _replacing(
            doc, paths, target, "prevention", change.prevention, change.drop_translations
        ),
        "impact": change.impact,
        "components": as_flow(change.components) if change.components else None,
    }
    for key, value in changes.items():
        if value is not None:
            doc.set(key, value, INCIDENT_FIELDS)
    doc.append_update(change.at, change.status, change.message)
    write_incident(paths, target, doc.text())
    return _written(paths, target, change.status)


AMENDABLE = ("prevention", "postmortem", "compensation", "apology")


def resolve_incident(
    paths: StatusPaths, incident_id: str, at: datetime, message: Text,
    drop_translations: bool = False, **texts: Text | None,
) -> Written:  # fmt: skip
    """Append the `resolved` update, setting any of AMENDABLE given with it (a postmortem is
    allowed from this update on)."""
    target = paths.incident(incident_id)
    updatable_incident(paths, incident_id, at)
    doc = Document.read(target)
    _set_texts(doc, paths, target, texts, drop_translations)
    doc.append_update(at, IncidentStatus.RESOLVED.value, message)
    write_incident(paths, target, doc.text())
    return _written(paths, target, "resolved")


def amend_incident(
    paths: StatusPaths, incident_id: str, drop_translations: bool = False, **texts: Text | None
) -> Written:
    """Replace what is known after the fact (AMENDABLE), resolved or not, with the same checks
    as any other edit: a postmortem still only once the incident is resolved."""
    target = paths.incident(incident_id)
    read_incident(paths, incident_id)
    given = {key: value for key, value in texts.items() if value is not None}
    if not given:
        raise AuthoringError(
            f"{paths.show(target)}: nothing to amend; give one or more of " + ", ".join(AMENDABLE)
        )
    doc = Document.read(target)
    _set_texts(doc, paths, target, given, drop_translations)
    write_incident(paths, target, doc.text())
    return _written(paths, target, "amended " + ", ".join(sorted(given)))


def _set_texts(
    doc: Document, paths: StatusPaths, target: Path, texts: dict[str, Text | None], drop: bool
) -> None:
    for key, value in texts.items():
        if key not in AMENDABLE:
            raise AuthoringError(f"{key}: not one of {', '.join(AMENDABLE)}")
        if value is None:
            continue
        if not has_text(value):
            raise AuthoringError(f"{paths.show(target)}: {key}: the text is empty")
        doc.set(key, _replacing(doc, paths, target, key, value, drop), INCIDENT_FIELDS)


def add_postmortem(
    paths: StatusPaths, incident_id: str, text: Text, drop_translations: bool = False
) -> Written:
    """Set the postmortem (replacing an earlier one); only once the incident is resolved."""
    target = paths.incident(incident_id)
    reviewable_incident(paths, incident_id)
    if not has_text(text):
        raise AuthoringError(f"{paths.show(target)}: postmortem: the text is empty")
    doc = Document.read(target)
    postmortem = _replacing(doc, paths, target, "postmortem", text, drop_translations)
    doc.set("postmortem", postmortem, INCIDENT_FIELDS)
    write_incident(paths, target, doc.text())
    return _written(paths, target, "postmortem")


def updatable_incident(
    paths: StatusPaths, incident_id: str, at: datetime, now: datetime | None = None
) -> Incident:
    """The incident, if an update at `at` may follow its last one; else a refusal saying why
    (naming the last update's time as the likely mistake when it lies ahead of `now`)."""
    current = read_incident(paths, incident_id)
    shown = paths.show(paths.incident(incident_id))
    if current.resolved:
        raise AuthoringError(
            f"{shown}: the incident was resolved at {utc(current.last_updated)}; no update may "
            "follow it. If the problem is back, open a new incident and mention this one"
        )
    if at < current.last_updated:
        raise AuthoringError(
            f"{shown}: updates: the new update at {utc(at)} would come before the last one, at "
            f"{utc(current.last_updated)}; updates must be in time order"
            + ahead_hint(current.last_updated, now, _latest_fields(current))
        )
    return current


def reviewable_incident(paths: StatusPaths, incident_id: str) -> Incident:
    """The incident, if it is resolved and so may have a postmortem; else a refusal."""
    current = read_incident(paths, incident_id)
    if not current.resolved:
        raise AuthoringError(
            f"{paths.show(paths.incident(incident_id))}: postmortem: the incident is not resolved "
            f"yet (its last update is {current.status.value!r}); resolve it first, then add the "
            "postmortem"
        )
    return current


def needs_next_update(current: Incident, at: datetime, eta: Eta) -> bool:
    """With no restoration time, customers are owed a time for the next update after this one."""
    unknown = isinstance(eta, str)
    return unknown and not (current.next_update and current.next_update > at)


def _eta(eta: Eta) -> object:
    if isinstance(eta, str):
        if eta != UNKNOWN:
            raise AuthoringError(f"eta: expected a date and time, or unknown; got {eta!r}")
        return UNKNOWN
    return as_moment(eta)


def _replacing(
    doc: Document, paths: StatusPaths, target: Path, key: str, value: Text | None, drop: bool
) -> object:
    """New text for `key` in the style of what it replaces; refused when it would lose a
    language's text, unless `drop` says so on purpose."""
    if value is None:
        return None
    refuse_lost_translations(doc.data.get(key), value, f"{paths.show(target)}: {key}", drop)
    return as_texts(value, like=doc.data.get(key))


def _latest_fields(current: Incident) -> str:
    last = len(current.updates) - 1
    if last == 0 and current.updates[0].at == current.started:
        return "started and updates[0].at"
    return f"updates[{last}].at"


def _promise(current: Incident) -> str:
    return utc(current.next_update) if current.next_update else "none"


def _written(paths: StatusPaths, target: Path, what: str) -> Written:
    return Written(target, paths.show(target), f"Incident {target.stem}: {what}")
