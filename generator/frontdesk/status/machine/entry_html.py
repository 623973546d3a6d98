"""An incident or maintenance window as one self-contained HTML fragment, for feed readers.

Markdown goes through the site's safe renderer; every other string is escaped here.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from frontdesk.content.models import Incident, Maintenance, Update
from frontdesk.status import state as st
from frontdesk.status.machine.common import Entry, readable_time
from frontdesk.status.view import StatusView

Markdown = Callable[[str], str]


def label(value: str) -> str:
    return value.replace("_", " ").capitalize()


def entry_html(view: StatusView, entry: Entry, markdown: Markdown) -> str:
    if isinstance(entry, Incident):
        parts = _incident_parts(view, entry, markdown)
    else:
        parts = _maintenance_parts(view, entry, markdown)
    return "\n".join(parts)


def _facts(*pairs: tuple[str, str]) -> str:
    """A line of labelled facts; both halves are plain text."""
    items = (f"<strong>{escape(name)}:</strong> {escape(value)}" for name, value in pairs)
    return "<p>" + "<br>\n".join(items) + "</p>"


def _section(title: str, markdown_text: str, markdown: Markdown) -> list[str]:
    if not markdown_text.strip():
        return []
    return [f"<h3>{escape(title)}</h3>", markdown(markdown_text)]


def _affected(view: StatusView, entry: Entry) -> str:
    if isinstance(entry, Incident):
        names = (f"{view.component_name(cid)} ({s.label.lower()})" for cid, s in entry.affected)
    else:
        names = (view.component_name(cid) for cid in entry.component_ids)
    return ", ".join(names) or "none"


def _incident_parts(view: StatusView, incident: Incident, markdown: Markdown) -> list[str]:
    times = [("Started", readable_time(incident.started))]
    if incident.ended:
        times.append(("Resolved", readable_time(incident.ended)))
    facts = _facts(
        ("Status", incident.status.label),
        ("Impact", incident.impact.label),
        ("Affected", _affected(view, incident)),
        *times,
    )
    return [
        facts,
        *_section("What went wrong", incident.cause, markdown),
        *_restoration(incident),
        *_section("So that it does not happen again", incident.prevention, markdown),
        *_section("Our apology", incident.apology, markdown),
        *_section("Compensation", incident.compensation, markdown),
        *_timeline(incident.updates, markdown),
        *_section("Postmortem", incident.postmortem, markdown),
    ]


def _restoration(incident: Incident) -> list[str]:
    pairs = []
    if incident.eta:
        pairs.append(("Expected back", readable_time(incident.eta)))
    elif not incident.resolved:
        pairs.append(("Expected back", "Not known yet"))
    if incident.next_update and not incident.resolved:
        pairs.append(("Next update", readable_time(incident.next_update)))
    return [_facts(*pairs)] if pairs else []


def _maintenance_parts(view: StatusView, window: Maintenance, markdown: Markdown) -> list[str]:
    status = "Cancelled" if window.cancelled else st.maintenance_status(window, view.now).label
    facts = _facts(
        ("Status", status),
        ("Window", f"{readable_time(window.start)} to {readable_time(window.end)}"),
        ("Affected", _affected(view, window)),
    )
    return [
        facts,
        *_section("What to expect", window.description, markdown),
        *_timeline(window.updates, markdown),
    ]


def _timeline(updates: tuple[Update, ...], markdown: Markdown) -> list[str]:
    """Every update, newest first, each with its status and time."""
    if not updates:
        return []
    parts = ["<h3>Updates</h3>"]
    for update in reversed(updates):
        heading = f"{label(update.status)}, {readable_time(update.at)}"
        parts += [f"<h4>{escape(heading)}</h4>", markdown(update.message)]
    return parts
