"""Incident templates: operating procedures that prefill `frontdesk incident new`.

content/status/templates/<name>.yml holds the fields a kind of incident usually needs, with
`<<what to fill in>>` where the writer must say what is actually happening. The build never
publishes these files and never loads them as incidents; an incident that still contains a
placeholder fails validation, so a half-filled template cannot go live.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from yaml.nodes import MappingNode, ScalarNode

from frontdesk.cli.authoring.errors import AuthoringError
from frontdesk.cli.authoring.paths import StatusPaths
from frontdesk.content.errors import ContentError, Problem
from frontdesk.content.loading.status_files import PLACEHOLDER
from frontdesk.content.loading.yamlfile import Reader
from frontdesk.content.models import Impact

TEMPLATE_FIELDS = ("title", "impact", "components", "cause", "prevention", "message", "apology")
TEXT_FIELDS = ("title", "cause", "prevention", "message", "apology")


@dataclass(frozen=True)
class Template:
    name: str
    source: str  # relative to the repository root
    values: dict[str, object]  # texts, impact, components (a list or an id -> status mapping)

    @property
    def title(self) -> str:
        return str(self.values.get("title", ""))

    @property
    def pending(self) -> list[str]:
        """The fields that still hold a placeholder, in the order an incident lists them."""
        return [key for key in TEXT_FIELDS if placeholders(self.values.get(key))]


def placeholders(value: object) -> list[str]:
    return PLACEHOLDER.findall(value) if isinstance(value, str) else []


def load_templates(paths: StatusPaths) -> list[Template]:
    """Every template, by name; raises ContentError naming file, line and field."""
    folder = paths.templates_dir
    files = sorted(folder.glob("*.yml")) if folder.is_dir() else []
    problems: list[Problem] = []
    templates = [_load(path, paths, problems) for path in files]
    if problems:
        raise ContentError(problems)
    return [t for t in templates if t]


def load_template(paths: StatusPaths, name: str) -> Template:
    templates = {t.name: t for t in load_templates(paths)}
    if name in templates:
        return templates[name]
    near = difflib.get_close_matches(name, list(templates), n=1)
    hint = f" (did you mean {near[0]!r}?)" if near else ""
    known = ", ".join(templates) or "none yet"
    raise AuthoringError(
        f"{paths.show(paths.templates_dir)}: no template {name!r}{hint}; there are: {known}"
    )


def _load(path: Path, paths: StatusPaths, problems: list[Problem]) -> Template | None:
    reader = Reader(paths.show(path), problems)
    root = reader.parse(path.read_bytes())
    fields = reader.mapping(root, "", TEMPLATE_FIELDS, ["title"]) if root else None
    if not fields:
        return None
    values: dict[str, object] = {}
    for key in TEXT_FIELDS:
        if key in fields and (text := reader.text(fields[key], key)) is not None:
            values[key] = text
    if "impact" in fields and (impact := reader.choice(fields["impact"], "impact", Impact)):
        values["impact"] = impact.value
    node = fields.get("components")
    if isinstance(node, MappingNode):
        values["components"] = {
            k.value: v.value
            for k, v in node.value
            if isinstance(k, ScalarNode) and isinstance(v, ScalarNode)
        }
    elif node is not None:
        values["components"] = [cid for cid, _ in reader.text_list(node, "components")]
    return Template(path.stem, reader.path, values)
