"""The example help centre in English and German: each page once per language, the banner, the
status pages, feeds and search in the reader's language, a page without a translation marked as
such, `hreflang` links that lead to each other, and a site without languages as it always was."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import icalendar
import pytest
from browser import RESULT_TITLES
from click.testing import CliRunner
from conftest import REPO
from english_only.renew import build as english_only_build
from english_only.renew import installed_versions
from mkdocs.exceptions import Abort
from pages import announce, content, read, region, text
from statuspage_schema import DOCUMENTS, validator

from frontdesk.cli.main import main as frontdesk

ACTIVE = "status/incidents/2026-11-23-mobile-app-sign-in/"
ACTIVE_FILE = "content/status/incidents/2026-11-23-mobile-app-sign-in.yml"
ACTIVE_ID = "2026-11-23-mobile-app-sign-in"
TRANSLATED = "articles/account/reset-password/"
UNTRANSLATED = "articles/account/two-factor-authentication/"
SITE_URL = "https://help.tallybook.example/"
_HTML_LANG = re.compile(r'<html lang="([^"]+)"')
_HREFLANG = re.compile(r'<link rel="alternate" href="([^"]+)" hreflang="([^"]+)">')


def html_lang(page: str) -> str:
    match = _HTML_LANG.search(page)
    assert match, "the page has no <html lang>"
    return match.group(1)


def pages_of(site: Path) -> list[Path]:
    return sorted(
        p for p in site.rglob("index.html") if not p.relative_to(site).parts[0].startswith(".")
    )


def url_of(site: Path, path: Path) -> str:
    """The page's site-relative URL: `de/status/` for de/status/index.html."""
    relative = path.relative_to(site).as_posix()
    return relative.removesuffix("index.html")


def test_the_german_front_page(example_site: Path) -> None:
    page = read(example_site, "de/")
    assert html_lang(page) == "de"
    shown = text(content(page))
    assert "Willkommen! Hier finden Sie Antworten rund um Tallybook" in shown
    assert "Dienststatus: Teilausfall" in shown  # the status panel, in German
    assert "Manche Kundinnen und Kunden können sich nicht in den Apps anmelden" in shown
    assert "Betroffen Anmeldung (Teilausfall), Apps (Teilausfall)" in shown
    assert "Wie können wir helfen?" in shown
    assert "Einsteiger" in shown and "Neu hier: jeder Schritt erklärt" in shown  # start here
    assert "23. Nov. 2026, 09:35 UTC" in shown  # dates as German writes them, still in UTC
    assert "Some customers cannot sign in" not in page
    assert html_lang(read(example_site, "")) == "en"


def test_the_banner_is_german_on_every_german_page_and_english_on_the_others(
    example_site: Path,
) -> None:
    german, english = set(), set()
    for path in pages_of(example_site):
        url = url_of(example_site, path)
        if url in ("", "de/"):  # the front pages show the full panel instead
            continue
        (german if url.startswith("de/") else english).add(announce(path.read_text("utf-8")))
    assert len(german) == 1 and len(english) == 1  # the same on every page of a language
    (banner,) = german
    assert "Störung (erheblich):</strong> Manche Kundinnen und Kunden" in banner
    assert "Voraussichtlich wieder verfügbar bis <time" in banner  # the promise, in German
    assert f'href="/de/{ACTIVE}"' in banner
    (other,) = english
    assert "Major incident:</strong> Some customers cannot sign in" in other
    assert f'href="/{ACTIVE}"' in other


def test_the_german_incident_page(example_site: Path) -> None:
    page = read(example_site, f"de/{ACTIVE}")
    assert html_lang(page) == "de"
    shown = text(content(page))
    assert "Was schiefgelaufen ist Um 09:30 Uhr deutscher Zeit haben wir" in shown
    assert "Neuigkeiten, neueste zuerst Ursache gefunden · 23. Nov. 2026, 09:35 UTC" in shown
    assert "Wir haben die Ursache gefunden." in shown
    assert "Was wir tun, damit es nicht wieder passiert Bevor wir etwas an der Anmeldung" in shown
    assert "Das tut uns leid." in shown
    status = text(content(read(example_site, "de/status/")))
    assert "Kerndienste" in status and "Anmeldung Teilausfall" in status


def test_the_german_feed_and_calendar_lead_to_german_pages(example_site: Path) -> None:
    german = feedparser.parse((example_site / "de/status/feed.atom").read_bytes())
    english = feedparser.parse((example_site / "status/feed.atom").read_bytes())
    assert not german.bozo and not english.bozo
    assert german.feed.language == "de" and english.feed.language == "en"
    (entry,) = [e for e in german.entries if e.link == f"{SITE_URL}de/{ACTIVE}"]
    assert entry.title == "Manche Kundinnen und Kunden können sich nicht in den Apps anmelden"
    assert "<h3>Was schiefgelaufen ist</h3>" in entry.content[0].value
    assert "<strong>Begonnen:</strong> 23. Nov. 2026, 08:40 UTC" in entry.content[0].value
    assert all(e.link.startswith(f"{SITE_URL}de/status/") for e in german.entries)
    assert len(german.entries) == len(english.entries)
    assert [e.title for e in english.entries if e.link == f"{SITE_URL}{ACTIVE}"] == [
        "Some customers cannot sign in to the mobile apps"
    ]
    calendar = icalendar.Calendar.from_ical(
        (example_site / "de/status/maintenance.ics").read_bytes()
    )
    links = [str(event["URL"]) for event in calendar.walk("VEVENT")]
    assert links and all(link.startswith(f"{SITE_URL}de/status/maintenance/") for link in links)
    assert '<link rel="alternate" type="application/atom+xml"' in read(example_site, "de/")
    assert 'href="/de/status/feed.atom"' in read(example_site, "de/")


def test_the_status_api_is_one_set_of_documents_in_the_default_language(
    example_site: Path,
) -> None:
    assert not (example_site / "de/api").exists() and not (example_site / "de/badges").exists()
    incidents = json.loads((example_site / "api/v2/incidents.json").read_text(encoding="utf-8"))
    active = next(i for i in incidents["incidents"] if i["id"] == ACTIVE_ID)
    assert active["name"] == "Some customers cannot sign in to the mobile apps"
    assert "Manche Kundinnen" not in json.dumps([active[k] for k in active if k != "frontdesk"])
    # Each entry carries its texts in the other languages too, for notifications in them.
    german = active["frontdesk"]["languages"]["de"]
    assert german["name"].startswith("Manche Kundinnen und Kunden")
    assert german["shortlink"] == f"https://help.tallybook.example/de/status/incidents/{ACTIVE_ID}/"
    assert german["components"] == {"mobile-apps": "Apps", "sign-in": "Anmeldung"}
    assert german["incident_updates"][f"{ACTIVE_ID}-2"].startswith("Wir haben die Ursache")
    assert german["cause"].startswith("Um 09:30 Uhr deutscher Zeit")
    assert set(active["frontdesk"]["languages"]) == {"de"}
    for path, definition in DOCUMENTS.items():  # still valid against the published schema
        document = json.loads((example_site / path).read_text(encoding="utf-8"))
        validator(definition).validate(document)


def test_a_page_without_a_translation_is_marked_and_keeps_its_own_language(
    example_site: Path,
) -> None:
    page = read(example_site, f"de/{UNTRANSLATED}")
    assert html_lang(page) == "de"  # the page around it: German menus and labels
    body = content(page)
    assert "Diese Seite ist noch nicht übersetzt. Hier steht sie auf Englisch." in text(body)
    # Its title too is in English, above the note; the theme adds no heading of its own.
    assert body.count("<h1") == 1
    assert '<h1 lang="en">Turn on two-factor authentication</h1>' in body
    topic = page[page.index('data-md-component="header-topic"') :]  # Material's header title
    assert re.match(
        r'[^<]*<span class="md-ellipsis">\s*<span lang="en">\s*Turn on two-factor',
        topic[topic.index(">") + 1 :],
    )
    translated_topic = read(example_site, f"de/{TRANSLATED}")
    assert (
        '<span lang="en">' not in translated_topic[translated_topic.index("header-topic") :][:300]
    )
    assert body.index("<h1") < body.index("noch nicht übersetzt")
    english = body[body.index('<div lang="en">') :]
    assert "asks for a one-time code from your phone" in text(english)
    translated = content(read(example_site, f"de/{TRANSLATED}"))
    assert "noch nicht übersetzt" not in translated and '<div lang="en">' not in translated
    assert "Wenn Sie Ihr Passwort vergessen haben" in text(translated)
    # Material's "Was this page helpful?", which Frontdesk configures, asks in German too.
    article = read(example_site, f"de/{TRANSLATED}")
    assert "War diese Seite hilfreich?" in article and "Was this page helpful" not in article
    assert "Was this page helpful?" in read(example_site, TRANSLATED)
    # Lists say which of their entries are still in English.
    listing = content(read(example_site, "de/articles/account/"))
    assert '<a href="two-factor-authentication/" lang="en">Turn on two-factor' in listing
    assert '<a href="reset-password/">Passwort zurücksetzen</a>' in listing


def test_every_page_exists_in_both_languages_and_hreflang_links_lead_to_each_other(
    example_site: Path,
) -> None:
    urls = {url_of(example_site, path) for path in pages_of(example_site)}
    english = {url for url in urls if not url.startswith("de/")}
    assert {url for url in urls if url.startswith("de/")} == {
        f"de/{url}" for url in english if not url.startswith("staff/")
    }
    checked = 0
    for path in pages_of(example_site):
        page_url = urljoin(SITE_URL, url_of(example_site, path))
        links = dict(
            (lang, urljoin(page_url, href))
            for href, lang in _HREFLANG.findall(path.read_text("utf-8"))
        )
        if url_of(example_site, path).startswith("staff/"):
            assert links == {}  # the team's page has no other language
            continue
        assert set(links) == {"en", "de"}, path
        for lang, target in links.items():
            target_path = example_site / urlsplit(target).path.lstrip("/") / "index.html"
            other = target_path.read_text(encoding="utf-8")
            assert html_lang(other) == lang
            back = {lang_: urljoin(target, href) for href, lang_ in _HREFLANG.findall(other)}
            assert back == links  # the same set, from either side
            checked += 1
    assert checked == 2 * 2 * len([url for url in english if not url.startswith("staff/")])


def test_each_language_has_its_own_navigation(example_site: Path) -> None:
    page = read(example_site, f"de/{UNTRANSLATED}")
    nav = region(page, "md-nav md-nav--primary")
    hrefs = re.findall(r'<a href="([^"#]+)" class="md-nav__link', nav)
    page_url = urljoin(SITE_URL, f"de/{UNTRANSLATED}")
    assert hrefs and all(urljoin(page_url, h).startswith(f"{SITE_URL}de/") for h in hrefs)
    shown = text(nav)
    assert "Hilfethemen" in shown  # the site's own catalogue: overrides/locales/de.po
    assert "Ihr Konto" in shown and "Hilfe nach Stufe" in shown and "Dienststatus" in shown
    assert "Help topics" not in shown
    english = read(example_site, UNTRANSLATED)
    assert "Help topics" in english and "Hilfethemen" not in english


def test_the_search_index_holds_each_language_apart(example_site: Path) -> None:
    import json

    for bundle in ("pagefind", "pagefind-status"):
        entry = json.loads((example_site / bundle / "pagefind-entry.json").read_text())
        counts = {lang: info["page_count"] for lang, info in entry["languages"].items()}
        assert set(counts) == {"en", "de"} and counts["en"] == counts["de"] > 0


# ---- in a browser ------------------------------------------------------------------------------


SETTLED = """() => {
  const message = document.querySelector('.pagefind-ui__message');
  return message && /[0-9]/.test(message.textContent) && !document.querySelector('.pagefind-ui__loading');
}"""


def test_search_answers_in_the_readers_language(chromium, served_example) -> None:
    page = chromium.new_page()
    page.goto(served_example.url + "de/search/?q=passwort")
    page.wait_for_function(SETTLED)
    found = page.locator(RESULT_TITLES).all_inner_texts()
    assert "Passwort zurücksetzen" in found
    assert all(not title.startswith(("Reset your", "Fix sign-in")) for title in found)
    assert page.get_by_label("Einsteiger", exact=False).count() > 0  # the level filter, in German
    assert page.locator(".pagefind-ui__filter-name", has_text="Stufe").count() == 1
    badges = page.locator(".pagefind-ui__result .fd-result-facts .fd-level")
    assert "fd-level--novice" in badges.first.get_attribute("class")  # its colour, by its name
    assert badges.first.inner_text() == "Einsteiger"
    # The reader's level, chosen on another page, filters the German results too.
    page.goto(served_example.url + "de/search/?q=api&level=expert")
    page.wait_for_function(SETTLED)
    shown = page.locator(".pagefind-ui__result .fd-result-facts .fd-level").all_inner_texts()
    assert shown and set(shown) == {"Profis"}
    page.goto(served_example.url + "search/?q=password&level=all")
    page.wait_for_function(SETTLED)
    found = page.locator(RESULT_TITLES).all_inner_texts()
    assert "Reset your password" in found and "Passwort zurücksetzen" not in found


def test_the_language_switch_leads_to_the_same_page_in_the_other_language(
    chromium, served_example
) -> None:
    page = chromium.new_page()
    page.goto(served_example.url + TRANSLATED)
    page.locator(".md-header .md-select").hover()
    page.locator('.md-select__link[hreflang="de"]').click()
    page.wait_for_url(f"**/de/{TRANSLATED}")
    assert page.evaluate("document.documentElement.lang") == "de"
    assert page.locator("h1").first.inner_text() == "Passwort zurücksetzen"
    page.locator(".md-header .md-select").hover()
    page.locator('.md-select__link[hreflang="en"]').click()
    page.wait_for_url(f"**/{TRANSLATED}")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("h1").first.inner_text() == "Reset your password"


# ---- staff and configuration --------------------------------------------------------------------


def run(*args: str):
    return CliRunner().invoke(frontdesk, list(args))


def test_check_notes_an_open_incident_whose_newest_update_is_not_in_every_language(
    copy_example: Path,
) -> None:
    path = copy_example / ACTIVE_FILE
    path.write_text(
        path.read_text(encoding="utf-8")
        + "  - at: 2026-11-23T09:50:00Z\n    status: identified\n    message:\n"
        "      en: Half of the apps can sign in again.\n",
        encoding="utf-8",
    )
    line = len(path.read_text(encoding="utf-8").splitlines()) - 1  # the last `message:`
    result = run("check", "-f", str(copy_example / "mkdocs.yml"))
    assert result.exit_code == 0, result.output
    assert (
        f"NOTICE  -  {ACTIVE_FILE}:{line}: updates[2].message: the newest update is not yet in de: readers of that language see it in en until it is"
        in result.output.splitlines()
    )


def test_staff_post_an_update_in_each_language(copy_example: Path) -> None:
    path = copy_example / ACTIVE_FILE
    before = path.read_text(encoding="utf-8")
    config = str(copy_example / "mkdocs.yml")
    result = run("incident", "update", "2026-11-23-mobile-app-sign-in", "-f", config,
                 "--status", "monitoring", "--at", "2026-11-23T10:45:00Z",
                 "--message", "Sign-in works again.", "--message", "de=Die Anmeldung klappt wieder.")  # fmt: skip
    assert result.exit_code == 0, result.output
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before)
    assert after[len(before) :] == (
        "  - at: 2026-11-23T10:45:00Z\n    status: monitoring\n    message:\n"
        "      en: |\n        Sign-in works again.\n"
        "      de: |\n        Die Anmeldung klappt wieder.\n"
    )
    result = run("check", "-f", config)
    assert result.exit_code == 0 and "not yet in" not in result.output, result.output


@pytest.mark.parametrize(
    ("messages", "refusal"),
    [
        (["de=Nur Deutsch."], "--message: give the text in en, the default language, too"),
        (
            ["Back.", "fr=Retour."],
            "--message: unknown language code 'fr'; the site's languages are en, de",
        ),
        (["Back.", "en=Back again."], "--message: the text in en is given twice"),
    ],
    ids=["no default language", "unknown language", "twice"],
)
def test_a_message_per_language_is_refused_with_the_reason(
    copy_example: Path, messages: list[str], refusal: str
) -> None:
    path = copy_example / ACTIVE_FILE
    before = path.read_text(encoding="utf-8")
    flags = [part for message in messages for part in ("--message", message)]
    result = run("incident", "update", "2026-11-23-mobile-app-sign-in", "-f",
                 str(copy_example / "mkdocs.yml"), "--status", "monitoring",
                 "--at", "2026-11-23T10:45:00Z", *flags)  # fmt: skip
    assert result.exit_code == 2 and refusal in result.output, result.output
    assert path.read_text(encoding="utf-8") == before  # nothing written


def test_a_language_material_cannot_show_stops_the_build(make_site, build_site, caplog) -> None:
    root = make_site(plugin_options={"languages": [{"code": "en", "name": "English"},
                                                   {"code": "tlh", "name": "tlhIngan"}]})  # fmt: skip
    with pytest.raises(Abort):
        build_site(root)
    assert "languages[1].code: Material for MkDocs has no interface text for 'tlh'" in caplog.text


def test_a_translation_of_a_page_that_does_not_exist_stops_the_build(
    make_site, build_site, caplog
) -> None:
    languages = [{"code": "en", "name": "English"}, {"code": "de", "name": "Deutsch"}]
    root = make_site({"about.de.md": "# Über uns\n"}, plugin_options={"languages": languages})
    with pytest.raises(Abort):
        build_site(root)
    assert "about.de.md: a translation of about.md, which does not exist" in caplog.text


# ---- a site without languages ---------------------------------------------------------------------

# The last version of Frontdesk before languages: a site that names none must come out of this
# version exactly as it came out of that one. A change meant to alter every site's pages moves it.
ENGLISH_ONLY = REPO / "tests/english_only"


def test_a_site_without_languages_is_built_as_before_byte_for_byte(tmp_path: Path) -> None:
    """tests/english_only/site/ is the example as it stood before Frontdesk had languages, and
    expected.json the fingerprint of every file it built to then (Frontdesk's own three scripts
    aside, which learnt to read a page's words; they find none here). Every page, feed,
    calendar, API document and search index must still be the same."""
    expected = json.loads((ENGLISH_ONLY / "expected.json").read_text(encoding="utf-8"))
    drifted = {
        name: (wanted, found)
        for name, wanted in expected["versions"].items()
        if (found := installed_versions()[name]) != wanted
    }
    if drifted:
        pytest.skip(f"the expected files were built with other versions of {drifted}; renew them "
                    "with `python tests/english_only/renew.py` once the change is reviewed")  # fmt: skip
    built = english_only_build(tmp_path / "built")
    assert sorted(n for n in set(built) | set(expected["files"])
                  if built.get(n) != expected["files"].get(n)) == []  # fmt: skip


PARTLY_TRANSLATED = """\
title: {en: Card payments are failing, de: Kartenzahlungen schlagen fehl}
impact: major
components: [payments]
started: 2026-11-23T09:00:00Z
cause:
  en: Our card processor rejects every request.
eta: 2026-11-23T12:00:00Z
prevention: A second card processor to fail over to.
updates:
  - at: 2026-11-23T09:10:00Z
    status: investigating
    message: {en: We are looking into it., de: Wir sehen es uns an.}
"""


def test_status_text_not_yet_translated_is_marked_as_the_default_languages(
    make_site, build_site
) -> None:
    languages = [{"code": "en", "name": "English"}, {"code": "de", "name": "Deutsch"}]
    root = make_site(
        {"status/incidents/2026-11-23-card-payments.yml": PARTLY_TRANSLATED},
        plugin_options={"languages": languages},
    )
    site = build_site(root)
    page = content(read(site, "de/status/incidents/2026-11-23-card-payments/"))
    assert '<dd><div lang="en"><p>Our card processor rejects every request.</p></div></dd>' in page
    assert "<p>Wir sehen es uns an.</p>" in page  # translated: no mark
    assert "A second card processor to fail over to." in page  # one text for all: no mark
    assert 'lang="en">A second' not in page and 'lang="en">\n<p>A second' not in page
    english = content(read(site, "status/incidents/2026-11-23-card-payments/"))
    assert 'lang="en"' not in english  # the default language's own pages need no mark
    assert "Kartenzahlungen schlagen fehl" in announce(read(site, "de/status/"))


def test_materials_builtin_search_is_refused_with_languages(make_site, build_site, caplog) -> None:
    languages = [{"code": "en", "name": "English"}, {"code": "de", "name": "Deutsch"}]
    root = make_site(plugin_options={"languages": languages, "search": "builtin"})
    with pytest.raises(Abort):
        build_site(root)
    assert "search: builtin: Material's built-in search keeps one index for every language" in (
        caplog.text
    )
