"""Maintenance windows as iCalendar: one calendar with every window, and one file per window.

DTSTAMP is the window's newest update (never the wall clock), and SEQUENCE counts its updates,
so a calendar that subscribed earlier sees each change as a newer revision of the same event.
"""

from __future__ import annotations

from collections.abc import Iterable

from icalendar import Calendar, Event

from frontdesk.content.models import Maintenance
from frontdesk.status.machine.common import (
    ENGLISH,
    SiteInfo,
    Wording,
    entry_url,
    first_posted,
    last_changed,
    utc,
)
from frontdesk.status.machine.entry_html import label
from frontdesk.status.view import StatusView

PRODID = "-//Frontdesk//Status//EN"


def calendar_files(view: StatusView, site: SiteInfo, words: Wording = ENGLISH) -> dict[str, bytes]:
    """`status/maintenance.ics` with every window, and `status/maintenance/<id>.ics` for each."""
    windows = list(view.content.maintenance)
    files = {"status/maintenance.ics": calendar_bytes(view, site, windows, words)}
    for window in windows:
        files[f"status/maintenance/{window.id}.ics"] = calendar_bytes(view, site, [window], words)
    return files


def calendar_bytes(
    view: StatusView, site: SiteInfo, windows: Iterable[Maintenance], words: Wording = ENGLISH
) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", words("%(site)s: maintenance", site=site.name))
    for window in windows:
        calendar.add_component(maintenance_event(view, site, window, words))
    return calendar.to_ical()


def maintenance_event(
    view: StatusView, site: SiteInfo, window: Maintenance, words: Wording = ENGLISH
) -> Event:
    event = Event()
    event.add("uid", f"{window.id}@{site.host}")
    event.add("dtstamp", utc(last_changed(window)))
    event.add("created", utc(first_posted(window)))
    event.add("last-modified", utc(last_changed(window)))
    event.add("dtstart", utc(window.start))
    event.add("dtend", utc(window.end))
    cancelled = words("Cancelled: %(title)s", title=window.title)
    event.add("summary", cancelled if window.cancelled else window.title)
    event.add("description", plain_description(view, site, window, words))
    event.add("url", entry_url(site, window))
    event.add("status", "CANCELLED" if window.cancelled else "CONFIRMED")
    event.add("sequence", len(window.updates))
    event.add("transp", "TRANSPARENT")  # the reader's own time stays free
    event.add("categories", ["Maintenance"])
    return event


def plain_description(
    view: StatusView, site: SiteInfo, window: Maintenance, words: Wording = ENGLISH
) -> str:
    """The window in plain text; Markdown source reads well enough as it is."""
    names = ", ".join(view.component_name(cid) for cid in window.component_ids)
    lines = [
        words("%(start)s to %(end)s", start=words.time(window.start), end=words.time(window.end)),
        words("Affected: %(names)s", names=names),
        "",
        window.description.strip(),
    ]
    for update in reversed(window.updates):
        status, time = words(label(update.status)), words.time(update.at)
        lines += ["", words("%(status)s, %(time)s:", status=status, time=time)]
        lines.append(update.message.strip())
    lines += ["", words("Details: %(url)s", url=entry_url(site, window))]
    return "\n".join(lines)
