"""`frontdesk incident translate` and `frontdesk maintenance translate`: a language's text added
to what was posted in the default one, through the same validated write as every staff edit."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLE_LANGUAGES

from frontdesk.cli.main import main as frontdesk
from frontdesk.content.languages import status_in
from frontdesk.content.loading import load_status

INCIDENT = "2026-11-23-mobile-app-sign-in"
INCIDENT_FILE = f"content/status/incidents/{INCIDENT}.yml"
WINDOW = "2026-11-25-payments-and-bank-feeds-upgrade"
WINDOW_FILE = f"content/status/maintenance/{WINDOW}.yml"


def run(root: Path, *args: str):
    return CliRunner().invoke(frontdesk, [*args, "-f", str(root / "mkdocs.yml")])


def german(root: Path):
    return status_in(load_status(root / "content", root, EXAMPLE_LANGUAGES), "de")


def test_an_update_posted_in_english_gets_its_german_later(copy_example: Path) -> None:
    """As staff work under pressure: the update goes out in English, `check` says German
    readers see it in English, the translation follows and the notice is gone."""
    posted = run(copy_example, "incident", "update", INCIDENT, "--status", "monitoring",
                 "--at", "2026-11-23T10:45:00Z", "--message", "en=The fixed app is live.")  # fmt: skip
    assert posted.exit_code == 0, posted.output
    assert (
        "updates[2].message: the newest update is not yet in de"
        in run(copy_example, "check").output
    )
    path = copy_example / INCIDENT_FILE
    before = path.read_text(encoding="utf-8")
    result = run(copy_example, "incident", "translate", INCIDENT, "--language", "de",
                 "--message", "Die korrigierte App ist da.")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert f'git commit -m "Incident {INCIDENT}: its text in de"' in result.output
    after = path.read_text(encoding="utf-8")
    assert after[: before.rindex("message:")] == before[: before.rindex("message:")]  # only it
    assert after.endswith(
        "    message:\n      en: |\n        The fixed app is live.\n"
        "      de: |\n        Die korrigierte App ist da.\n"
    )
    checked = run(copy_example, "check")
    assert checked.exit_code == 0 and "not yet in" not in checked.output, checked.output
    incident = next(i for i in german(copy_example).incidents if i.id == INCIDENT)
    assert incident.updates[-1].message.strip() == "Die korrigierte App ist da."
    assert len(incident.updates) == 3  # no update added


def test_an_earlier_update_and_the_texts_of_an_incident(copy_example: Path) -> None:
    result = run(copy_example, "incident", "translate", INCIDENT, "--language", "de",
                 "--update", "0", "--message", "Erste Meldung, neu übersetzt.",
                 "--title", "Anmeldung in den Apps gestört")  # fmt: skip
    assert result.exit_code == 0, result.output
    incident = next(i for i in german(copy_example).incidents if i.id == INCIDENT)
    assert incident.title == "Anmeldung in den Apps gestört"
    assert incident.updates[0].message.strip() == "Erste Meldung, neu übersetzt."
    assert incident.updates[1].message.startswith("Wir haben die Ursache gefunden.")  # untouched
    english = next(i for i in load_status(copy_example / "content", copy_example,
                                          EXAMPLE_LANGUAGES).incidents if i.id == INCIDENT)  # fmt: skip
    assert english.title == "Some customers cannot sign in to the mobile apps"


def test_a_maintenance_window_written_once_gets_its_german(copy_example: Path) -> None:
    path = copy_example / WINDOW_FILE
    assert path.read_text(encoding="utf-8").startswith("title: Upgrade to card payment")
    result = run(copy_example, "maintenance", "translate", WINDOW, "--language", "de",
                 "--title", "Umstellung der Kartenzahlungen und der Bankanbindung",
                 "--description", "Zwischen 02:00 und 04:00 Uhr kann **Jetzt bezahlen** kurz ausfallen.",
                 "--message", "Gebucht für Mittwoch, 25. November.")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8").startswith(
        "title:\n  en: Upgrade to card payment and bank feed systems\n"
        "  de: Umstellung der Kartenzahlungen und der Bankanbindung\n"
    )
    window = next(m for m in german(copy_example).maintenance if m.id == WINDOW)
    assert window.title == "Umstellung der Kartenzahlungen und der Bankanbindung"
    assert "**Jetzt bezahlen**" in window.description
    assert window.updates[-1].message.strip() == "Gebucht für Mittwoch, 25. November."
    english = next(m for m in load_status(copy_example / "content", copy_example,
                                          EXAMPLE_LANGUAGES).maintenance if m.id == WINDOW)  # fmt: skip
    assert english.title == "Upgrade to card payment and bank feed systems"
    assert english.description.startswith("We're moving the systems")


@pytest.mark.parametrize(
    ("args", "refusal"),
    [
        (["--language", "fr", "--title", "Titre"],
         "'fr' is not one of this site's other languages (de; en is the text as posted)"),
        (["--language", "en", "--title", "Title"],
         "'en' is not one of this site's other languages (de; en is the text as posted)"),
        (["--language", "de"], "nothing to translate; give one or more of title, cause,"),
        (["--language", "de", "--update", "5", "--message", "Text"],
         "updates[5]: there are 2 updates (updates[0] to updates[1])"),
        (["--language", "de", "--compensation", "Ein Monat gratis."],
         "compensation: there is no compensation to translate yet"),
        (["--language", "de", "--title", "  "], "title: the text is empty"),
    ],
    ids=["unknown language", "the default language", "nothing given", "no such update",
         "no such text", "empty"],
)  # fmt: skip
def test_a_translation_that_cannot_be_written_is_refused_and_nothing_changes(
    copy_example: Path, args: list[str], refusal: str
) -> None:
    path = copy_example / INCIDENT_FILE
    before = path.read_text(encoding="utf-8")
    result = run(copy_example, "incident", "translate", INCIDENT, *args)
    assert result.exit_code == 1 and refusal in result.output, result.output
    assert path.read_text(encoding="utf-8") == before


def test_a_site_in_one_language_has_nothing_to_translate_into(make_site) -> None:
    root = make_site({"status/components.yml": "groups:\n  - name: Core\n    components:\n"
                      "      - {id: api, name: API}\n"})  # fmt: skip
    opened = CliRunner().invoke(frontdesk, [
        "incident", "new", "-f", str(root / "mkdocs.yml"), "--title", "API errors",
        "--impact", "minor", "--components", "api", "--cause", "Unknown yet.", "--eta", "unknown",
        "--next-update", "2026-11-23T11:00:00Z", "--prevention", "To follow.",
        "--message", "We are looking into it.", "--started", "2026-11-23T10:00:00Z",
        "--id", "api-errors",
    ])  # fmt: skip
    assert opened.exit_code == 0, opened.output
    result = run(root, "incident", "translate", "api-errors", "--language", "de", "--title", "X")
    assert result.exit_code == 1
    assert "this site has one language (no `languages:` option)" in result.output


def test_a_single_text_never_silently_replaces_one_written_per_language(copy_example) -> None:
    path = copy_example / INCIDENT_FILE
    before = path.read_bytes()
    args = ("incident", "update", INCIDENT, "--status", "identified", "--at",
            "2026-11-23T10:45:00Z", "--message", "New build.", "--message", "de=Neuer Build.")  # fmt: skip
    refused = run(copy_example, *args, "--cause", "The app's sign-in library.")
    assert refused.exit_code == 1
    assert (
        f"{INCIDENT_FILE}: cause: the text is written in en, de, and the new one is one text, "
        "so the de text would be lost. Give each: --cause '...' --cause de='...', or add "
        "--drop-translations" in " ".join(refused.output.split())
    )
    assert path.read_bytes() == before
    given = run(copy_example, *args, "--cause", "The app's sign-in library.",
                "--cause", "de=Die Anmeldebibliothek der App.")  # fmt: skip
    assert given.exit_code == 0, given.output
    incident = next(i for i in german(copy_example).incidents if i.id == INCIDENT)
    assert incident.cause.strip() == "Die Anmeldebibliothek der App."


def test_dropping_the_translations_is_allowed_when_asked_for(copy_example) -> None:
    result = run(copy_example, "incident", "amend", INCIDENT, "--drop-translations",
                 "--prevention", "One text for every reader.")  # fmt: skip
    assert result.exit_code == 0, result.output
    incident = next(i for i in german(copy_example).incidents if i.id == INCIDENT)
    assert incident.prevention.strip() == "One text for every reader."


def test_every_text_flag_takes_a_text_per_language(copy_example) -> None:
    result = run(
        copy_example, "incident", "new", "--title", "Exports fail", "--title", "de=Exporte scheitern",
        "--impact", "minor", "--components", "invoicing", "--cause", "Unknown yet.",
        "--cause", "de=Noch unbekannt.", "--eta", "+2h", "--prevention", "To follow.",
        "--prevention", "de=Folgt.", "--message", "Exports fail.", "--message", "de=Exporte scheitern.",
        "--apology", "Sorry.", "--apology", "de=Entschuldigung.", "--id", "exports",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    incident = next(i for i in german(copy_example).incidents if i.id == "exports")
    assert (incident.title, incident.cause.strip(), incident.prevention.strip()) == (
        "Exporte scheitern", "Noch unbekannt.", "Folgt.")  # fmt: skip
    assert incident.apology.strip() == "Entschuldigung."
    assert incident.updates[0].message.strip() == "Exporte scheitern."


def test_check_names_every_text_of_an_open_incident_not_yet_translated(copy_example) -> None:
    path = copy_example / INCIDENT_FILE
    text = path.read_text(encoding="utf-8")
    cut = text.index("  de: |\n    Um 09:30")
    path.write_text(text[:cut] + text[text.index("eta:") :], encoding="utf-8")  # cause: en only
    result = run(copy_example, "check")
    assert result.exit_code == 0, result.output
    line = 1 + text[: text.index("cause:")].count("\n")
    assert (f"NOTICE  -  {INCIDENT_FILE}:{line}: cause: the cause is not yet in de: readers of "
            "that language see it in en until it is") in result.output  # fmt: skip
