"""Load components.yml, incidents and maintenance windows from content/status/."""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Collection, Iterable, Sequence
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from frontdesk.content.errors import ContentError, Problem
from frontdesk.content.loading.yamlfile import ID_PATTERN, Reader, describe
from frontdesk.content.models import (
    STATUS_FOR_IMPACT,
    Catalog,
    Component,
    ComponentGroup,
    ComponentStatus,
    Impact,
    Incident,
    IncidentComponentStatus,
    IncidentStatus,
    Maintenance,
    MaintenanceStatus,
    StatusContent,
    Update,
)

STATUS_DIR = "status"
COMPONENTS_FILE = "components.yml"
INCIDENTS_DIR = "incidents"
MAINTENANCE_DIR = "maintenance"

INCIDENT_FIELDS = (
    "title", "impact", "components", "started", "cause", "eta", "next_update",
    "prevention", "apology", "compensation", "updates", "postmortem",
)  # fmt: skip
MAINTENANCE_FIELDS = ("title", "components", "start", "end", "description", "updates", "cancelled")
# How incident templates (content/status/templates/) mark what the writer must fill in.
PLACEHOLDER = re.compile(r"<<[^<>\n]+?>>")


def load_status(docs_dir: Path, repo_root: Path, languages: Sequence[str] = ()) -> StatusContent:
    """Every status file under docs_dir/status, validated; raises ContentError listing all problems.

    With `languages` (the site's codes, the default first), each text customers read may also be
    a mapping of language code to text."""
    problems: list[Problem] = []
    status_dir = docs_dir / STATUS_DIR
    incident_files = _yaml_files(status_dir / INCIDENTS_DIR, repo_root, problems)
    maintenance_files = _yaml_files(status_dir / MAINTENANCE_DIR, repo_root, problems)
    catalog = load_catalog(
        status_dir / COMPONENTS_FILE,
        repo_root,
        problems,
        needed=bool(incident_files or maintenance_files),
        languages=languages,
    )
    known = {c.id for c in catalog.components}
    incidents = [_load_incident(f, repo_root, known, problems, languages) for f in incident_files]
    maintenance = [
        _load_maintenance(f, repo_root, known, problems, languages) for f in maintenance_files
    ]
    if problems:
        raise ContentError(problems)
    return StatusContent(
        catalog=catalog,
        incidents=tuple(sorted((i for i in incidents if i), key=lambda i: (i.started, i.id))),
        maintenance=tuple(sorted((m for m in maintenance if m), key=lambda m: (m.start, m.id))),
    )


def relative(path: Path, repo_root: Path) -> str:
    """The path as error messages name it: relative to the repository root when inside it."""
    shown = os.path.relpath(os.path.abspath(path), _absolute(repo_root))
    return path.as_posix() if shown.startswith("..") else Path(shown).as_posix()


@lru_cache(maxsize=16)
def _absolute(root: Path) -> str:
    return os.path.abspath(root.resolve())


def _yaml_files(folder: Path, repo_root: Path, problems: list[Problem]) -> list[Path]:
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        if path.suffix not in (".yml", ".yaml") or not path.is_file():
            problems.append(
                Problem(
                    relative(path, repo_root), 0, "file", "expected only .yml files in this folder"
                )
            )
            continue
        found.append(path)
    return found


def _open(
    path: Path, repo_root: Path, problems: list[Problem], languages: Sequence[str] = ()
) -> tuple[Reader, Node | None]:
    reader = Reader(relative(path, repo_root), problems)
    reader.languages = tuple(languages)
    if not ID_PATTERN.match(path.stem):
        reader.report(
            0, "file name", f"expected lowercase letters, digits and dashes; got {path.stem!r}"
        )
    return reader, reader.parse(path.read_bytes())


def load_catalog(
    path: Path,
    repo_root: Path,
    problems: list[Problem],
    needed: bool,
    languages: Sequence[str] = (),
) -> Catalog:
    reader = Reader(relative(path, repo_root), problems)
    reader.languages = tuple(languages)
    if not path.is_file():
        if needed:
            reader.report(0, "file", "missing; incidents and maintenance name components from it")
        return Catalog()
    root = reader.parse(path.read_bytes())
    fields = reader.mapping(root, "", ["groups"], ["groups"]) if root else None
    if not fields:
        return Catalog()
    groups, seen = [], {}
    for g, group_node in enumerate(reader.sequence(fields["groups"], "groups") or []):
        where = f"groups[{g}]"
        group = reader.mapping(group_node, where, ["name", "components"], ["name", "components"])
        if not group:
            continue
        group_translations: list[tuple[str, str, str]] = []
        name = reader.localized(group["name"], f"{where}.name", group_translations, "name") or ""
        components = []
        for c, node in enumerate(reader.sequence(group["components"], f"{where}.components") or []):
            component = _load_component(reader, node, f"{where}.components[{c}]", name, seen)
            if component:
                components.append(component)
        if isinstance(group["components"], SequenceNode) and not group["components"].value:
            reader.report(
                group["components"], f"{where}.components", "expected at least one component"
            )
        groups.append(ComponentGroup(name, tuple(components), tuple(group_translations)))
    if not groups:
        reader.report(fields["groups"], "groups", "expected at least one group of components")
    return Catalog(tuple(groups))


def _load_component(
    reader: Reader, node: Node, where: str, group: str, seen: dict[str, int]
) -> Component | None:
    fields = reader.mapping(node, where, ["id", "name", "description"], ["id", "name"])
    if not fields or "id" not in fields or "name" not in fields:
        return None
    cid = reader.identifier(fields["id"], f"{where}.id")
    translations: list[tuple[str, str, str]] = []
    name = reader.localized(fields["name"], f"{where}.name", translations, "name")
    description = (
        reader.localized(fields["description"], f"{where}.description", translations, "description")
        if "description" in fields
        else ""
    )
    if cid in seen:
        reader.report(
            fields["id"],
            f"{where}.id",
            f"duplicate component id {cid!r}; first used on line {seen[cid]}",
        )
        return None
    if cid is None or name is None:
        return None
    seen[cid] = fields["id"].start_mark.line + 1
    return Component(cid, name, description or "", group, tuple(translations))


def _load_incident(
    path: Path,
    repo_root: Path,
    known: set[str],
    problems: list[Problem],
    languages: Sequence[str] = (),
) -> Incident | None:
    reader, root = _open(path, repo_root, problems, languages)
    required = ["title", "impact", "components", "started", "updates"]
    fields = reader.mapping(root, "", INCIDENT_FIELDS, required) if root else None
    if fields is None:
        return None
    before = len(problems)
    translations: list[tuple[str, str, str]] = []
    title = reader.localized(fields["title"], "title", translations) if "title" in fields else None
    impact = reader.choice(fields["impact"], "impact", Impact) if "impact" in fields else None
    started = reader.moment(fields["started"], "started") if "started" in fields else None
    affected = _incident_components(reader, fields.get("components"), impact, known)
    updates = _updates(reader, fields.get("updates"), started, IncidentStatus, "resolved")
    texts = {
        key: reader.localized(fields[key], key, translations) or "" if key in fields else ""
        for key in ("cause", "prevention", "apology", "compensation", "postmortem")
    }
    eta, eta_unknown = _eta(reader, fields.get("eta"))
    next_update = (
        reader.moment(fields["next_update"], "next_update") if "next_update" in fields else None
    )
    for key, promised in (("eta", eta), ("next_update", next_update)):
        if promised and started and promised < started:
            reader.report(
                fields[key],
                key,
                f"expected a time at or after started ({started:%Y-%m-%dT%H:%M}Z); got {promised:%Y-%m-%dT%H:%M}Z",
            )
    if updates and updates[-1].status != IncidentStatus.RESOLVED.value:
        for key, why in (("cause", "say what is known, even 'still investigating'"),
                         ("prevention", "say what will stop it happening again")):  # fmt: skip
            if key not in fields:
                reader.report(root, key, f"required while the incident is unresolved ({why})")
        if "eta" not in fields:
            reader.report(
                root,
                "eta",
                "required while the incident is unresolved: a date and time, or unknown",
            )
        elif eta_unknown and "next_update" not in fields:
            reader.report(
                fields["eta"],
                "next_update",
                "required when eta is unknown: when customers hear from us next",
            )
    _refuse_placeholders(reader, fields, ("title", *texts))
    if "postmortem" in fields and updates and updates[-1].status != IncidentStatus.RESOLVED.value:
        reader.report(
            fields["postmortem"], "postmortem", "allowed only once the incident is resolved"
        )
    if len(problems) > before or None in (title, impact, started) or not affected or not updates:
        return None
    return Incident(
        id=path.stem, source=reader.path, title=title, impact=impact, affected=tuple(affected),
        started=started, updates=tuple(updates), eta=eta, next_update=next_update, **texts,
        translations=tuple(translations),
    )  # fmt: skip


def _eta(reader: Reader, node: Node | None) -> tuple[datetime | None, bool]:
    if node is None:
        return None, False
    if isinstance(node, ScalarNode) and node.value == "unknown":
        return None, True
    if isinstance(node, ScalarNode) and node.tag.endswith((":timestamp", ":str")):
        return reader.moment(node, "eta"), False
    reader.report(
        node, "eta", f"expected a date and time with a UTC offset, or unknown; got {describe(node)}"
    )
    return None, False


def _incident_components(
    reader: Reader, node: Node | None, impact: Impact | None, known: set[str]
) -> list[tuple[str, ComponentStatus]]:
    """(id, status) pairs from a list of ids (status implied by impact) or an id -> status mapping."""
    if node is None:
        return []
    if isinstance(node, MappingNode):
        entries = [(k, v) for k, v in node.value]
    else:
        entries = [(item, None) for _, item in reader.text_list(node, "components")]
    implied = STATUS_FOR_IMPACT.get(impact, ComponentStatus.OPERATIONAL)
    found: list[tuple[str, ComponentStatus]] = []
    for index, (id_node, status_node) in enumerate(entries):
        where = f"components.{id_node.value}" if status_node else f"components[{index}]"
        cid = id_node.value if isinstance(id_node, ScalarNode) else describe(id_node)
        if cid in (c for c, _ in found):
            reader.report(id_node, where, f"{cid!r} is listed twice")
        elif cid not in known:
            reader.report(id_node, where, unknown_component(cid, known))
        elif status_node is None:
            found.append((cid, implied))
        elif status := reader.choice(status_node, where, IncidentComponentStatus):
            found.append((cid, ComponentStatus(status.value)))
    if isinstance(node, (MappingNode, SequenceNode)) and not node.value:
        reader.report(node, "components", "expected at least one component id")
    return found


def unknown_component(cid: str, known: Collection[str]) -> str:
    listed = f"defines {', '.join(sorted(known))}" if known else "defines no components"
    near = closest_component(cid, known)
    hint = f" (did you mean {near!r}?)" if near else ""
    return f"unknown component id {cid!r}{hint}; components.yml {listed}"


def closest_component(cid: str, known: Collection[str]) -> str | None:
    """A known id that `cid` is probably meant to be: spelt alike, or sharing a word of it
    (`public-api` for `api`, `app` for `web-app`)."""
    if not isinstance(cid, str):
        return None
    spelt = difflib.get_close_matches(cid, sorted(known), n=1)
    if spelt:
        return spelt[0]
    words = set(cid.split("-"))
    sharing = [k for k in sorted(known) if words & set(k.split("-"))]
    return sharing[0] if len(sharing) == 1 else None


def _load_maintenance(
    path: Path,
    repo_root: Path,
    known: set[str],
    problems: list[Problem],
    languages: Sequence[str] = (),
) -> Maintenance | None:
    reader, root = _open(path, repo_root, problems, languages)
    required = ["title", "components", "start", "end", "description"]
    fields = reader.mapping(root, "", MAINTENANCE_FIELDS, required) if root else None
    if fields is None:
        return None
    before = len(problems)
    translations: list[tuple[str, str, str]] = []
    title = reader.localized(fields["title"], "title", translations) if "title" in fields else None
    description = (
        reader.localized(fields["description"], "description", translations)
        if "description" in fields
        else None
    )
    start = reader.moment(fields["start"], "start") if "start" in fields else None
    end = reader.moment(fields["end"], "end") if "end" in fields else None
    if start and end and end <= start:
        reader.report(
            fields["end"],
            "end",
            f"expected a time after start ({start:%Y-%m-%dT%H:%M}Z); got {end:%Y-%m-%dT%H:%M}Z",
        )
    component_ids = []
    for index, (cid, item) in enumerate(
        reader.text_list(fields["components"], "components") if "components" in fields else []
    ):
        if cid not in known:
            reader.report(item, f"components[{index}]", unknown_component(cid, known))
        elif cid not in component_ids:
            component_ids.append(cid)
    updates = (
        _updates(reader, fields.get("updates"), None, MaintenanceStatus, "completed")
        if "updates" in fields
        else []
    )
    cancelled = reader.boolean(fields["cancelled"], "cancelled") if "cancelled" in fields else False
    _refuse_placeholders(reader, fields, ("title", "description"))
    if len(problems) > before or None in (title, description, start, end) or not component_ids:
        return None
    return Maintenance(
        id=path.stem, source=reader.path, title=title, component_ids=tuple(component_ids), start=start,
        end=end, description=description, updates=tuple(updates), cancelled=bool(cancelled),
        translations=tuple(translations),
    )  # fmt: skip


def _refuse_placeholders(reader: Reader, fields: dict[str, Node], keys: Iterable[str]) -> None:
    """A template's `<<...>>` left in any text would go live as is; refuse it, naming the field."""
    found = [(key, fields[key]) for key in keys if key in fields]
    updates = fields.get("updates")
    for index, item in enumerate(updates.value if isinstance(updates, SequenceNode) else []):
        pairs = item.value if isinstance(item, MappingNode) else []
        found += [(f"updates[{index}].message", v) for k, v in pairs if k.value == "message"]
    found = [  # a text per language: each language's text is checked
        (f"{where}.{k.value}" if isinstance(node, MappingNode) else where, v)
        for where, node in found
        for k, v in (node.value if isinstance(node, MappingNode) else [(None, node)])
    ]
    for where, node in found:
        if not isinstance(node, ScalarNode) or node.tag != "tag:yaml.org,2002:str":
            continue
        marks = list(dict.fromkeys(PLACEHOLDER.findall(node.value)))
        if marks:
            named = ", ".join(repr(m) for m in marks)
            what = f"placeholder {named}; replace it" if len(marks) == 1 else f"placeholders {named}; replace them"  # fmt: skip
            reader.report(node, where, f"still contains the template {what} with real words")


def _updates(
    reader: Reader, node: Node | None, started: datetime | None, statuses: type, final: str
) -> list[Update]:
    if node is None:
        return []
    items = reader.sequence(node, "updates")
    if items is None:
        return []
    if not items:
        reader.report(node, "updates", "expected at least one update")
    updates: list[Update] = []
    previous = started
    for index, item in enumerate(items):
        where = f"updates[{index}]"
        fields = reader.mapping(
            item, where, ["at", "status", "message"], ["at", "status", "message"]
        )
        if not fields or len(fields) < 3:
            continue
        at = reader.moment(fields["at"], f"{where}.at")
        status = reader.choice(fields["status"], f"{where}.status", statuses)
        translations: list[tuple[str, str, str]] = []
        message = reader.localized(fields["message"], f"{where}.message", translations, "message")
        if updates and updates[-1].status == final:
            reader.report(
                item,
                where,
                f"no update may follow the {final} update of {updates[-1].at:%Y-%m-%dT%H:%M}Z",
            )
        if at and previous and at < previous:
            what = "started" if previous == started and not updates else "the update before it"
            reader.report(
                fields["at"],
                f"{where}.at",
                f"expected a time at or after {what} ({previous:%Y-%m-%dT%H:%M}Z); got {at:%Y-%m-%dT%H:%M}Z",
            )
        if at and status and message:
            updates.append(Update(at, status.value, message, tuple(translations)))
            previous = at
    return updates
