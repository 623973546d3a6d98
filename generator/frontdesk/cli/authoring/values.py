"""Values typed by people: times with offsets, component lists, ids derived from titles."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime, timedelta

from frontdesk.cli.authoring.errors import AuthoringError

UNKNOWN = "unknown"
MAX_SLUG = 40
# Words that make a cut-off slug read badly at its end ("...-failing-because-of-a").
_DANGLING = {"a", "an", "and", "are", "at", "because", "by", "for", "from", "is", "of", "or",
             "the", "to", "with"}  # fmt: skip


def parse_moment(text: str, now: datetime | None = None) -> datetime:
    """An ISO 8601 date and time with a UTC offset, or with `now` a time from it (`+30m`,
    `+2h`, `+1d`, `+1h30m`); ValueError says what is wrong."""
    raw = text.strip()
    example = "like 2026-11-23T12:00:00Z or 2026-11-23T12:00:00+01:00"
    if now is not None:
        example = f"like +30m, +2h or {format_moment(now + timedelta(hours=2))}"
        later = _from_now(raw)
        if later is not None:
            return now + later
    if not re.match(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}", raw):
        raise ValueError(f"expected a date and time {example}; got {text!r}")
    try:
        moment = datetime.fromisoformat(re.sub(r"[zZ]$", "+00:00", raw))
    except ValueError:
        raise ValueError(f"expected a date and time {example}; got {text!r}") from None
    if moment.utcoffset() is None:
        raise ValueError(f"expected a UTC offset (Z or +01:00) on {text!r}, {example}")
    return moment


_RELATIVE = re.compile(r"^\+\s*(?:(\d+)\s*d)?\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?$")


def _from_now(raw: str) -> timedelta | None:
    match = _RELATIVE.match(raw.lower())
    if not match or not any(match.groups()):
        return None
    days, hours, minutes = (int(part or 0) for part in match.groups())
    return timedelta(days=days, hours=hours, minutes=minutes)


def duration(delta: timedelta) -> str:
    """`45 minutes`, `2 hours`, `3 days`: how far apart two times are, roughly."""
    minutes = int(delta.total_seconds() // 60)
    count, unit = next(
        (minutes // size, unit)
        for size, unit in ((1440, "day"), (60, "hour"), (1, "minute"))
        if minutes >= 2 * size or size == 1
    )
    return f"{count} {unit}" + ("" if count == 1 else "s")


def ahead_hint(last: datetime, now: datetime | None, fields: str) -> str:
    """Why an update is refused as too early when the real mistake is a time in the future."""
    if now is None or last <= now:
        return ""
    return (
        f". That time, {utc(last)}, is itself ahead of now ({utc(now)}), so it is likely the "
        f"mistake: correct {fields} in the file"
    )


def format_moment(moment: datetime) -> str:
    """How a time is written into a file: UTC as `...Z`, any other offset kept as given."""
    if moment.utcoffset() is None:
        raise ValueError(f"a time without a UTC offset cannot be written: {moment}")
    if not moment.utcoffset():
        return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return moment.isoformat(timespec="seconds")


def utc(moment: datetime) -> str:
    """How a time reads in a message, the way the site shows it."""
    return f"{moment.astimezone(UTC):%Y-%m-%d %H:%M} UTC"


def parse_components(text: str) -> list[str] | dict[str, str]:
    """`sign-in, api` (each takes the status its impact implies) or `sign-in=major_outage, ...`.

    Whether the ids and statuses exist is left to the loader's validation, which names them.
    """
    items = [item for item in re.split(r"[\s,]+", text.strip()) if item]
    if not items:
        raise AuthoringError("components: expected at least one component id")
    pairs = [item.partition("=") for item in items]
    with_status = [p for p in pairs if p[1]]
    if with_status and len(with_status) != len(pairs):
        raise AuthoringError(
            "components: give either ids only (sign-in, api) or every id with its status "
            f"(sign-in=major_outage, api=degraded_performance); got {text!r}"
        )
    ids = [cid for cid, _, _ in pairs]
    twice = sorted({cid for cid in ids if ids.count(cid) > 1})
    if twice:
        raise AuthoringError(f"components: {', '.join(twice)} listed twice")
    if not with_status:
        return ids
    return {cid: status for cid, _, status in pairs}


def derive_id(started: datetime, title: str) -> str:
    """`YYYY-MM-DD-<slug of the title>`, the date in UTC: how the example's files are named."""
    return f"{started.astimezone(UTC):%Y-%m-%d}-{slugify(title)}"


def slugify(title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_title.lower())
    slug = ""
    for word in words:
        longer = f"{slug}-{word}" if slug else word
        if len(longer) > MAX_SLUG and slug:
            break
        slug = longer
    kept = slug[:MAX_SLUG].strip("-").split("-")
    while len(kept) > 1 and kept[-1] in _DANGLING:
        kept.pop()
    return "-".join(kept) or "incident"
