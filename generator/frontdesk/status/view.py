"""The status at one moment, as every page and document of a build shares it (pure, no I/O)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cached_property

from frontdesk.content.models import Incident, Maintenance, StatusContent
from frontdesk.status import state as st


@dataclass(frozen=True)
class StatusSettings:
    lookahead: timedelta = timedelta(days=3)
    update_interval: timedelta = timedelta(minutes=60)
    history_page_size: int = 30


@dataclass
class StatusView:
    """The status at one moment, derived once per build and shared by every page."""

    content: StatusContent
    now: datetime
    settings: StatusSettings = field(default_factory=StatusSettings)

    @cached_property
    def statuses(self) -> dict[str, st.ComponentStatus]:
        return st.component_statuses(self.content, self.now)

    @cached_property
    def overall(self) -> st.ComponentStatus:
        return st.overall_status(self.content, self.now)

    @cached_property
    def active(self) -> list[Incident]:
        return st.active_incidents(self.content)

    @cached_property
    def in_progress(self) -> list[Maintenance]:
        return st.maintenance_in(self.content, self.now, st.Phase.IN_PROGRESS)

    @cached_property
    def upcoming(self) -> list[Maintenance]:
        return st.maintenance_in(self.content, self.now, st.Phase.UPCOMING)

    @cached_property
    def upcoming_soon(self) -> list[Maintenance]:
        return st.upcoming_soon(self.content, self.now, self.settings.lookahead)

    @property
    def quiet(self) -> bool:
        """True when there is nothing a customer needs to know right now."""
        return not (self.active or self.in_progress or self.upcoming_soon)

    @cached_property
    def uptimes(self) -> dict[str, st.Uptime]:
        return {
            c.id: st.uptime(self.content, c.id, self.now) for c in self.content.catalog.components
        }

    @cached_property
    def history(self) -> list[Incident | Maintenance]:
        """Every incident and maintenance window, newest first."""
        entries: list[Incident | Maintenance] = [*self.content.incidents, *self.content.maintenance]
        return sorted(entries, key=lambda e: (entry_start(e), e.id), reverse=True)

    @property
    def history_pages(self) -> int:
        return max(1, -(-len(self.history) // self.settings.history_page_size))

    def component_name(self, component_id: str) -> str:
        component = self.content.catalog.get(component_id)
        return component.name if component else component_id

    def incidents_affecting(self, component_ids: Sequence[str]) -> list[Incident]:
        return [i for i in self.active if set(i.component_ids) & set(component_ids)]


def entry_start(entry: Incident | Maintenance) -> datetime:
    return entry.started if isinstance(entry, Incident) else entry.start
