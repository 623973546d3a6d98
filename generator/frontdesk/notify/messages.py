"""A change as customers read it: what changed, what is wrong, when it is back, what prevents a
repeat, and where to read more. Plain text for chat and HTML for email, from the same parts, in
the words and dates of one language (`Wording`; the English is written here)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from html import escape

from frontdesk.notify.changes import Change, ChangeKind
from frontdesk.notify.plain_text import plain_text
from frontdesk.notify.states import parse_time
from frontdesk.site.markup import MarkupRenderer, markdown_renderer
from frontdesk.status.machine.common import ENGLISH, Wording

# Chat services turn these into mentions of everyone in a channel; text from the status files
# must never ping anyone. A zero-width space keeps them readable and inert.
_MENTIONS = re.compile(r"(@)(everyone|here|channel)\b|(<)([!@#])", re.I)
STATUS_WORDS = {
    "investigating": "We are investigating",
    "identified": "We have found the cause",
    "monitoring": "A fix is in place and we are watching it",
    "resolved": "Resolved",
    "scheduled": "Planned",
    "in_progress": "Under way",
    "verifying": "Checking that everything works",
    "completed": "Completed",
}


@dataclass(frozen=True)
class Message:
    title: str  # also the email subject
    text: str
    html: str


def message_for(
    change: Change, markdown: MarkupRenderer | None = None, words: Wording = ENGLISH
) -> Message:
    markdown = markdown or markdown_renderer()
    entry, extra = change.entry, change.entry.get("frontdesk") or {}
    headline = _headline(change, words)
    title = f"{headline}: {entry['name']}"
    facts: list[tuple[str, str]] = []  # (label, Markdown)
    names = ", ".join(component["name"] for component in entry.get("components", []))
    if names:
        facts.append((words("Affects"), names))
    if not change.is_incident:
        start, end = _time(entry["scheduled_for"], words), _time(entry["scheduled_until"], words)
        facts.append((words("When"), words("%(start)s to %(end)s", start=start, end=end)))
    if change.update is not None:
        status = change.update["status"]
        label = words(STATUS_WORDS[status]) if status in STATUS_WORDS else words("Update")
        facts.append((label, change.update["body"]))
    if change.kind is ChangeKind.POSTMORTEM:
        facts.append((words("What happened"), extra.get("postmortem") or ""))
    if not change.is_incident and change.kind is not ChangeKind.MAINTENANCE_COMPLETED:
        facts.append((words("What to expect"), extra.get("description") or ""))
    if change.is_incident:
        facts += _incident_facts(change, extra, words)
    facts = [(label, text) for label, text in facts if text.strip()]
    link = entry.get("shortlink") or ""
    return Message(
        title=defuse_mentions(title),
        text=defuse_mentions(_text(facts, link, markdown, words)),
        html=_html(title, facts, link, markdown, words),
    )


def _headline(change: Change, words: Wording) -> str:
    soon = change.kind is ChangeKind.MAINTENANCE_SCHEDULED and change.starts_soon
    if change.kind is ChangeKind.MAINTENANCE_REMINDER or soon:
        start = parse_time(change.entry["scheduled_for"]) - change.state.moment
        return words("Maintenance starts in %(duration)s", duration=_duration(start, words))
    return words(change.kind.value)


def _incident_facts(change: Change, extra: dict, words: Wording) -> list[tuple[str, str]]:
    facts = [(words("Cause"), extra.get("cause") or "")]
    resolved = change.entry.get("status") in ("resolved", "postmortem")
    if not resolved:
        eta, next_update = extra.get("eta"), extra.get("next_update")
        if eta and eta != "unknown":
            facts.append((words("Expected back"), words("by %(time)s", time=_time(eta, words))))
        else:
            facts.append((words("Expected back"), words("We do not know yet.")))
        if next_update:
            by = words("by %(time)s", time=_time(next_update, words))
            facts.append((words("Next update"), by))
    facts.append((words("So that it does not happen again"), extra.get("prevention") or ""))
    if resolved or change.kind is ChangeKind.NEW_INCIDENT:  # said once at each end, not per update
        facts.append((words("We are sorry"), extra.get("apology") or ""))
    if resolved:
        facts.append((words("Making it right"), extra.get("compensation") or ""))
    return facts


def _text(facts: list[tuple[str, str]], link: str, markdown: MarkupRenderer, words: Wording) -> str:
    """The body under the title (which channels show on its own: a subject, a heading)."""
    lines = []
    for label, text in facts:
        body = plain_text(markdown(text))
        lines += [f"{label}: {body}" if "\n" not in body else f"{label}:\n{body}", ""]
    if link:
        lines.append(f"{words('Details')}: {link}")
    return "\n".join(lines).strip() + "\n"


def _html(
    title: str, facts: list[tuple[str, str]], link: str, markdown: MarkupRenderer, words: Wording
) -> str:
    parts = [f"<h2>{escape(title)}</h2>"]
    for label, text in facts:
        parts.append(f"<h3>{escape(label)}</h3>\n{markdown(text)}")
    if link:
        read = escape(words("Read the details on our status page"))
        parts.append(f'<p><a href="{escape(link)}">{read}</a></p>')
    return "\n".join(parts) + "\n"


def defuse_mentions(text: str) -> str:
    """Every chat mention form made inert and still readable: @everyone, @here, @channel (any
    letter case), and Slack's <!...>, <@...> and <#...>."""
    return _MENTIONS.sub(lambda m: "\u200b".join(g for g in m.groups() if g), text)


def _time(value: str, words: Wording) -> str:
    return words.time(parse_time(value))


def _duration(span: timedelta, words: Wording) -> str:
    minutes = max(0, round(span.total_seconds() / 60))
    if minutes < 60:
        return words.plural("%(num)s minute", "%(num)s minutes", minutes)
    return words.plural("%(num)s hour", "%(num)s hours", round(minutes / 60))
