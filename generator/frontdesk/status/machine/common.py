"""What every machine-readable format shares: the site, times, URLs and each entry's timeline."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

from frontdesk.content.models import Incident, Maintenance

Entry = Incident | Maintenance


@dataclass(frozen=True)
class SiteInfo:
    """The public identity of a site: its name and its absolute URL ending in "/"."""

    name: str
    url: str

    def __post_init__(self) -> None:
        if not self.url.endswith("/") or not urlsplit(self.url).hostname:
            raise ValueError(f"site url: expected an absolute URL ending in '/'; got {self.url!r}")

    @property
    def host(self) -> str:
        return urlsplit(self.url).hostname or ""

    @property
    def status_url(self) -> str:
        return self.url + "status/"

    def absolute(self, path: str) -> str:
        """The absolute URL of a site-relative path."""
        return self.url + path.lstrip("/")


def utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def iso(moment: datetime | None) -> str | None:
    """Statuspage's timestamp form: UTC with milliseconds and a Z, e.g. 2026-11-23T09:35:00.000Z."""
    if moment is None:
        return None
    moment = utc(moment)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def readable_time(moment: datetime) -> str:
    """A time for people, always in UTC and saying so."""
    return utc(moment).strftime("%Y-%m-%d %H:%M UTC")


def _english_plural(singular: str, plural: str, n: int) -> str:
    return singular if n == 1 else plural


@dataclass(frozen=True)
class Wording:
    """The words and times of what people read outside the site (feeds, calendars,
    notifications) in one language: `gettext` gives a phrase's text, `ngettext` a phrase's for
    a count, `time` a moment's; English as written here."""

    language: str = "en"
    gettext: Callable[[str], str] = str
    time: Callable[[datetime], str] = readable_time
    ngettext: Callable[[str, str, int], str] = _english_plural

    def __call__(self, phrase: str, **values: object) -> str:
        text = self.gettext(phrase)
        return text % values if values else text

    def plural(self, singular: str, plural: str, n: int) -> str:
        """The phrase for `n` things, `%(num)s` in it replaced by `n`."""
        return self.ngettext(singular, plural, n) % {"num": n}


ENGLISH = Wording()


def json_bytes(document: object) -> bytes:
    """Canonical JSON: sorted keys, fixed separators, UTF-8, one trailing newline."""
    text = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return (text + "\n").encode("utf-8")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def is_incident(entry: Entry) -> bool:
    return isinstance(entry, Incident)


def entry_url(site: SiteInfo, entry: Entry) -> str:
    """The page of an incident or a maintenance window."""
    folder = "incidents" if is_incident(entry) else "maintenance"
    return f"{site.status_url}{folder}/{entry.id}/"


def entry_start(entry: Entry) -> datetime:
    return entry.started if isinstance(entry, Incident) else entry.start


def first_posted(entry: Entry) -> datetime:
    """When customers were first told: the first update, else the start of the entry."""
    return entry.updates[0].at if entry.updates else entry_start(entry)


def last_changed(entry: Entry) -> datetime:
    """The newest update, else when the entry was first posted."""
    return entry.updates[-1].at if entry.updates else first_posted(entry)


def newest_first(entries: list[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda e: (entry_start(e), e.id), reverse=True)


def text_or_none(text: str) -> str | None:
    """Markdown source as published: surrounding whitespace trimmed, empty meaning absent."""
    return text.strip() or None
