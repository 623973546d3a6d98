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
from pathlib import Path

from babel.messages.pofile import read_po

LOCALES = Path(__file__).parent / "locales"
SOURCE_LANGUAGE = "en"


class InterfaceText:
    """gettext and ngettext for one language, from the package's catalogue and the site's."""

    def __init__(self, language: str, site_dirs: Sequence[Path] = ()) -> None:
        self.language = language
        self._singular: dict[str, str] = {}
        self._plural: dict[tuple[str, str], list[str]] = {}
        self._plural_index = gettext.c2py("(n != 1)")  # English's, until a catalogue says
        if language == SOURCE_LANGUAGE:
            return
        for folder in [LOCALES, *(Path(d) / "locales" for d in site_dirs)]:
            path = folder / f"{language}.po"
            if path.is_file():
                self._read(path)

    def gettext(self, message: str) -> str:
        return self._singular.get(message) or message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        forms = self._plural.get((singular, plural))
        if forms and all(forms):
            return forms[min(self._plural_index(n), len(forms) - 1)]
        return singular if n == 1 else plural

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
