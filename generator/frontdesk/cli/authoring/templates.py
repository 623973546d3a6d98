"""Incident templates: operating procedures that prefill `frontdesk incident new`.

content/status/templates/<name>.yml holds the fields a kind of incident usually needs, with
`<<what to fill in>>` where the writer must say what is actually happening, in any field: a text,
the impact, the components. The build never publishes these files and never loads them as
incidents; an incident that still contains a placeholder fails validation, so a half-filled
template cannot go live. `frontdesk check` validates every template against the site's
components and languages, naming the template's own file, line and field.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from frontdesk.cli.authoring.document import default_text
from frontdesk.cli.authoring.errors import AuthoringError
from frontdesk.cli.authoring.paths import StatusPaths
from frontdesk.cli.authoring.store import known_components
from frontdesk.content.errors import ContentError, Problem
from frontdesk.content.loading.status_files import PLACEHOLDER, unknown_component
from frontdesk.content.loading.yamlfile import Reader
from frontdesk.content.models import Impact, IncidentComponentStatus

TEMPLATE_FIELDS = ("title", "impact", "components", "cause", "prevention", "message", "apology")
TEXT_FIELDS = ("title", "cause", "prevention", "message", "apology")


@dataclass(frozen=True)
class Template:
    name: str
    source: str  # relative to the repository root
    # texts (one, or one per language code), impact, components (a list or an id -> status
    # mapping); any of them may still be a `<<placeholder>>` string
    values: dict[str, object]

    @property
    def title(self) -> str:
        return default_text(self.values.get("title", ""))

    @property
    def pending(self) -> list[str]:
        """The fields that still hold a placeholder, in the order an incident lists them."""
        return [key for key in TEMPLATE_FIELDS if placeholders(self.values.get(key))]


def placeholders(value: object) -> list[str]:
    """The `<<...>>` marks in a value: a text, a text per language, or a list of ids."""
    if isinstance(value, dict):
        return [mark for text in value.values() for mark in placeholders(text)]
    if isinstance(value, list):
        return [mark for item in value for mark in placeholders(item)]
    return PLACEHOLDER.findall(value) if isinstance(value, str) else []


def template_files(paths: StatusPaths) -> list[Path]:
    folder = paths.templates_dir
    return sorted(folder.glob("*.yml")) if folder.is_dir() else []


def load_templates(paths: StatusPaths) -> tuple[list[Template], list[Problem]]:
    """Every template that is valid, and the problems of those that are not."""
    problems: list[Problem] = []
    known = _component_ids(paths, problems)
    templates = [_load(path, paths, known, problems) for path in template_files(paths)]
    return [t for t in templates if t], problems


def template_problems(paths: StatusPaths) -> list[Problem]:
    """What `frontdesk check` reports of the templates."""
    return load_templates(paths)[1]


def load_template(paths: StatusPaths, name: str) -> Template:
    """The template NAME alone, validated; a problem in another template does not matter here."""
    files = {path.stem: path for path in template_files(paths)}
    if name not in files:
        near = difflib.get_close_matches(name, list(files), n=1)
        hint = f" (did you mean {near[0]!r}?)" if near else ""
        known = ", ".join(files) or "none yet"
        raise AuthoringError(
            f"{paths.show(paths.templates_dir)}: no template {name!r}{hint}; there are: {known}"
        )
    problems: list[Problem] = []
    template = _load(files[name], paths, _component_ids(paths, problems), problems)
    if problems or template is None:
        raise ContentError(problems)
    return template


def _component_ids(paths: StatusPaths, problems: list[Problem]) -> list[str]:
    try:
        return [component.id for component in known_components(paths)]
    except ContentError as exc:
        problems.extend(exc.problems)
        return []


def _load(
    path: Path, paths: StatusPaths, known: Collection[str], problems: list[Problem]
) -> Template | None:
    reader = Reader(paths.show(path), problems)
    reader.languages = tuple(paths.languages)
    before = len(problems)
    root = reader.parse(path.read_bytes())
    fields = reader.mapping(root, "", TEMPLATE_FIELDS, ["title"]) if root else None
    if not fields:
        return None
    values: dict[str, object] = {}
    for key in TEXT_FIELDS:
        if key in fields and (text := _text(reader, fields[key], key)) is not None:
            values[key] = text
    if "impact" in fields:
        node = fields["impact"]
        if _pending(node):
            values["impact"] = node.value
        elif impact := reader.choice(node, "impact", Impact):
            values["impact"] = impact.value
    if "components" in fields:
        values["components"] = _components(reader, fields["components"], known)
    return Template(path.stem, reader.path, values) if len(problems) == before else None


def _pending(node: Node) -> bool:
    return isinstance(node, ScalarNode) and bool(PLACEHOLDER.search(node.value))


def _text(reader: Reader, node: Node, key: str) -> str | dict[str, str] | None:
    """One text, or with languages a mapping of language code to text."""
    translations: list[tuple[str, str, str]] = []
    text = reader.localized(node, key, translations)
    if text is None or not (reader.languages and isinstance(node, MappingNode)):
        return text
    return {code: value for _, code, value in translations}


def _components(reader: Reader, node: Node, known: Collection[str]) -> object:
    """A list of ids, an id -> status mapping, or a placeholder for either; each id must exist
    (or be a placeholder), each status be one an incident may give."""
    if _pending(node):
        return node.value
    if isinstance(node, MappingNode):
        found = {}
        for key, value in node.value:
            where = f"components.{key.value}"
            if not _pending(key) and key.value not in known:
                reader.report(key, where, unknown_component(key.value, known))
            if _pending(value) or reader.choice(value, where, IncidentComponentStatus):
                found[key.value] = value.value
        return found
    items = reader.text_list(node, "components")
    for index, (cid, item) in enumerate(items):
        if cid not in known and not PLACEHOLDER.search(cid):
            reader.report(item, f"components[{index}]", unknown_component(cid, known))
    if isinstance(node, SequenceNode) and not node.value:
        reader.report(node, "components", "expected at least one component id")
    return [cid for cid, _ in items]
