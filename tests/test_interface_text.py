"""Frontdesk's own words in the reader's language: gettext catalogues beside the templates."""

from __future__ import annotations

import itertools
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from babel.messages.extract import extract_python
from conftest import EXAMPLE_LANGUAGES, REPO

from frontdesk.content.loading import load_status
from frontdesk.content.models import (
    ComponentStatus,
    Contact,
    ContactChannel,
    Impact,
    Incident,
    IncidentStatus,
    MaintenanceStatus,
    Update,
)
from frontdesk.mkdocs.config import DEFAULT_LEVELS
from frontdesk.notify.changes import ChangeKind
from frontdesk.notify.messages import STATUS_WORDS
from frontdesk.site.interface import LOCALES, InterfaceText
from frontdesk.site.markup import markdown_renderer
from frontdesk.site.rendering import TEMPLATES, Renderer
from frontdesk.status import state as st
from frontdesk.status.machine import common as machine_common
from frontdesk.status.view import StatusView

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
# Every template customers read takes its words from the catalogue; the staff's review list is
# for the team, in the site's default language.
CONVERTED = sorted(
    path.name for path in (TEMPLATES / "frontdesk").glob("*.html") if path.name != "reviews.html"
)
LANGUAGES = ("de", "fr", "es")
MACHINE = Path(machine_common.__file__).parent
PACKAGE = MACHINE.parent.parent
CONTACT = Contact((ContactChannel("email", "Email", "help@example.com", "within a day"),),
                  "Monday to Friday, 09:00 to 17:00", "UK")  # fmt: skip


def view() -> StatusView:
    return StatusView(load_status(REPO / "content", REPO, EXAMPLE_LANGUAGES), NOW)


def renderer(language: str, site_dirs=()) -> Renderer:  # noqa: ANN001
    return Renderer(markdown_renderer(), interface=InterfaceText(language, site_dirs))


def phrases_in_templates() -> set[str]:
    env = renderer("en").env
    found = set()
    for name in CONVERTED:
        source = (TEMPLATES / "frontdesk" / name).read_text(encoding="utf-8")
        for _line, _function, message in env.extract_translations(source):
            texts = message if isinstance(message, tuple) else (message,)
            found.update(t for t in texts[:1] if t)  # the singular stands for a plural entry
    return found


def phrases_in_theme() -> set[str]:
    """The words of the theme's partials (Material's header, patched), which call
    frontdesk_text("...") rather than gettext."""
    call = re.compile(r"""frontdesk_text\(\s*(["'])(.+?)\1\s*\)""")
    return {
        match[1]
        for path in (PACKAGE / "site/theme").rglob("*.html")
        for match in call.findall(path.read_text(encoding="utf-8"))
    }


def test_the_theme_phrases_are_found() -> None:
    assert {"Help for", "All levels", "Search the help centre", "Search"} <= phrases_in_theme()


def placeholders(text: str) -> set[str]:
    return set(re.findall(r"%\((\w+)\)[sd]", text))


def promise_wordings() -> set[str]:
    """Every text part of the restoration promise, at every moment that changes it."""
    started = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
    later = [None, datetime(2026, 11, 23, 12, 0, tzinfo=UTC)]
    found = set()
    for eta, next_update in itertools.product(later, later):
        update = Update(started, "investigating", "Looking.")
        incident = Incident(
            id="x", source="x.yml", title="x", impact=Impact.MAJOR, affected=(), started=started,
            updates=(update,), eta=eta, next_update=next_update,
        )  # fmt: skip
        for at in (started, datetime(2026, 11, 24, tzinfo=UTC)):
            found.update(p for p in st.promise_parts(incident, at) if isinstance(p, str))
    return found - {"."}


# Python modules that say phrases to readers, and the name they say them through.
SPEAKING_MODULES = {
    **{MACHINE / f"{name}.py": "words" for name in ("entry_html", "feeds", "calendar")},
    PACKAGE / "site/pages.py": "_",  # page titles
    PACKAGE / "site/rendering.py": "_",  # the scripts' words
    PACKAGE / "mkdocs/config.py": "_",  # "Was this page helpful?"
    PACKAGE / "notify/messages.py": "words",  # notifications
}


def phrases_in_python() -> set[str]:
    """The phrases those modules pass by name (`words("...")`, `_("...")`) for translation."""
    found = set()
    for path, keyword in SPEAKING_MODULES.items():
        with path.open("rb") as source:
            for _line, _function, message, _comments in extract_python(
                source, {keyword: None, "plural": (1, 2)}, [], {}
            ):
                phrase = message[0] if isinstance(message, tuple) else message
                if isinstance(phrase, str):  # a phrase as written, not a label by name
                    found.add(phrase)
    return found


def named_phrases() -> set[str]:
    """Words the templates and page titles translate by name rather than as written there."""
    english = renderer("en")
    return {
        *(impact.label for impact in Impact),
        *(status.label for status in ComponentStatus),
        *(status.label.lower() for status in (*ComponentStatus, *IncidentStatus)),
        *(s.value.replace("_", " ").capitalize() for s in (*IncidentStatus, *MaintenanceStatus)),
        "Planned", "Cancelled",  # maintenance phases
        *(level[key] for level in DEFAULT_LEVELS for key in ("label", "description")),
        "Home",  # the title this site's `nav:` gives its front page
        *english._script_text()["keys"].values(),  # type: ignore[union-attr]
        *promise_wordings(),
        *(kind.value for kind in ChangeKind), *STATUS_WORDS.values(),  # notifications
    }  # fmt: skip


def allowed_placeholders(english: str) -> set[str]:
    """A translation names the values its English does; `label` may stand for a lowercased
    `level` (the name as written, for languages that capitalise it)."""
    names = placeholders(english)
    return names | {"label"} if "level" in names else names


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_phrase_of_the_converted_templates_is_in_each_catalogue(language: str) -> None:
    catalogue = InterfaceText(language)
    missing = (
        phrases_in_templates() | phrases_in_theme() | phrases_in_python() | named_phrases()
    ) - catalogue.phrases
    assert missing == set()
    for phrase in catalogue.phrases:  # a translation keeps the values the English names
        translated = placeholders(catalogue.gettext(phrase))
        assert translated <= allowed_placeholders(phrase), phrase
        assert placeholders(phrase) - translated <= {"level"}, phrase


def test_english_is_the_templates_own_text() -> None:
    english, default = renderer("en"), Renderer(markdown_renderer())
    assert english.banner(view()) == default.banner(view())
    assert "Major incident:</strong>" in english.banner(view())
    assert "Still need help?" in english.help_panel(CONTACT, [], "", "articles/")


def test_the_banner_and_help_panel_in_german() -> None:
    german = renderer("de")
    banner = german.banner(view())
    assert (
        "Störung (erheblich):</strong> Some customers cannot sign in to the mobile apps." in banner
    )
    assert "Betrifft Sign-in" in banner and "Aktualisiert <time" in banner
    assert "Was passiert ist und was wir tun</a>" in banner
    assert 'aria-label="Dienststatus"' in banner
    panel = german.help_panel(CONTACT, list(view().active), "", "articles/")
    assert "Brauchen Sie weitere Hilfe?" in panel
    assert "wir antworten within a day" in panel  # the site's own words stay as written
    assert "Supportzeiten: Monday to Friday, 09:00 to 17:00 (Zeitzone UK)." in panel


def test_the_front_page_panel_in_french() -> None:
    panel = renderer("fr").panel(view(), "")
    assert "État du service : panne partielle</h2>" in panel
    assert "Impact majeur</span> Some customers cannot sign in to the mobile apps" in panel
    assert "<dt>Ce qui n’a pas fonctionné</dt>" in panel
    assert "Chronologie complète de cet incident</a>" in panel


def test_a_site_overrides_and_extends_a_catalogue(tmp_path: Path) -> None:
    (tmp_path / "locales").mkdir()
    (tmp_path / "locales/de.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Still need help?"\nmsgstr "Noch Fragen?"\n',
        encoding="utf-8",
    )
    panel = renderer("de", [tmp_path]).help_panel(CONTACT, [], "", "articles/")
    assert "Noch Fragen?" in panel and "Brauchen Sie" not in panel
    assert "Supportzeiten:" in panel  # the rest still from Frontdesk's catalogue


def test_a_language_without_a_catalogue_shows_english() -> None:
    assert renderer("nl").banner(view()) == renderer("en").banner(view())
    assert sorted(p.stem for p in LOCALES.glob("*.po")) == sorted(LANGUAGES)
