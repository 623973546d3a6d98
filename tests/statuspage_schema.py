"""The published schema of the status API (`schemas/statuspage-v2.schema.json`), and which of
its definitions each document follows."""

from __future__ import annotations

import copy
import json

from conftest import REPO
from jsonschema import Draft202012Validator

SCHEMA = json.loads((REPO / "schemas" / "statuspage-v2.schema.json").read_text(encoding="utf-8"))
DOCUMENTS = {
    "api/v2/summary.json": "summary_document",
    "api/v2/status.json": "status_document",
    "api/v2/components.json": "components_document",
    "api/v2/incidents.json": "incidents_document",
    "api/v2/incidents/unresolved.json": "incidents_document",
    "api/v2/scheduled-maintenances.json": "scheduled_maintenances_document",
    "api/v2/scheduled-maintenances/upcoming.json": "scheduled_maintenances_document",
    "api/v2/scheduled-maintenances/active.json": "scheduled_maintenances_document",
}


def validator(definition: str | None = None) -> Draft202012Validator:
    """A validator for the whole schema, or for one of its definitions."""
    schema = copy.deepcopy(SCHEMA)
    if definition:
        del schema["oneOf"]
        schema["$ref"] = f"#/$defs/{definition}"
    return Draft202012Validator(schema)
