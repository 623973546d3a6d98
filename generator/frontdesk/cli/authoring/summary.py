"""The front-page status, as plain text for a terminal: what customers are being told now."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Iterable
from datetime import datetime

from frontdesk.cli.authoring.values import utc
from frontdesk.content.errors import Problem
from frontdesk.content.models import Incident, Maintenance
from frontdesk.status import state as st
from frontdesk.status.view import StatusView


def status_lines(view: StatusView, notices: Iterable[Problem] = ()) -> list[str]:
    """Overall status, each active incident worst first, maintenance under way and soon."""
    if view.quiet:
        lines = [f"All systems operational (checked {utc(view.now)})."]
    else:
        lines = [f"Service status: {view.overall.label.lower()} (as of {utc(view.now)})"]
        for incident in view.active:
            lines += ["", *_incident(view, incident)]
        for window in view.in_progress + view.upcoming_soon:
            lines += ["", *_maintenance(view, window)]
    notices = list(notices)
    if notices:
        lines += ["", "Owed to customers (build notices):"]
        lines += [f"  {notice}" for notice in notices]
    return lines


def _incident(view: StatusView, incident: Incident) -> list[str]:
    affected = ", ".join(
        f"{view.component_name(cid)} ({status.label.lower()})" for cid, status in incident.affected
    )
    lines = [f"[{incident.impact.label} impact] {incident.title}", *_fact("Affected", affected)]
    lines += _fact("What went wrong", incident.cause)
    lines += _fact("When it is back", promise(incident, view.now))
    lines += _fact("So it does not happen again", incident.prevention)
    if incident.apology:
        lines += _fact("Our apology", incident.apology)
    last = incident.updates[-1]
    lines += _fact(
        "Last update", f"{utc(last.at)} ({incident.status.label.lower()}): {last.message}"
    )
    return lines


def promise(incident: Incident, now: datetime) -> str:
    """The restoration promise as the banner words it at `now`."""
    return "".join(
        utc(part) if isinstance(part, datetime) else part
        for part in st.promise_parts(incident, now)
    )


def _maintenance(view: StatusView, window: Maintenance) -> list[str]:
    under_way = st.maintenance_phase(window, view.now) is st.Phase.IN_PROGRESS
    label = "Maintenance under way" if under_way else "Planned maintenance"
    components = ", ".join(view.component_name(cid) for cid in window.component_ids)
    return [
        f"[{label}] {window.title}",
        *_fact("When", f"{utc(window.start)} to {utc(window.end)}"),
        *_fact("Affects", components),
    ]


def _fact(label: str, text: str) -> list[str]:
    """`label: text`, the text's paragraphs re-wrapped to the terminal and indented."""
    width = min(shutil.get_terminal_size((100, 24)).columns, 100) - 4
    paragraphs = [" ".join(p.split()) for p in text.strip().split("\n\n") if p.strip()]
    body = textwrap.wrap(f"{label}: {paragraphs[0]}" if paragraphs else label, width)
    for paragraph in paragraphs[1:]:
        body += ["", *textwrap.wrap(paragraph, width)]
    return [f"  {line}" if line else "" for line in body]
