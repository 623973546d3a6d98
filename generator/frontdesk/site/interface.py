"""The words Frontdesk's own templates show, in the reader's language.

English is written in the templates themselves; each other language is a gettext catalogue,
`locales/<code>.po` in this package, which a site extends or overrides with its own
`<custom_dir>/locales/<code>.po` (an entry there wins). A language without a catalogue, or a
phrase a catalogue lacks, shows the English. A catalogue belongs with the templates: its text is
shown as written, as a template's is (the values put into it are escaped).
"""

from __future__ import annotations

import gettext
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_skeleton
from babel.messages.pofile import read_po

from frontdesk.status.machine.common import Wording, readable_time

LOCALES = Path(__file__).parent / "locales"
SOURCE_LANGUAGE = "en"


class InterfaceText:
    """gettext and ngettext for one language, from the package's catalogue and the site's."""

    def __init__(self, language: str, site_dirs: Sequence[Path] = ()) -> None:
        self.language = language
        self._singular: dict[str, str] = {}
        self._plural: dict[tuple[str, str], list[str]] = {}
        self._plural_index = gettext.c2py("(n != 1)")  # English's, until a catalogue says
        # Dates as the language writes them where it has a catalogue; English's otherwise, so
        # that a page in English words does not carry dates in another language.
        self._locale: Locale | None = None
        if language == SOURCE_LANGUAGE:
            return
        catalogues = [LOCALES, *(Path(d) / "locales" for d in site_dirs)]
        found = [path for folder in catalogues if (path := folder / f"{language}.po").is_file()]
        for path in found:
            self._read(path)
        try:
            self._locale = Locale.parse(language, sep="-") if found else None
        except (ValueError, UnknownLocaleError):
            self._locale = None

    def gettext(self, message: str) -> str:
        return self._singular.get(message) or message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        forms = self._plural.get((singular, plural))
        if forms and all(forms):
            return forms[min(self._plural_index(n), len(forms) - 1)]
        return singular if n == 1 else plural

    def wording(self) -> Wording:
        """These words and dates, for what people read outside the site."""
        return Wording(self.language, self.gettext, self.utc_time, self.ngettext)

    def utc_time(self, moment: datetime) -> str:
        """A moment in UTC, the zone named: 2026-11-23 12:00 UTC in English, as written in the
        language otherwise (23. Nov. 2026, 12:00 UTC), from Babel's locale data."""
        if self._locale is None:
            return readable_time(moment)
        day = format_skeleton("yMMMd", moment, tzinfo=UTC, locale=self._locale)
        time = format_skeleton("Hm", moment, tzinfo=UTC, locale=self._locale)
        return self._locale.datetime_formats["medium"].format(time, day) + " UTC"

    def month(self, moment: datetime) -> str:
        """November 2026; November 2026 in German, novembre 2026 in French."""
        if self._locale is None:
            return moment.strftime("%B %Y")
        return format_skeleton("yMMMM", moment, tzinfo=UTC, locale=self._locale)

    def language_name(self, code: str, fallback: str) -> str:
        """A language's name in this one ("Englisch" for en in German), from Babel's locale
        data; `fallback` where Babel has none."""
        try:
            name = Locale.parse(code, sep="-").get_language_name(self.language.replace("-", "_"))
        except (ValueError, UnknownLocaleError):
            return fallback
        return name or fallback

    @property
    def phrases(self) -> set[str]:
        """The English phrases this language has a text for."""
        return set(self._singular) | {singular for singular, _ in self._plural}

    def _read(self, path: Path) -> None:
        with path.open("rb") as stream:
            catalog = read_po(stream, locale=self.language.replace("-", "_"))
        self._plural_index = gettext.c2py(catalog.plural_expr)
        for message in catalog:
            if not message.id or message.fuzzy:
                continue
            if isinstance(message.id, tuple):
                self._plural[(message.id[0], message.id[1])] = list(message.string)
            elif message.string:
                self._singular[message.id] = message.string
