"""Adding a language's text to what was posted in another: an incident's or a maintenance
window's texts, and one of its updates. Staff under pressure post in the default language
first; the translation follows when it is ready, through the same validated write."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml.comments import CommentedMap

from frontdesk.cli.authoring.document import Document, as_text
from frontdesk.cli.authoring.errors import AuthoringError
from frontdesk.cli.authoring.paths import StatusPaths
from frontdesk.cli.authoring.store import (
    Written,
    read_incident,
    read_maintenance,
    write_incident,
    write_maintenance,
)

NEWEST = -1  # the update a translated message belongs to unless another is named


def refuse_lost_translations(current: object, new: object, where: str, drop: bool) -> None:
    """Replacing a text written per language with one that lacks some of those languages
    would leave their readers with the default language's text, without a word; refuse it
    unless `drop` says it is meant."""
    if drop or not isinstance(current, Mapping) or len(current) < 2:
        return
    kept = set(new) if isinstance(new, Mapping) else set()
    lost = [code for code in list(current)[1:] if code not in kept]
    if lost:
        given = f"in {', '.join(new)} only" if isinstance(new, Mapping) else "one text"
        flag = f"--{where.rpartition(': ')[2].replace('_', '-')}"
        raise AuthoringError(
            f"{where}: the text is written in {', '.join(current)}, and the new one is {given}, "
            f"so the {', '.join(lost)} text would be lost. Give each: {flag} '...' "
            + " ".join(f"{flag} {code}='...'" for code in lost)
            + ", or add --drop-translations to replace them with one text on purpose"
        )


@dataclass(frozen=True)
class _Kind:
    label: str
    texts: tuple[str, ...]  # the fields a translation may give
    path: Callable[[StatusPaths, str], Path]
    read: Callable[[StatusPaths, str], object]
    write: Callable[[StatusPaths, Path, str], object]


KINDS = {
    "incident": _Kind(
        "Incident",
        ("title", "cause", "prevention", "apology", "compensation", "postmortem"),
        StatusPaths.incident, read_incident, write_incident,
    ),
    "maintenance": _Kind(
        "Maintenance", ("title", "description"),
        StatusPaths.maintenance, read_maintenance, write_maintenance,
    ),
}  # fmt: skip


def translate_entry(
    paths: StatusPaths,
    kind: str,
    entry_id: str,
    language: str,
    texts: Mapping[str, str | None],
    message: str | None = None,
    update: int = NEWEST,
) -> Written:
    """Give an incident's or a maintenance window's texts, and one update's message (the newest
    unless `update` names another), their text in `language`. Adds no update."""
    what = KINDS[kind]
    target = what.path(paths, entry_id)
    what.read(paths, entry_id)  # the file must be valid before it is edited
    doc = _translated(paths, target, language, what.texts, texts, message, update)
    what.write(paths, target, doc.text())
    return Written(
        target, paths.show(target), f"{what.label} {target.stem}: its text in {language}"
    )


def _translated(
    paths: StatusPaths,
    target: Path,
    language: str,
    fields: tuple[str, ...],
    texts: Mapping[str, str | None],
    message: str | None,
    update: int,
) -> Document:
    shown = paths.show(target)
    if len(paths.languages) < 2:
        raise AuthoringError(
            "this site has one language (no `languages:` option): nothing to translate into"
        )
    default = paths.languages[0]
    if language not in paths.languages[1:]:
        raise AuthoringError(
            f"{language!r} is not one of this site's other languages "
            f"({', '.join(paths.languages[1:])}; {default} is the text as posted)"
        )
    given = {field: text for field, text in texts.items() if text is not None}
    if not given and message is None:
        raise AuthoringError(
            f"{shown}: nothing to translate; give one or more of " + ", ".join([*fields, "message"])
        )
    doc = Document.read(target)
    for field, text in given.items():
        if field not in fields:
            raise AuthoringError(f"{field}: not one of {', '.join(fields)}")
        if field not in doc.data:
            raise AuthoringError(f"{shown}: {field}: there is no {field} to translate yet")
        doc.data[field] = _with(doc.data[field], default, language, text, f"{shown}: {field}")
    if message is not None:
        updates = doc.data.get("updates") or []
        if not -len(updates) <= update < len(updates):
            raise AuthoringError(
                f"{shown}: updates[{update}]: there are {len(updates)} updates "
                f"(updates[0] to updates[{len(updates) - 1}])"
            )
        index = update % len(updates)
        entry = updates[index]
        where = f"{shown}: updates[{index}].message"
        entry["message"] = _with(entry.get("message", ""), default, language, message, where)
    return doc


def _with(current: object, default: str, language: str, text: str, where: str) -> CommentedMap:
    """`current` (one text, or one per language) with `text` as its text in `language`."""
    if not text.strip():
        raise AuthoringError(f"{where}: the text is empty")
    if isinstance(current, dict):
        mapping = current
    else:
        mapping = CommentedMap()
        mapping[default] = current
    like = mapping.get(language, mapping.get(default))
    mapping[language] = as_text(text, like=like)
    return mapping
