"""Notices about status files that name the line they are about: texts of an open incident not
yet in every language, and times after the moment a build describes. The models keep no line
numbers, so the lines are read again from the files, only for the entries that need a notice."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import yaml

from frontdesk.content.errors import Problem
from frontdesk.content.languages import missing_languages
from frontdesk.content.models import Incident, StatusContent

UNRESOLVED_TEXTS = ("title", "cause", "prevention", "apology", "compensation")


def untranslated_news(
    status: StatusContent, languages: Sequence[str], repo_root: Path
) -> list[Problem]:
    """A notice for each text of an unresolved incident (its title, cause, prevention, apology,
    compensation and newest update) that was written per language but not in all of them: its
    readers in those languages see the default language's text."""
    found = []
    for incident in status.incidents:
        if incident.resolved:
            continue
        newest = len(incident.updates) - 1
        texts = [(incident, name, (name,)) for name in UNRESOLVED_TEXTS]
        texts.append((incident.updates[newest], "message", ("updates", newest, "message")))
        for entry, name, where in texts:
            missing = missing_languages(entry, name, languages[1:])
            if not missing:
                continue
            field = f"updates[{newest}].message" if name == "message" else name
            what = "the newest update" if name == "message" else f"the {name}"
            readers = "that language" if len(missing) == 1 else "those languages"
            found.append(Problem(
                incident.source, _line(repo_root / incident.source, where), field,
                f"{what} is not yet in {', '.join(missing)}: readers of {readers} see it in "
                f"{languages[0]} until it is",
            ))  # fmt: skip
    return found


def dated_after(status: StatusContent, now: datetime, repo_root: Path) -> list[Problem]:
    """A notice for each time of an entry after the moment the site describes: a mistyped time
    reads as news that has not happened yet, and every later update would be refused as coming
    before it."""
    found = []
    for entry in (*status.incidents, *status.maintenance):
        dated = [
            (("updates", i, "at"), f"updates[{i}].at", u.at) for i, u in enumerate(entry.updates)
        ]
        if isinstance(entry, Incident):
            dated.insert(0, (("started",), "started", entry.started))
        found += [
            Problem(entry.source, _line(repo_root / entry.source, keys), field,
                    f"{when:%Y-%m-%d %H:%M} UTC is after the moment this site describes "
                    f"({now:%Y-%m-%d %H:%M} UTC); if it is a mistake, correct it")
            for keys, field, when in dated
            if when > now
        ]  # fmt: skip
    return found


def _line(path: Path, keys: tuple[str | int, ...]) -> int:
    """The line of a key in a status file, by its path of keys and list indexes (0 if it cannot
    be found)."""
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"))
        mark = node.start_mark
        for key in keys:
            if isinstance(key, int):
                node = node.value[key]
                continue
            key_node, node = next((k, v) for k, v in node.value if k.value == key)
            mark = key_node.start_mark
    except (OSError, yaml.YAMLError, StopIteration, AttributeError, IndexError, TypeError):
        return 0
    return mark.line + 1
