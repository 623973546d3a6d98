"""The languages of a site: the first is the default (at the site root), each other under
/<code>/. A site that names none has one language and is built exactly as before."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from frontdesk.content.models import Catalog, StatusContent

CODE = re.compile(r"^[a-z]{2,3}(?:-[A-Z][A-Za-z]{1,3})?$")  # en, de, pt-BR, zh-Hant


_Entry = TypeVar("_Entry")


class LanguageError(ValueError):
    """A `languages:` option the site cannot mean."""


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # in the language itself, as a reader looks for it: Deutsch, Français


def read_languages(raw: object) -> tuple[Language, ...]:
    """The `languages:` option: a list of `{code, name}`, codes unique."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise LanguageError("languages: expected a list of {code: de, name: Deutsch}")
    found: list[Language] = []
    for index, item in enumerate(raw):
        where = f"languages[{index}]"
        if not isinstance(item, dict) or set(item) != {"code", "name"}:
            raise LanguageError(f"{where}: expected exactly `code` and `name`")
        code, name = item["code"], item["name"]
        if not isinstance(code, str) or not CODE.match(code):
            raise LanguageError(
                f"{where}.code: expected a language code like de or pt-BR; got {code!r}"
            )
        if not isinstance(name, str) or not name.strip():
            raise LanguageError(f"{where}.name: expected the language's name, like Deutsch")
        if code in {language.code for language in found}:
            raise LanguageError(f"{where}.code: {code!r} is listed twice")
        found.append(Language(code, name.strip()))
    return tuple(found)


def translation_parts(file_name: str) -> tuple[str, str] | None:
    """('reset.md', 'de') for 'reset.de.md'; None for a name without a language before `.md`."""
    stem, dot, suffix = file_name.rpartition(".")
    base, dot2, code = stem.rpartition(".")
    if not (dot and dot2 and suffix == "md" and base and CODE.match(code)):
        return None
    return f"{base}.md", code


def status_in(content: StatusContent, language: str) -> StatusContent:
    """The status as readers of `language` read it: every text in that language where it has
    one, in the default language where it has not. Ids, times and statuses are the same."""
    return replace(
        content,
        catalog=Catalog(tuple(
            _in(group, language, components=tuple(_in(c, language) for c in group.components))
            for group in content.catalog.groups
        )),
        incidents=tuple(
            _in(i, language, updates=tuple(_in(u, language) for u in i.updates))
            for i in content.incidents
        ),
        maintenance=tuple(
            _in(m, language, updates=tuple(_in(u, language) for u in m.updates))
            for m in content.maintenance
        ),
    )  # fmt: skip


def missing_languages(entry: object, name: str, languages: Sequence[str]) -> list[str]:
    """Those of `languages` without a text of their own for `name`, when it was written per
    language; none when it was written once, for all languages."""
    given = {code for field, code, _ in getattr(entry, "translations", ()) if field == name}
    return [code for code in languages if given and code not in given]


def fallback_language(entry: object, name: str, language: str, default: str) -> str:
    """`default` where `name` was written per language but not in `language` (readers of it
    see the default language's text); empty where it has its own text or one for all."""
    if not default or language == default:
        return ""
    return default if missing_languages(entry, name, [language]) else ""


def _in(entry: _Entry, language: str, **changes: object) -> _Entry:
    texts = {name: text for name, code, text in entry.translations if code == language}
    return replace(entry, **texts, **changes) if texts or changes else entry
