"""Round-trip editing of one YAML file: comments, key order, quotes and layout survive.

ruamel.yaml's default (round-trip) mode keeps what people wrote; PyYAML, which the loader uses,
would drop comments. New values are written in the style the example files use: times as plain
timestamps, multi-line text as `|` blocks, component lists in flow style.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import yaml as pyyaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import LiteralScalarString, SingleQuotedScalarString

from frontdesk.cli.authoring.values import format_moment

NEVER_FOLD = 1_000_000  # line width: a long sentence stays on its line
_STR_TAG = "tag:yaml.org,2002:str"

Text = str | dict[str, str]  # one text for every language, or one per language code


class Moment(str):
    """A time, written as a plain YAML timestamp (2026-11-23T10:00:00Z), never quoted."""


class _Representer(RoundTripRepresenter):
    pass


_Representer.add_representer(
    Moment, lambda rep, data: rep.represent_scalar("tag:yaml.org,2002:timestamp", str(data))
)


class Document:
    """One status file's data, loaded for editing and dumped back in the file's own layout."""

    def __init__(self, data: CommentedMap, yaml: YAML) -> None:
        self.data = data
        self._yaml = yaml

    @classmethod
    def read(cls, path: Path) -> Document:
        text = path.read_text(encoding="utf-8")
        yaml = _yaml(text)
        return cls(yaml.load(text), yaml)

    @classmethod
    def new(cls, header: str) -> Document:
        data = CommentedMap()
        data.yaml_set_start_comment(header)
        return cls(data, _yaml(""))

    def text(self) -> str:
        out = io.StringIO()
        self._yaml.dump(self.data, out)
        return out.getvalue()

    def set(self, key: str, value: object, order: Sequence[str]) -> None:
        """Set `key`, in place when present, else where the content contract's order puts it."""
        if key in self.data:
            self.data[key] = value
            return
        rank = order.index(key)
        position = 0
        for index, existing in enumerate(self.data):
            if existing in order and order.index(existing) < rank:
                position = index + 1
        self.data.insert(position, key, value)

    def append_update(self, at: datetime, status: str, message: Text) -> None:
        updates = self.data.get("updates")
        if not isinstance(updates, list):
            updates = CommentedSeq()
            self.data["updates"] = updates
        previous = updates[-1].get("message") if updates and isinstance(updates[-1], dict) else None
        entry = CommentedMap()
        entry["at"] = as_moment(at)
        entry["status"] = status
        entry["message"] = as_texts(message, like=previous)
        updates.append(entry)


def default_text(text: Text) -> str:
    """The text readers of the default language read: the one text, or the first of a mapping."""
    return text if isinstance(text, str) else next(iter(text.values()), "")


def has_text(text: Text) -> bool:
    """Whether there is anything to say, in any language."""
    return any(t.strip() for t in (text.values() if isinstance(text, dict) else [text]))


def as_moment(value: datetime) -> Moment:
    return Moment(format_moment(value))


def as_texts(value: Text, like: object = None) -> str | CommentedMap:
    """One text for every language, or a mapping by language code (each in the style of its
    neighbour's text in that language)."""
    if isinstance(value, str):
        neighbour = next(iter(like.values()), None) if isinstance(like, dict) else like
        return as_text(value, like=neighbour)
    mapping = CommentedMap()
    for code, text in value.items():
        mapping[code] = as_text(text, like=like.get(code) if isinstance(like, dict) else like)
    return mapping


def as_text(value: str, like: object = None) -> str:
    """Text for a field: a `|` block when it spans lines or its neighbour is one, else plain.

    Quoted when PyYAML (YAML 1.1, what the loader reads with) would take it for something
    other than text, such as `yes` or `12`; ruamel.yaml alone follows YAML 1.2 and would not.
    """
    value = value.strip()
    if "\n" in value or isinstance(like, LiteralScalarString):
        return LiteralScalarString(value + "\n")
    tag = pyyaml.resolver.Resolver().resolve(pyyaml.ScalarNode, value, (True, False))
    return value if tag == _STR_TAG else SingleQuotedScalarString(value)


def as_flow(value: list[str] | dict[str, str]) -> CommentedSeq | CommentedMap:
    """A component list or mapping, written on one line: `[sign-in, api]`."""
    node = CommentedSeq(value) if isinstance(value, list) else CommentedMap(value)
    node.fa.set_flow_style()
    return node


def _yaml(source: str) -> YAML:
    yaml = YAML()  # the default, round-trip mode
    yaml.Representer = _Representer
    yaml.preserve_quotes = True
    yaml.width = NEVER_FOLD
    offset = _sequence_offset(source)
    yaml.indent(mapping=2, sequence=offset + 2, offset=offset)
    return yaml


def _sequence_offset(source: str) -> int:
    """How far a file indents `- ` under its key (2 in the examples, 0 is common too)."""
    lines = source.splitlines()
    for above, line in zip(lines, lines[1:]):
        key = re.match(r"^( *)[^\s#-][^#]*:\s*$", above)
        item = re.match(r"^( *)- ", line)
        if key and item:
            return max(0, len(item.group(1)) - len(key.group(1)))
    return 2
