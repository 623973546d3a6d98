"""Article and category translations beside their originals, read with the site's languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontdesk.content.errors import ContentError
from frontdesk.content.languages import (
    Language,
    LanguageError,
    missing_languages,
    read_languages,
    status_in,
    translation_parts,
)
from frontdesk.content.loading import load_site
from frontdesk.content.models import translated

LEVELS = ["novice", "intermediate", "expert"]
COMPONENTS = """\
groups:
  - name: Core
    components:
      - {id: sign-in, name: Sign-in}
      - {id: web-app, name: Web app}
"""
ORIGINAL = """\
---
title: Reset your password
audience: novice
summary: Get a reset link by email and choose a new password.
tags: [password, sign-in]
components: [sign-in]
reviewed: 2026-10-01
owner: Support
---
Open the sign-in page.
"""


def site(tmp_path: Path, files: dict[str, str]) -> Path:
    docs = tmp_path / "content"
    (docs / "status").mkdir(parents=True)
    (docs / "status/components.yml").write_text(COMPONENTS)
    for name, text in {
        "articles/account/index.md": "---\ntitle: Your account\nsummary: Sign-in and security.\n---\n",
        "articles/account/reset-password.md": ORIGINAL,
        **files,
    }.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text)
    return docs


def load(docs: Path, languages=("en", "de")):  # noqa: ANN001, ANN201
    return load_site(docs, docs.parent, LEVELS, languages=languages)


def problems(docs: Path, languages=("en", "de")) -> list[str]:  # noqa: ANN001
    with pytest.raises(ContentError) as caught:
        load(docs, languages)
    return [str(problem) for problem in caught.value.problems]


def test_a_translation_needs_only_what_differs(tmp_path: Path) -> None:
    docs = site(tmp_path, {
        "articles/account/reset-password.de.md": "---\ntitle: Passwort zurücksetzen\n---\nÖffnen Sie die Anmeldeseite.\n",
        "articles/account/index.de.md": "---\ntitle: Ihr Konto\nsummary: Anmeldung und Sicherheit.\n---\n",
    })  # fmt: skip
    content = load(docs)
    assert [a.src_uri for a in content.articles] == ["articles/account/reset-password.md"]
    by_file = {t.src_uri: t for t in content.translations}
    article = by_file["articles/account/reset-password.de.md"]
    assert (article.original, article.language, article.title) == (
        "articles/account/reset-password.md", "de", "Passwort zurücksetzen")  # fmt: skip
    assert article.summary == "Get a reset link by email and choose a new password."  # untranslated
    assert article.tags == ("password", "sign-in")
    assert article.source == "content/articles/account/reset-password.de.md"
    category = by_file["articles/account/index.de.md"]
    assert (category.original, category.title, category.summary) == (
        "articles/account/index.md", "Ihr Konto", "Anmeldung und Sicherheit.")  # fmt: skip


def test_a_translation_that_contradicts_its_original_names_its_file_line_and_field(
    tmp_path: Path,
) -> None:
    docs = site(tmp_path, {"articles/account/reset-password.de.md": """\
---
title: Passwort zurücksetzen
audience: expert
components: [sign-in, web-app]
reviewed: 2026-10-01
owner: Someone else
---
"""})  # fmt: skip
    where = "content/articles/account/reset-password.de.md"
    assert problems(docs) == [
        f"{where}:3: audience: a translation takes its audience from reset-password.md "
        "('novice'); got 'expert'",
        f"{where}:4: components: a translation takes its components from reset-password.md "
        "([sign-in]); got [sign-in, web-app]",
        f"{where}:6: owner: a translation takes its owner from reset-password.md ('Support'); "
        "got 'Someone else'",
    ]


def test_a_translation_may_repeat_what_it_inherits(tmp_path: Path) -> None:
    text = ORIGINAL.replace("Reset your password", "Passwort zurücksetzen")
    docs = site(tmp_path, {"articles/account/reset-password.de.md": text})
    assert [t.title for t in load(docs).translations] == ["Passwort zurücksetzen"]


def test_a_translation_without_an_original_or_a_title_is_an_error(tmp_path: Path) -> None:
    docs = site(tmp_path, {
        "articles/account/lost-phone.de.md": "---\ntitle: Telefon verloren\n---\n",
        "articles/account/reset-password.de.md": "---\nsummary: Ohne Titel.\n---\n",
    })  # fmt: skip
    assert problems(docs) == [
        "content/articles/account/lost-phone.de.md:1: file name: a translation of lost-phone.md,"
        " which does not exist",
        "content/articles/account/reset-password.de.md:2: title: required field is missing",
    ]


def test_a_language_the_site_does_not_have_is_an_error(tmp_path: Path) -> None:
    docs = site(tmp_path, {
        "articles/account/reset-password.fr.md": "---\ntitle: Réinitialiser\n---\n",
        "articles/account/reset-password.en.md": "---\ntitle: Reset\n---\n",
    })  # fmt: skip
    assert problems(docs) == [
        "content/articles/account/reset-password.en.md:1: file name: en is the default language:"
        " its text is reset-password.md",
        "content/articles/account/reset-password.fr.md:1: file name: unknown language code 'fr';"
        " the site's languages are en, de",
    ]


def test_without_languages_a_dotted_name_is_an_ordinary_article(tmp_path: Path) -> None:
    text = ORIGINAL.replace("Reset your password", "Reset (German team)")
    docs = site(tmp_path, {"articles/account/reset-password.de.md": text})
    content = load(docs, languages=())
    assert [a.src_uri for a in content.articles] == [
        "articles/account/reset-password.de.md", "articles/account/reset-password.md"]  # fmt: skip
    assert content.translations == ()


def test_file_names_name_their_language() -> None:
    assert translation_parts("reset.de.md") == ("reset.md", "de")
    assert translation_parts("index.pt-BR.md") == ("index.md", "pt-BR")
    assert translation_parts("reset.md") is None
    assert translation_parts("v2.0.md") is None and translation_parts(".de.md") is None


def test_the_languages_option() -> None:
    assert read_languages(None) == ()
    assert read_languages([{"code": "en", "name": "English"}, {"code": "de", "name": "Deutsch"}]) == (
        Language("en", "English"), Language("de", "Deutsch"))  # fmt: skip
    for raw, message in [
        ("en", "languages: expected a list"),
        ([{"code": "EN", "name": "English"}], "languages[0].code: expected a language code"),
        ([{"code": "en"}], "languages[0]: expected exactly `code` and `name`"),
        ([{"code": "de", "name": "Deutsch"}, {"code": "de", "name": "German"}],
         "languages[1].code: 'de' is listed twice"),
    ]:  # fmt: skip
        with pytest.raises(LanguageError, match=message.replace("[", r"\[").replace("]", r"\]")):
            read_languages(raw)


INCIDENT = """\
title: {en: Card payments failing, de: Kartenzahlungen schlagen fehl}
impact: major
components: [sign-in]
started: 2026-11-23T09:00:00Z
cause:
  en: Our card processor is down.
  de: Unser Kartendienstleister ist ausgefallen.
eta: 2026-11-23T12:00:00Z
prevention: A second card processor.
updates:
  - at: 2026-11-23T09:05:00Z
    status: investigating
    message:
      en: Card payments fail for some customers.
      de: Kartenzahlungen schlagen bei einigen Kunden fehl.
"""


def status_site(tmp_path: Path, incident: str, components: str = COMPONENTS) -> Path:
    docs = site(tmp_path, {})
    (docs / "status/components.yml").write_text(components)
    (docs / "status/incidents").mkdir()
    (docs / "status/incidents/2026-11-23-card-payments.yml").write_text(incident)
    return docs


def test_status_text_may_be_given_per_language(tmp_path: Path) -> None:
    docs = status_site(tmp_path, INCIDENT, COMPONENTS.replace(
        "{id: sign-in, name: Sign-in}", "{id: sign-in, name: {en: Sign-in, de: Anmeldung}}"))  # fmt: skip
    status = load(docs, ("en", "de", "fr")).status
    incident = status.incidents[0]
    assert incident.title == "Card payments failing"  # the default language, as before
    assert translated(incident, "title", "de") == "Kartenzahlungen schlagen fehl"
    assert translated(incident, "cause", "de") == "Unser Kartendienstleister ist ausgefallen."
    assert translated(incident, "prevention", "de") == "A second card processor."  # all languages
    assert translated(incident, "title", "fr") == "Card payments failing"  # falls back
    update = incident.updates[0]
    assert (update.message, translated(update, "message", "de")) == (
        "Card payments fail for some customers.", "Kartenzahlungen schlagen bei einigen Kunden fehl.")  # fmt: skip
    component = status.catalog.components[0]
    assert (component.name, translated(component, "name", "de")) == ("Sign-in", "Anmeldung")


def test_a_text_in_an_unknown_language_or_without_the_default_is_an_error(tmp_path: Path) -> None:
    text = INCIDENT.replace("de: Kartenzahlungen schlagen fehl", "es: Pagos con tarjeta").replace(
        "  en: Our card processor is down.\n", "")  # fmt: skip
    docs = status_site(tmp_path, text)
    where = "content/status/incidents/2026-11-23-card-payments.yml"
    assert problems(docs) == [
        f"{where}:1: title.es: unknown language code 'es'; the site's languages are en, de",
        f"{where}:6: cause: expected the text in en, the default language",
    ]


def test_a_template_placeholder_in_any_language_is_refused(tmp_path: Path) -> None:
    docs = status_site(tmp_path, INCIDENT.replace("schlagen fehl}", "<<was genau>>}"))
    assert problems(docs) == [
        "content/status/incidents/2026-11-23-card-payments.yml:1: title.de: still contains the"
        " template placeholder '<<was genau>>'; replace it with real words",
    ]


def test_without_languages_a_text_per_language_is_refused_as_before(tmp_path: Path) -> None:
    docs = status_site(tmp_path, INCIDENT)
    found = problems(docs, languages=())
    assert found[0] == (
        "content/status/incidents/2026-11-23-card-payments.yml:1: title: expected text; got a mapping"
    )


def test_the_status_as_a_language_reads_it(tmp_path: Path) -> None:
    docs = status_site(
        tmp_path, INCIDENT, COMPONENTS.replace("name: Core", "name: {en: Core, de: Kern}")
    )
    status = load(docs, ("en", "de", "fr")).status
    german, french = status_in(status, "de"), status_in(status, "fr")
    incident = german.incidents[0]
    assert (incident.title, incident.cause, incident.prevention) == (
        "Kartenzahlungen schlagen fehl", "Unser Kartendienstleister ist ausgefallen.",
        "A second card processor.")  # fmt: skip
    assert incident.updates[0].message == "Kartenzahlungen schlagen bei einigen Kunden fehl."
    assert (incident.id, incident.started, incident.impact) == (
        status.incidents[0].id, status.incidents[0].started, status.incidents[0].impact)  # fmt: skip
    assert german.catalog.groups[0].name == "Kern"
    assert french.incidents[0].title == "Card payments failing"  # no French yet: the default
    assert status_in(status, "en") == status


def test_which_languages_an_update_still_lacks(tmp_path: Path) -> None:
    docs = status_site(tmp_path, INCIDENT)
    incident = load(docs, ("en", "de", "fr")).status.incidents[0]
    assert missing_languages(incident.updates[0], "message", ["de", "fr"]) == ["fr"]
    assert missing_languages(incident, "prevention", ["de", "fr"]) == []  # written for all
