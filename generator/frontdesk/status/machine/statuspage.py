"""The documents of Atlassian Statuspage's public API v2, so existing status clients work.

Statuspage caps its incident list at 50; we publish every incident, so nothing is lost.
"""

from __future__ import annotations

from collections.abc import Sequence

from frontdesk.content.models import ComponentStatus
from frontdesk.status.machine.common import SiteInfo, iso, json_bytes, newest_first
from frontdesk.status.machine.statuspage_objects import JSON, StatuspageObjects
from frontdesk.status.view import StatusView

API = "api/v2/"
Translation = tuple[str, StatusView, SiteInfo]  # a language's code, its status and its site

# The overall status is the worst component status; wording as on Statuspage's own pages.
INDICATORS: dict[ComponentStatus, tuple[str, str]] = {
    ComponentStatus.OPERATIONAL: ("none", "All Systems Operational"),
    ComponentStatus.UNDER_MAINTENANCE: ("maintenance", "Service Under Maintenance"),
    ComponentStatus.DEGRADED_PERFORMANCE: ("minor", "Partially Degraded Service"),
    ComponentStatus.PARTIAL_OUTAGE: ("major", "Partial System Outage"),
    ComponentStatus.MAJOR_OUTAGE: ("critical", "Major System Outage"),
}


def status_object(overall: ComponentStatus) -> JSON:
    indicator, description = INDICATORS[overall]
    return {"indicator": indicator, "description": description}


def page_object(view: StatusView, site: SiteInfo) -> JSON:
    return {
        "id": site.host,
        "name": site.name,
        "url": site.status_url,
        "time_zone": "Etc/UTC",
        "updated_at": iso(view.now),
    }


def statuspage_documents(
    view: StatusView, site: SiteInfo, translations: Sequence[Translation] = ()
) -> dict[str, JSON]:
    """Every API v2 document, by site-relative path; `translations`: the same status in each
    of the site's other languages, whose texts every entry carries too."""
    others = {code: StatuspageObjects(v, s) for code, v, s in translations}
    objects = StatuspageObjects(view, site, others)
    page = page_object(view, site)
    of = objects.object_of  # each entry's object built once, for every document listing it
    all_incidents = [of(i) for i in newest_first([*view.content.incidents])]
    unresolved = [of(i) for i in view.active]
    all_windows = [of(m) for m in newest_first([*view.content.maintenance])]
    upcoming = [of(m) for m in view.upcoming]
    active = [of(m) for m in view.in_progress]
    status = status_object(view.overall)
    return {
        f"{API}summary.json": {
            "page": page,
            "status": status,
            "components": objects.components,
            "incidents": unresolved,
            "scheduled_maintenances": active + upcoming,
        },
        f"{API}status.json": {"page": page, "status": status},
        f"{API}components.json": {"page": page, "components": objects.components},
        f"{API}incidents.json": {"page": page, "incidents": all_incidents},
        f"{API}incidents/unresolved.json": {"page": page, "incidents": unresolved},
        f"{API}scheduled-maintenances.json": {"page": page, "scheduled_maintenances": all_windows},
        f"{API}scheduled-maintenances/upcoming.json": {
            "page": page,
            "scheduled_maintenances": upcoming,
        },
        f"{API}scheduled-maintenances/active.json": {
            "page": page,
            "scheduled_maintenances": active,
        },
    }


def statuspage_files(
    view: StatusView, site: SiteInfo, translations: Sequence[Translation] = ()
) -> dict[str, bytes]:
    documents = statuspage_documents(view, site, translations)
    return {path: json_bytes(document) for path, document in documents.items()}
