"""A change as readers of another language read it: the texts that the status API carries for
that language (`frontdesk.languages` of each entry) in place of the default language's."""

from __future__ import annotations

from dataclasses import replace

from frontdesk.notify.changes import EXTRA, Change
from frontdesk.status.machine.statuspage_objects import LANGUAGES_KEY, TRANSLATED_EXTRAS


def in_language(change: Change, code: str | None) -> Change:
    """The change in `code`; as it is for the default language (None) or a language the
    entry carries no texts for."""
    extra = change.entry.get(EXTRA) or {}
    texts = (extra.get(LANGUAGES_KEY) or {}).get(code) if code else None
    if not texts:
        return change
    entry = change.entry
    names, bodies = texts.get("components", {}), texts.get("incident_updates", {})
    translated = {
        **entry,
        "name": texts.get("name", entry["name"]),
        "shortlink": texts.get("shortlink", entry.get("shortlink")),
        "components": [
            {**component, "name": names.get(component["id"], component["name"])}
            for component in entry.get("components", [])
        ],
        "incident_updates": [
            {**update, "body": bodies.get(update["id"], update["body"])}
            for update in entry["incident_updates"]
        ],
        EXTRA: {**extra, **{name: texts[name] for name in TRANSLATED_EXTRAS if name in texts}},
    }
    update = None
    if change.update is not None:
        update = next(u for u in translated["incident_updates"] if u["id"] == change.update["id"])
    return replace(change, entry=translated, update=update)
