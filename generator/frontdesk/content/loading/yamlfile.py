"""Strict YAML reading that keeps line numbers and collects problems instead of raising.

PyYAML's composed node tree gives every value its line. Values are converted one field at a time
so that one run reports every problem of a file, each with its line and field.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from datetime import UTC, date, datetime
from enum import Enum
from typing import TypeVar

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from frontdesk.content.errors import Problem

MAX_FILE_BYTES = 2_000_000
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
E = TypeVar("E", bound=Enum)

_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses aliases, so no file can expand into a billion nodes."""

    def compose_node(self, parent: Node | None, index: object) -> Node | None:
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.MarkedYAMLError(
                None, None, "aliases (*name) are not allowed in content files", mark
            )
        return super().compose_node(parent, index)


_FAST_LOADER = getattr(yaml, "CSafeLoader", None)
_NESTING = re.compile(r"[^\[\]{}\n]")
# A line's indentation and the block indicators that open levels on the same line ("- - - x").
_BLOCK_NESTING = re.compile(r"[ \t?:-]*")
MAX_FAST_DEPTH = 64  # deeper files go to the pure-Python parser, which fails cleanly


def _compose(text: str) -> Node | None:
    """The node tree, composed by libyaml when available (about ten times faster)."""
    if _FAST_LOADER is None or _nesting_depth(text) > MAX_FAST_DEPTH:
        return yaml.compose(text, Loader=_StrictLoader)
    root = yaml.compose(text, Loader=_FAST_LOADER)
    _refuse_aliases(root)
    return root


def _nesting_depth(text: str) -> int:
    """A cheap upper bound on flow and block nesting, to keep hostile input away from C recursion."""
    depth = deepest = 0
    for char in _NESTING.sub("", text):
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(0, depth - 1)
    indents = (len(_BLOCK_NESTING.match(line).group()) for line in text.splitlines())
    return max(deepest, max(indents, default=0) // 2)


def _refuse_aliases(root: Node | None) -> None:
    """libyaml resolves an alias to the node it names; meeting a node twice means an alias."""
    seen: set[int] = set()
    stack: list[tuple[Node, Node]] = [(root, root)] if root is not None else []
    while stack:
        node, where = stack.pop()
        if id(node) in seen:
            raise yaml.MarkedYAMLError(
                None, None, "aliases (*name) are not allowed in content files", where.start_mark
            )
        seen.add(id(node))
        if isinstance(node, MappingNode):  # pushed in reverse: visited in document order
            stack.extend(
                reversed([(child, key) for key, value in node.value for child in (key, value)])
            )
        elif isinstance(node, SequenceNode):
            stack.extend(reversed([(child, child) for child in node.value]))


def describe(node: Node) -> str:
    """How a found value reads in an error message."""
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    if node.value == "" and node.tag.endswith(":null"):
        return "nothing"
    return repr(node.value)


class Reader:
    """Reads the node tree of one file, recording each problem with its line and field."""

    def __init__(
        self, path: str, problems: list[Problem], notices: list[Problem] | None = None
    ) -> None:
        self.path = path
        self.problems = problems
        self.notices = [] if notices is None else notices
        self.line_offset = 0  # lines above the parsed text (front matter starts below ---)
        self._constructor = yaml.constructor.SafeConstructor()
        self.languages: tuple[str, ...] = ()  # the site's language codes, the default first

    def report(self, where: Node | int, field: str, message: str) -> None:
        line = where if isinstance(where, int) else where.start_mark.line + 1 + self.line_offset
        self.problems.append(Problem(self.path, line, field, message))

    def parse(self, data: bytes, line_offset: int = 0) -> Node | None:
        """The file's root node, or None after reporting why there is none."""
        if len(data) > MAX_FILE_BYTES:
            self.report(0, "file", f"larger than {MAX_FILE_BYTES:,} bytes; got {len(data):,}")
            return None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            self.report(0, "file", f"expected UTF-8 text; byte {exc.start} is not UTF-8")
            return None
        if "\x00" in text:
            self.report(0, "file", "expected text; found a NUL byte (is this a binary file?)")
            return None
        try:
            root = _compose(text)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = (mark.line + 1 + line_offset) if mark else 0
            problem = exc.problem or exc.context or ""
            self.report(line, "yaml", f"invalid YAML: {problem}{_hint(problem)}")
            return None
        except yaml.YAMLError as exc:
            self.report(0, "yaml", f"invalid YAML: {exc}")
            return None
        except RecursionError:
            self.report(0, "yaml", "invalid YAML: nesting is too deep")
            return None
        if root is None:
            self.report(0, "file", "expected a mapping of fields; the file is empty")
            return None
        self.line_offset = line_offset
        return root

    def mapping(
        self,
        node: Node,
        field: str,
        allowed: Iterable[str],
        required: Iterable[str] = (),
    ) -> dict[str, Node] | None:
        """The mapping's values by key; reports duplicates, unknown keys and missing keys."""
        if not isinstance(node, MappingNode):
            self.report(
                node, field or "file", f"expected a mapping of fields; got {describe(node)}"
            )
            return None
        allowed = list(allowed)
        values: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, ScalarNode) else describe(key_node)
            name = _join(field, key)
            if key in values:
                self.report(key_node, name, "duplicate key; each field may appear once")
            elif key not in allowed:
                hint = difflib.get_close_matches(key, allowed, n=1)
                suggestion = f" (did you mean '{hint[0]}'?)" if hint else ""
                self.report(
                    key_node,
                    name,
                    f"unknown field{suggestion}; expected one of {', '.join(allowed)}",
                )
            else:
                values[key] = value_node
        for key in required:
            if key not in values or _is_null(values[key]):
                self.report(node, _join(field, key), "required field is missing")
                values.pop(key, None)
        return {k: v for k, v in values.items() if not _is_null(v)}

    def sequence(self, node: Node, field: str) -> list[Node] | None:
        if not isinstance(node, SequenceNode):
            self.report(node, field, f"expected a list; got {describe(node)}")
            return None
        return list(node.value)

    def text(self, node: Node, field: str) -> str | None:
        """A non-empty string (numbers and dates written bare are refused, not coerced)."""
        if not isinstance(node, ScalarNode) or node.tag != "tag:yaml.org,2002:str":
            self.report(node, field, f"expected text; got {describe(node)}")
            return None
        if not node.value.strip():
            self.report(node, field, "expected text; got an empty string")
            return None
        return node.value

    def localized(
        self, node: Node, field: str, into: list[tuple[str, str, str]], name: str = ""
    ) -> str | None:
        """Text for every language, or (with languages) a mapping of language code to text: the
        default language's text is returned, and each language's goes to `into` as
        (name, code, text)."""
        if not (self.languages and isinstance(node, MappingNode)):
            return self.text(node, field)
        default, texts, before = self.languages[0], {}, len(self.problems)
        for key_node, value_node in node.value:
            code = key_node.value if isinstance(key_node, ScalarNode) else describe(key_node)
            where = f"{field}.{code}"
            if code in texts:
                self.report(key_node, where, "duplicate language; each may appear once")
            elif code not in self.languages:
                codes = ", ".join(self.languages)
                self.report(
                    key_node,
                    where,
                    f"unknown language code {code!r}; the site's languages are {codes}",
                )
            elif (text := self.text(value_node, where)) is not None:
                texts[code] = text
        if default not in texts:
            if len(self.problems) == before:
                self.report(node, field, f"expected the text in {default}, the default language")
            return None
        into.extend((name or field, code, text) for code, text in texts.items())
        return texts[default]

    def identifier(self, node: Node, field: str) -> str | None:
        value = self.text(node, field)
        if value is not None and not ID_PATTERN.match(value):
            self.report(
                node,
                field,
                f"expected an id of lowercase letters, digits and dashes; got {value!r}",
            )
            return None
        return value

    def choice(self, node: Node, field: str, enum: type[E]) -> E | None:
        names = [member.value for member in enum]
        if isinstance(node, ScalarNode) and node.value in names:
            return enum(node.value)
        self.report(node, field, f"expected one of {', '.join(names)}; got {describe(node)}")
        return None

    def boolean(self, node: Node, field: str) -> bool | None:
        if isinstance(node, ScalarNode) and node.tag == "tag:yaml.org,2002:bool":
            return bool(self._constructor.construct_object(node))
        self.report(node, field, f"expected true or false; got {describe(node)}")
        return None

    def moment(self, node: Node, field: str) -> datetime | None:
        """An ISO 8601 date and time with a UTC offset, converted to UTC."""
        expected = "expected an ISO 8601 date and time with a UTC offset, like 2026-11-20T14:05:00Z"
        if not isinstance(node, ScalarNode):
            self.report(node, field, f"{expected}; got {describe(node)}")
            return None
        value = _parse_datetime(node, self._constructor)
        if value is None:
            self.report(node, field, f"{expected}; got {node.value!r}")
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            self.report(node, field, f"{expected}; got {node.value!r}, which has no offset")
            return None
        return value.astimezone(UTC)

    def day(self, node: Node, field: str) -> date | None:
        """A calendar date, like 2026-10-01."""
        if isinstance(node, ScalarNode) and node.tag == _TIMESTAMP_TAG:
            value = self._constructor.construct_object(node)
            if isinstance(value, date) and not isinstance(value, datetime):
                return value
        self.report(node, field, f"expected a date like 2026-10-01; got {describe(node)}")
        return None

    def text_list(self, node: Node, field: str) -> list[tuple[str, Node]]:
        """Non-empty strings from a list, each with its node for later reporting."""
        items = self.sequence(node, field)
        if items is None:
            return []
        found = []
        for index, item in enumerate(items):
            value = self.text(item, f"{field}[{index}]")
            if value is not None:
                found.append((value, item))
        return found


def _parse_datetime(
    node: ScalarNode, constructor: yaml.constructor.SafeConstructor
) -> datetime | None:
    if node.tag == _TIMESTAMP_TAG:
        try:
            value = constructor.construct_object(node)
        except ValueError:
            return None
        return value if isinstance(value, datetime) else None
    if node.tag != "tag:yaml.org,2002:str":
        return None
    raw = node.value.strip()
    if not re.match(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}", raw):
        return None
    try:
        return datetime.fromisoformat(raw.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None


def _is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag == "tag:yaml.org,2002:null"


def _join(field: str, key: str) -> str:
    return f"{field}.{key}" if field else key


# What the common slips look like to PyYAML, and what to do about each in plain words.
_HINTS = (
    ("mapping values are not allowed", "a value with a colon in it needs quotes, like "
     'title: "Sign-in: slow"'),
    ("found character '\\t'", "indent with spaces; YAML does not allow tabs"),
    ("found a tab character", "indent with spaces; YAML does not allow tabs"),
    ("expected ',' or ']'", "a list needs its closing ], and an item with a comma or colon in it "
     'needs quotes, like ["one, two"]'),
    ("expected ',' or '}'", "a { } mapping needs its closing }, and a value with a comma or "
     'colon in it needs quotes, like {description: "New here, every step explained"}'),
)  # fmt: skip


def _hint(problem: str) -> str:
    for starts, hint in _HINTS:
        if starts in problem:
            return f" ({hint})"
    return ""
