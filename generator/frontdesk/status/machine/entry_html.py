"""An incident or maintenance window as one self-contained HTML fragment, for feed readers.

Markdown goes through the site's safe renderer; every other string is escaped here.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from frontdesk.content.models import Incident, Maintenance, Update
from frontdesk.status import state as st
from frontdesk.status.machine.common import ENGLISH, Entry, Wording
from frontdesk.status.view import StatusView

Markdown = Callable[[str], str]


def label(value: str) -> str:
    return value.replace("_", " ").capitalize()


def entry_html(view: StatusView, entry: Entry, markdown: Markdown, words: Wording = ENGLISH) -> str:
    if isinstance(entry, Incident):
        parts = _incident_parts(view, entry, markdown, words)
    else:
        parts = _maintenance_parts(view, entry, markdown, words)
    return "\n".join(parts)


def _facts(*pairs: tuple[str, str]) -> str:
    """A line of labelled facts; both halves are plain text."""
    items = (f"<strong>{escape(name)}:</strong> {escape(value)}" for name, value in pairs)
    return "<p>" + "<br>\n".join(items) + "</p>"


def _section(title: str, markdown_text: str, markdown: Markdown) -> list[str]:
    if not markdown_text.strip():
        return []
    return [f"<h3>{escape(title)}</h3>", markdown(markdown_text)]


def _affected(view: StatusView, entry: Entry, words: Wording) -> str:
    if isinstance(entry, Incident):
        names = (
            f"{view.component_name(cid)} ({words(s.label.lower())})" for cid, s in entry.affected
        )
    else:
        names = (view.component_name(cid) for cid in entry.component_ids)
    return ", ".join(names) or words("none")


def _incident_parts(
    view: StatusView, incident: Incident, markdown: Markdown, words: Wording
) -> list[str]:
    times = [(words("Started"), words.time(incident.started))]
    if incident.ended:
        times.append((words("Resolved"), words.time(incident.ended)))
    facts = _facts(
        (words("Status"), words(incident.status.label)),
        (words("Impact"), words(incident.impact.label)),
        (words("Affected"), _affected(view, incident, words)),
        *times,
    )
    return [
        facts,
        *_section(words("What went wrong"), incident.cause, markdown),
        *_restoration(incident, words),
        *_section(words("So that it does not happen again"), incident.prevention, markdown),
        *_section(words("Our apology"), incident.apology, markdown),
        *_section(words("Compensation"), incident.compensation, markdown),
        *_timeline(incident.updates, markdown, words),
        *_section(words("Postmortem"), incident.postmortem, markdown),
    ]


def _restoration(incident: Incident, words: Wording) -> list[str]:
    pairs = []
    if incident.eta:
        pairs.append((words("Expected back"), words.time(incident.eta)))
    elif not incident.resolved:
        pairs.append((words("Expected back"), words("Not known yet")))
    if incident.next_update and not incident.resolved:
        pairs.append((words("Next update"), words.time(incident.next_update)))
    return [_facts(*pairs)] if pairs else []


def _maintenance_parts(
    view: StatusView, window: Maintenance, markdown: Markdown, words: Wording
) -> list[str]:
    status = "Cancelled" if window.cancelled else st.maintenance_status(window, view.now).label
    span = words("%(start)s to %(end)s", start=words.time(window.start), end=words.time(window.end))
    facts = _facts(
        (words("Status"), words(status)),
        (words("Window"), span),
        (words("Affected"), _affected(view, window, words)),
    )
    return [
        facts,
        *_section(words("What to expect"), window.description, markdown),
        *_timeline(window.updates, markdown, words),
    ]


def _timeline(updates: tuple[Update, ...], markdown: Markdown, words: Wording) -> list[str]:
    """Every update, newest first, each with its status and time."""
    if not updates:
        return []
    parts = [f"<h3>{escape(words('Updates'))}</h3>"]
    for update in reversed(updates):
        heading = words(
            "%(status)s, %(time)s", status=words(label(update.status)), time=words.time(update.at)
        )
        parts += [f"<h4>{escape(heading)}</h4>", markdown(update.message)]
    return parts
