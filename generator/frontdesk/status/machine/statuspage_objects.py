"""Components, incidents and maintenance windows as Statuspage API v2 objects.

Field names and enumerations are Statuspage's own, so existing clients can read them. What
Statuspage has no field for (cause, eta, prevention, ...) goes under the one key `frontdesk`.
On a site with several languages the objects are in the default language, and
`frontdesk.languages` holds each entry's texts in every other one (see `translated_texts`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from frontdesk.content.models import (
    Catalog,
    ComponentStatus,
    Incident,
    Maintenance,
    MaintenanceStatus,
)
from frontdesk.status import state as st
from frontdesk.status.machine.common import (
    Entry,
    SiteInfo,
    entry_start,
    entry_url,
    first_posted,
    iso,
    last_changed,
    slug,
    text_or_none,
)
from frontdesk.status.machine.statuspage_updates import JSON, update_objects
from frontdesk.status.view import StatusView

EXTRA_KEY = "frontdesk"
LANGUAGES_KEY = "languages"
TRANSLATED_EXTRAS = ("cause", "prevention", "apology", "compensation", "postmortem", "description")


def group_ids(catalog: Catalog) -> list[str]:
    """A stable id per group, from its name; never equal to a component id or another group's."""
    taken = {c.id for c in catalog.components}
    ids = []
    for number, group in enumerate(catalog.groups, start=1):
        base = f"group-{slug(group.name) or number}"
        candidate, suffix = base, 2
        while candidate in taken:
            candidate, suffix = f"{base}-{suffix}", suffix + 1
        taken.add(candidate)
        ids.append(candidate)
    return ids


@dataclass
class StatuspageObjects:
    """Builds Statuspage objects for one view of the status, each component object once."""

    view: StatusView
    site: SiteInfo
    # The same status in each other language (by code), whose texts each entry also carries.
    translations: Mapping[str, StatuspageObjects] = field(default_factory=dict)

    @cached_property
    def page_id(self) -> str:
        return self.site.host

    @cached_property
    def components(self) -> list[JSON]:
        """Every group, each followed by its components, in the order of components.yml."""
        objects = []
        catalog = self.view.content.catalog
        for position, (group, gid) in enumerate(zip(catalog.groups, group_ids(catalog)), 1):
            members = [
                self._component(c.id, c.name, c.description, gid, n)
                for n, c in enumerate(group.components, start=1)
            ]
            worst = max(
                (self.view.statuses[c.id] for c in group.components),
                key=lambda s: s.rank,
                default=ComponentStatus.OPERATIONAL,
            )
            group_object = self._base(gid, group.name, worst, position)
            group_object.update(
                components=[c.id for c in group.components],
                created_at=min((m["created_at"] for m in members), default=iso(self.view.now)),
                updated_at=max((m["updated_at"] for m in members), default=iso(self.view.now)),
                description=None,
                group=True,
                group_id=None,
                showcase=False,
            )
            objects += [group_object, *members]
        return objects

    @cached_property
    def by_id(self) -> dict[str, JSON]:
        return {c["id"]: c for c in self.components if not c["group"]}

    def component(self, component_id: str) -> JSON:
        known = self.by_id.get(component_id)
        return known or self._component(component_id, component_id, "", None, 0)

    def _component(
        self, cid: str, name: str, description: str, group_id: str | None, position: int
    ) -> JSON:
        status = self.view.statuses.get(cid, ComponentStatus.OPERATIONAL)
        return {
            **self._base(cid, name, status, position),
            "created_at": iso(self._created),
            "updated_at": iso(self._changed(cid)),
            "description": text_or_none(description),
            "group": False,
            "group_id": group_id,
            "showcase": True,
        }

    def _base(self, cid: str, name: str, status: ComponentStatus, position: int) -> JSON:
        return {
            "id": cid,
            "name": name,
            "status": status.value,
            "position": position,
            "only_show_if_degraded": False,
            "page_id": self.page_id,
            "start_date": None,
        }

    @cached_property
    def _created(self) -> datetime:
        """Components have no creation date in our files; the earliest record stands in."""
        entries: list[Entry] = [*self.view.content.incidents, *self.view.content.maintenance]
        earliest = min((min(entry_start(e), first_posted(e)) for e in entries), default=None)
        return min(earliest or self.view.now, self.view.now)

    def _changed(self, component_id: str) -> datetime:
        """The last moment up to now at which anything touching the component happened."""
        moments = [self._created]
        for incident in self.view.content.incidents:
            if component_id in incident.component_ids:
                moments += [incident.started, *(u.at for u in incident.updates)]
        for window in self.view.content.maintenance:
            if component_id in window.component_ids and not window.cancelled:
                moments += [window.start, window.end, *(u.at for u in window.updates)]
        return max(m for m in moments if m <= self.view.now)

    def incident(self, incident: Incident) -> JSON:
        monitoring = next((u.at for u in incident.updates if u.status == "monitoring"), None)
        return {
            **self._entry(incident),
            "status": incident_status(incident),
            "impact": incident.impact.value,
            "started_at": iso(incident.started),
            "monitoring_at": iso(monitoring),
            "resolved_at": iso(incident.ended),
            EXTRA_KEY: {
                **incident_extras(incident, self.view.now),
                **self._in_languages(incident),
            },
        }

    def maintenance(self, window: Maintenance) -> JSON:
        status = st.maintenance_status(window, self.view.now)
        return {
            **self._entry(window),
            "status": status.value,
            "impact": "maintenance",
            "started_at": iso(window.start),
            "monitoring_at": None,
            "resolved_at": iso(maintenance_finished(window, status)),
            "scheduled_for": iso(window.start),
            "scheduled_until": iso(window.end),
            EXTRA_KEY: {
                "cancelled": window.cancelled,
                "description": text_or_none(window.description),
                **self._in_languages(window),
            },
        }

    def _in_languages(self, entry: Entry) -> JSON:
        """`{"languages": {code: texts}}` for an entry, or nothing on a site of one language."""
        if not self.translations:
            return {}
        return {
            LANGUAGES_KEY: {
                code: translated_texts(objects.object_of(entry))
                for code, objects in self.translations.items()
            }
        }

    def object_of(self, entry: Entry) -> JSON:
        """The object of this status's incident or maintenance window with `entry`'s id, built
        once for every document that lists it (and for the default language's entry that
        carries its texts)."""
        built = self._incident_objects if isinstance(entry, Incident) else self._window_objects
        return built[entry.id]

    @cached_property
    def _incident_objects(self) -> dict[str, JSON]:
        return {incident.id: self.incident(incident) for incident in self.view.content.incidents}

    @cached_property
    def _window_objects(self) -> dict[str, JSON]:
        return {window.id: self.maintenance(window) for window in self.view.content.maintenance}

    def _entry(self, entry: Entry) -> JSON:
        return {
            "id": entry.id,
            "name": entry.title,
            "created_at": iso(first_posted(entry)),
            "updated_at": iso(last_changed(entry)),
            "shortlink": entry_url(self.site, entry),
            "page_id": self.page_id,
            "components": [self.component(cid) for cid in entry.component_ids],
            "incident_updates": update_objects(self.view, entry),
        }


def translated_texts(entry: JSON) -> JSON:
    """What readers of another language read of an entry object: its name and link, its
    components' names, its updates' bodies by update id, and its texts under `frontdesk`."""
    extra = entry[EXTRA_KEY]
    return {
        "name": entry["name"],
        "shortlink": entry["shortlink"],
        "components": {component["id"]: component["name"] for component in entry["components"]},
        "incident_updates": {update["id"]: update["body"] for update in entry["incident_updates"]},
        **{name: extra[name] for name in TRANSLATED_EXTRAS if name in extra},
    }


def incident_status(incident: Incident) -> str:
    if incident.resolved and incident.postmortem.strip():
        return "postmortem"
    return incident.status.value


def incident_extras(incident: Incident, now: datetime) -> JSON:
    unresolved = not incident.resolved
    # The loader keeps `eta: unknown` as None; next_update is required with it.
    eta_unknown = incident.eta is None and (unresolved or incident.next_update is not None)
    return {
        "cause": text_or_none(incident.cause),
        "eta": "unknown" if eta_unknown else iso(incident.eta),
        "next_update": iso(incident.next_update),
        "prevention": text_or_none(incident.prevention),
        "apology": text_or_none(incident.apology),
        "compensation": text_or_none(incident.compensation),
        "postmortem": text_or_none(incident.postmortem),
        "eta_passed": bool(unresolved and incident.eta and incident.eta < now),
        "next_update_overdue": bool(
            unresolved
            and incident.next_update
            and incident.last_updated < incident.next_update < now
        ),
    }


def maintenance_finished(window: Maintenance, status: MaintenanceStatus) -> datetime | None:
    """When a completed window ended: a cancellation or `completed` update, else its end."""
    if status is not MaintenanceStatus.COMPLETED:
        return None
    last = window.updates[-1] if window.updates else None
    if window.cancelled or (last and last.status == MaintenanceStatus.COMPLETED.value):
        return last_changed(window)
    return window.end
