"""The Frontdesk data model: what the content files mean once they are loaded and validated."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum


class RankedEnum(str, Enum):
    """An enumeration whose declaration order is its order of severity."""

    @property
    def rank(self) -> int:
        return list(type(self)).index(self)

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class Impact(RankedEnum):
    NONE = "none"
    MINOR = "minor"
    MAJOR = "major"
    CRITICAL = "critical"


class ComponentStatus(RankedEnum):
    OPERATIONAL = "operational"
    UNDER_MAINTENANCE = "under_maintenance"
    DEGRADED_PERFORMANCE = "degraded_performance"
    PARTIAL_OUTAGE = "partial_outage"
    MAJOR_OUTAGE = "major_outage"


class IncidentComponentStatus(RankedEnum):
    """The statuses an incident may give a component (maintenance gives the other one)."""

    OPERATIONAL = "operational"
    DEGRADED_PERFORMANCE = "degraded_performance"
    PARTIAL_OUTAGE = "partial_outage"
    MAJOR_OUTAGE = "major_outage"


class IncidentStatus(RankedEnum):
    INVESTIGATING = "investigating"
    IDENTIFIED = "identified"
    MONITORING = "monitoring"
    RESOLVED = "resolved"


class MaintenanceStatus(RankedEnum):
    SCHEDULED = "scheduled"
    IN_PROGRESS = "in_progress"
    VERIFYING = "verifying"
    COMPLETED = "completed"


# Text written per language: (field, language code, text), e.g. ("title", "de", "..."). The
# fields themselves hold the default language's text, which a language without its own falls
# back to; a text written once, for all languages, has no entries.
Translations = tuple[tuple[str, str, str], ...]


def translated(entry: object, name: str, language: str) -> str:
    """The entry's `name` field in `language`, or in the default language where it has none."""
    for field_name, code, text in getattr(entry, "translations", ()):
        if field_name == name and code == language:
            return text
    return getattr(entry, name)


# A list of component ids in an incident means each takes the status its impact implies.
STATUS_FOR_IMPACT = {
    Impact.NONE: ComponentStatus.OPERATIONAL,
    Impact.MINOR: ComponentStatus.DEGRADED_PERFORMANCE,
    Impact.MAJOR: ComponentStatus.PARTIAL_OUTAGE,
    Impact.CRITICAL: ComponentStatus.MAJOR_OUTAGE,
}


@dataclass(frozen=True)
class Component:
    id: str
    name: str
    description: str
    group: str
    translations: Translations = ()


@dataclass(frozen=True)
class ComponentGroup:
    name: str
    components: tuple[Component, ...]
    translations: Translations = ()


@dataclass(frozen=True)
class Catalog:
    """Every status component, in the groups and order of components.yml."""

    groups: tuple[ComponentGroup, ...] = ()

    @property
    def components(self) -> tuple[Component, ...]:
        return tuple(c for g in self.groups for c in g.components)

    def get(self, component_id: str) -> Component | None:
        return next((c for c in self.components if c.id == component_id), None)


@dataclass(frozen=True)
class Update:
    at: datetime
    status: str  # an IncidentStatus or MaintenanceStatus value
    message: str
    translations: Translations = ()


@dataclass(frozen=True)
class Incident:
    id: str
    source: str  # path relative to the repository root
    title: str
    impact: Impact
    affected: tuple[tuple[str, ComponentStatus], ...]  # (component id, status while active)
    started: datetime
    updates: tuple[Update, ...]
    cause: str = ""
    eta: datetime | None = None  # None: unknown, or not given once resolved
    next_update: datetime | None = None
    prevention: str = ""
    apology: str = ""
    compensation: str = ""
    postmortem: str = ""
    translations: Translations = ()

    @property
    def status(self) -> IncidentStatus:
        return IncidentStatus(self.updates[-1].status)

    @property
    def resolved(self) -> bool:
        return self.status is IncidentStatus.RESOLVED

    @property
    def ended(self) -> datetime | None:
        return self.updates[-1].at if self.resolved else None

    @property
    def last_updated(self) -> datetime:
        return self.updates[-1].at

    @property
    def component_ids(self) -> tuple[str, ...]:
        return tuple(cid for cid, _ in self.affected)


@dataclass(frozen=True)
class Maintenance:
    id: str
    source: str
    title: str
    component_ids: tuple[str, ...]
    start: datetime
    end: datetime
    description: str
    updates: tuple[Update, ...] = ()
    cancelled: bool = False
    translations: Translations = ()


@dataclass(frozen=True)
class StatusContent:
    catalog: Catalog = field(default_factory=Catalog)
    incidents: tuple[Incident, ...] = ()
    maintenance: tuple[Maintenance, ...] = ()


@dataclass(frozen=True)
class Audience:
    """A level of reader that articles are written for."""

    name: str
    label: str
    description: str
    max_grade: float | None = None  # readability ceiling (US school grade) for this level


@dataclass(frozen=True)
class ArticleMeta:
    source: str  # path relative to the repository root
    src_uri: str  # path relative to the docs directory, as MkDocs names it
    category: str
    title: str
    audience: str
    summary: str
    tags: tuple[str, ...] = ()
    component_ids: tuple[str, ...] = ()
    reviewed: date | None = None
    alternatives: tuple[str, ...] = ()  # src_uris of the same help written for other levels
    owner: str = ""  # who keeps the article right


@dataclass(frozen=True)
class ContactChannel:
    kind: str  # email | chat | phone | form
    label: str
    address: str  # an email address, a URL or a phone number
    response_time: str = ""  # what the channel promises, e.g. "within 4 working hours"

    @property
    def href(self) -> str:
        if self.kind == "email":
            return f"mailto:{self.address}"
        if self.kind == "phone":
            return "tel:" + "".join(ch for ch in self.address if ch.isdigit() or ch == "+")
        return self.address


@dataclass(frozen=True)
class Contact:
    channels: tuple[ContactChannel, ...] = ()
    hours: str = ""
    timezone: str = ""
    feedback_form: str = ""  # a form URL for "what was missing"; else the first email channel

    @property
    def feedback_email(self) -> str:
        """Where "what was missing" goes when there is no form: the first email channel."""
        return (
            ""
            if self.feedback_form
            else next((ch.address for ch in self.channels if ch.kind == "email"), "")
        )


def split_levels(argument: str) -> list[str]:
    """The level names in a `/// level | novice, intermediate` block's argument."""
    return [name for name in re.split(r"[\s,]+", argument.strip()) if name]
