"""Writing status files: new incidents and maintenance windows, their updates, and templates.

The library behind `frontdesk incident ...` and `frontdesk maintenance ...`. It takes paths, never
MkDocs configuration. Every edit is checked by the same loader the build uses before the file is
replaced, atomically, so a refused edit leaves the file exactly as it was.
"""

from __future__ import annotations

from frontdesk.cli.authoring.errors import AuthoringError
from frontdesk.cli.authoring.incidents import (
    IncidentChange,
    NewIncident,
    add_postmortem,
    amend_incident,
    create_incident,
    needs_next_update,
    resolve_incident,
    reviewable_incident,
    updatable_incident,
    update_incident,
)
from frontdesk.cli.authoring.maintenance import (
    NewMaintenance,
    cancel_maintenance,
    create_maintenance,
    updatable_maintenance,
    update_maintenance,
)
from frontdesk.cli.authoring.paths import StatusPaths
from frontdesk.cli.authoring.store import Written, known_components, read_incident, read_maintenance
from frontdesk.cli.authoring.templates import Template, load_template, load_templates
from frontdesk.cli.authoring.translations import translate_entry

__all__ = [
    "AuthoringError",
    "IncidentChange",
    "NewIncident",
    "NewMaintenance",
    "StatusPaths",
    "Template",
    "Written",
    "add_postmortem",
    "amend_incident",
    "cancel_maintenance",
    "create_incident",
    "create_maintenance",
    "known_components",
    "load_template",
    "load_templates",
    "needs_next_update",
    "read_incident",
    "read_maintenance",
    "resolve_incident",
    "reviewable_incident",
    "translate_entry",
    "updatable_incident",
    "updatable_maintenance",
    "update_incident",
    "update_maintenance",
]
