"""`frontdesk notify`: one message per status change, to real receivers on 127.0.0.1.

Each state is what a build publishes (api/v2/ of the site), written from the example's content
at a pinned moment; one test compares two real builds.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import jsonschema
import pytest
from apprise.plugins.email import NotifyEmail
from click.testing import CliRunner
from conftest import EXAMPLE_EPOCH, EXAMPLE_LANGUAGES
from receivers import http_receiver, smtp_receiver

from frontdesk.cli.main import main
from frontdesk.content.languages import status_in
from frontdesk.content.loading import load_status
from frontdesk.notify import delivery
from frontdesk.notify.channels import Channel, unknown_languages
from frontdesk.notify.messages import defuse_mentions
from frontdesk.status.machine.common import SiteInfo
from frontdesk.status.machine.statuspage import statuspage_files
from frontdesk.status.view import StatusView

SITE = SiteInfo("Tallybook Help Centre", "https://help.tallybook.example/")
ACTIVE = "content/status/incidents/2026-11-23-mobile-app-sign-in.yml"
LATER = int(EXAMPLE_EPOCH) + 20 * 3600  # 2026-11-24T06:00Z: the 11-25 02:00 window is 20 h away
HOSTILE = "<script>alert(1)</script> <img src=x onerror=alert(1)> @everyone <!channel>"
CHANGES = {
    ACTIVE: """\
  - at: 2026-11-23T10:20:00Z
    status: monitoring
    message: The fixed app is live in both app stores; sign-ins are **recovering**.
  - at: 2026-11-23T11:40:00Z
    status: resolved
    message: Sign-in works again on every app version.
""",
    "content/status/incidents/2026-11-24-invoice-pdfs-blank.yml": f"""\
title: Invoice PDFs are blank
impact: minor
components: [invoicing]
started: 2026-11-24T05:30:00Z
cause: "A font update broke PDF rendering. {HOSTILE}"
eta: 2026-11-24T09:00:00Z
next_update: 2026-11-24T07:00:00Z
prevention: We will check PDFs in every release before it ships.
apology: We are sorry for the blank invoices.
updates:
  - at: 2026-11-24T05:40:00Z
    status: investigating
    message: "Downloaded invoice PDFs show no text. [Read more](javascript:alert(1)) {HOSTILE}"
""",
    "content/status/maintenance/2026-12-10-search-index-rebuild.yml": """\
title: Rebuilding the search index
components: [web-app]
start: 2026-12-10T02:00:00Z
end: 2026-12-10T03:00:00Z
description: Search in the web app may miss new invoices for up to an hour.
updates:
  - at: 2026-11-24T05:50:00Z
    status: scheduled
    message: Booked for Thursday 10 December, 02:00 to 03:00 UK time.
""",
}
WEBHOOK_SCHEMA = {  # Statuspage's incident webhook, as its documentation describes it
    "type": "object",
    "required": ["meta", "page", "incident"],
    "properties": {
        "meta": {
            "type": "object",
            "required": ["unsubscribe", "documentation"],
            "properties": {"documentation": {"type": "string"}},
        },
        "page": {
            "type": "object",
            "required": ["id", "status_indicator", "status_description"],
            "properties": {
                "id": {"type": "string"},
                "status_indicator": {"enum": ["none", "minor", "major", "critical", "maintenance"]},
                "status_description": {"type": "string"},
            },
        },
        "incident": {
            "type": "object",
            "required": ["id", "name", "status", "impact", "created_at", "updated_at",
                         "shortlink", "incident_updates", "resolved_at", "monitoring_at"],
            "properties": {
                "status": {"enum": ["investigating", "identified", "monitoring", "resolved",
                                    "postmortem", "scheduled", "in_progress", "verifying",
                                    "completed"]},
                "impact": {"enum": ["none", "minor", "major", "critical", "maintenance"]},
                "incident_updates": {
                    "type": "array",
                    "minItems": 1,
                    "items": {
                        "type": "object",
                        "required": ["id", "incident_id", "status", "body", "created_at",
                                     "updated_at", "display_at"],
                    },
                },
            },
        },
    },
}  # fmt: skip


def publish_state(root: Path, epoch: int, out: Path) -> Path:
    """The Statuspage documents a build of `root` at `epoch` publishes, written into `out`
    (with the texts of the site's other languages in each entry, as a build writes them)."""
    now = datetime.fromtimestamp(epoch, UTC)
    status = load_status(root / "content", root, EXAMPLE_LANGUAGES)
    translations = [
        (code, StatusView(status_in(status, code), now), SiteInfo(SITE.name, f"{SITE.url}{code}/"))
        for code in EXAMPLE_LANGUAGES[1:]
    ]
    for path, data in statuspage_files(StatusView(status, now), SITE, translations).items():
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_bytes(data)
    return out


def change_status(root: Path) -> None:
    for path, text in CHANGES.items():
        target = root / path
        target.write_text(target.read_text() + text if target.exists() else text)


def notify(root: Path, previous: Path | str, current: Path, *extra: str):
    return CliRunner().invoke(
        main,
        [
            "notify",
            "-f",
            str(root / "mkdocs.yml"),
            "--previous",
            str(previous),
            *extra,
            str(current),
        ],
    )


@pytest.fixture
def states(copy_example: Path, tmp_path: Path) -> tuple[Path, Path, Path]:
    """The example before (at its moment) and after five changes (20 hours later)."""
    before = publish_state(copy_example, int(EXAMPLE_EPOCH), tmp_path / "before")
    change_status(copy_example)
    after = publish_state(copy_example, LATER, tmp_path / "after")
    return copy_example, before, after


@pytest.fixture
def channels(monkeypatch):
    """The example's three channels pointed at receivers: chat (Apprise json://), email
    (Apprise mailto:// to a real SMTP server) and the Statuspage webhook."""
    monkeypatch.setattr(delivery, "PAUSES", (0.0, 0.0))
    monkeypatch.setattr(NotifyEmail, "request_rate_per_sec", 0)  # Apprise paces email 5.5 s apart
    with http_receiver() as web, smtp_receiver() as (port, mail):
        host = web.url.removeprefix("http://").rstrip("/")
        monkeypatch.setenv("FRONTDESK_CHAT_URL", f"json://{host}/chat")
        monkeypatch.setenv(
            "FRONTDESK_EMAIL_URL",
            f"mailto://status:s3cret-pass@127.0.0.1:{port}?from=status@tallybook.example"
            "&to=customers@tallybook.example&mode=insecure",
        )
        monkeypatch.setenv("FRONTDESK_WEBHOOK_URL", f"{web.url}hook?token=hook-s3cret")
        yield web, mail


def test_one_message_per_change_in_every_channel(states, channels) -> None:
    root, before, after = states
    web, mail = channels
    result = notify(root, before, after)
    assert result.exit_code == 0, result.output
    titles = [post.body["title"] for post in web.to("/chat")]
    assert titles == [  # in the order they happened; the reminder at the new state's moment
        "New update: Some customers cannot sign in to the mobile apps",
        "Resolved: Some customers cannot sign in to the mobile apps",
        "New incident: Invoice PDFs are blank",
        "Maintenance planned: Rebuilding the search index",
        "Maintenance starts in 20 hours: Upgrade to card payment and bank feed systems",
    ]
    assert [m["Subject"] for m in mail] == titles
    # The webhook wants payments and bank feeds only: the window touches both.
    hooks = [post.body for post in web.to("/hook?token=hook-s3cret")]
    assert [h["incident"]["id"] for h in hooks] == ["2026-11-25-payments-and-bank-feeds-upgrade"]
    assert "notify[0] (apprise: json): sent 5 of 5." in result.output
    assert "notify[2] (webhook): sent 1 of 5." in result.output


def test_a_message_says_what_changed_when_service_returns_and_what_prevents_a_repeat(
    states, channels
) -> None:
    root, before, after = states
    web, mail = channels
    assert notify(root, before, after).exit_code == 0
    chat = {post.body["title"]: post.body["message"] for post in web.to("/chat")}
    update = chat["New update: Some customers cannot sign in to the mobile apps"]
    assert "A fix is in place and we are watching it: The fixed app is live" in update
    assert "sign-ins are recovering." in update and "**" not in update  # no raw Markdown
    assert "Cause:\nAt 08:30 UK time we released a security update" in update
    assert "So that it does not happen again: Before any change to sign-in" in update
    new = chat["New incident: Invoice PDFs are blank"]
    assert "We are investigating: Downloaded invoice PDFs show no text." in new
    assert "Expected back: by 2026-11-24 09:00 UTC" in new
    assert "Next update: by 2026-11-24 07:00 UTC" in new
    assert "So that it does not happen again: We will check PDFs in every release" in new
    assert "We are sorry: We are sorry for the blank invoices." in new  # the apology given
    link = "https://help.tallybook.example/status/incidents/2026-11-23-mobile-app-sign-in/"
    assert update.rstrip().endswith(f"Details: {link}")
    resolved = chat["Resolved: Some customers cannot sign in to the mobile apps"]
    assert "Resolved: Sign-in works again" in resolved and "Expected back" not in resolved
    assert "We are sorry: We're sorry." in resolved
    email = next(m for m in mail if m["Subject"].startswith("Resolved:"))
    html = email.get_body(("html",)).get_content()
    assert f'<a href="{link}">' in html and "<h3>Cause</h3>" in html
    assert "<strong>" in (next(m for m in mail if "New update" in m["Subject"])
                          .get_body(("html",)).get_content())  # fmt: skip


def test_hostile_text_is_inert_in_every_channel(states, channels) -> None:
    root, before, after = states
    web, mail = channels
    assert notify(root, before, after).exit_code == 0
    chat = next(p.body["message"] for p in web.to("/chat") if "PDFs" in p.body["title"])
    assert "@everyone" not in chat and "<!channel>" not in chat  # nobody is pinged
    assert "@\u200beveryone" in chat and "<\u200b!channel>" in chat  # the text still reads
    assert "javascript:" not in chat
    email = next(m for m in mail if "PDFs" in m["Subject"])
    html = email.get_body(("html",)).get_content()
    assert "<script" not in html and "<img" not in html and "javascript:" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_webhook_is_statuspage_s_shape(states, channels, monkeypatch) -> None:
    root, before, after = states
    web, _ = channels
    monkeypatch.setenv("FRONTDESK_CHAT_URL", "")
    mkdocs_yml = root / "mkdocs.yml"
    mkdocs_yml.write_text(mkdocs_yml.read_text().replace("components: [payments, bank-feeds]", ""))
    assert notify(root, before, after).exit_code == 0
    hooks = web.to("/hook?token=hook-s3cret")
    assert len(hooks) == 5
    published = json.loads((after / "api/v2/incidents.json").read_text())["incidents"]
    for post in hooks:
        jsonschema.validate(post.body, WEBHOOK_SCHEMA)
        assert post.headers["Content-Type"] == "application/json"
    resolution = hooks[1].body
    assert resolution["incident"] == next(
        i for i in published if i["id"] == resolution["incident"]["id"]
    )
    assert [u["status"] for u in resolution["incident"]["incident_updates"]][:2] == [
        "resolved",
        "monitoring",
    ]  # newest first, as Statuspage sends them
    assert resolution["page"] == {"id": "help.tallybook.example", "status_indicator": "minor",
                                  "status_description": "Partially Degraded Service"}  # fmt: skip


def test_nothing_is_sent_when_nothing_changed_or_before_a_first_publish(
    states, channels, tmp_path
) -> None:
    root, _, after = states
    web, mail = channels
    result = notify(root, after, after)
    assert result.exit_code == 0 and "No status changes since" in result.output
    result = notify(root, tmp_path / "never-published", after, "--first-publish")
    assert result.exit_code == 0
    assert "No status documents at" in result.output and "nothing sent" in result.output
    assert web.posts == [] and mail == []


def test_a_previous_state_missing_by_mistake_fails_loudly(states, channels, tmp_path) -> None:
    root, _, after = states
    web, mail = channels
    result = notify(root, tmp_path / "not-saved", after)
    assert result.exit_code == 1
    assert (f"{tmp_path / 'not-saved'}: no status documents (api/v2/incidents.json is missing), "
            "so what changed is not known and nothing was sent") in " ".join(result.output.split())  # fmt: skip
    assert web.posts == [] and mail == []


def test_the_same_two_states_give_the_same_messages(states, channels) -> None:
    root, before, after = states
    web, mail = channels
    assert notify(root, before, after).exit_code == 0
    first = [(p.path, p.body) for p in web.posts]
    web.posts.clear()
    assert notify(root, before, after).exit_code == 0
    assert [(p.path, p.body) for p in web.posts] == first


def test_a_dry_run_prints_every_message_and_sends_none(states, channels) -> None:
    root, before, after = states
    web, mail = channels
    result = notify(root, before, after, "--dry-run")
    assert result.exit_code == 0, result.output
    assert web.posts == [] and mail == []
    assert result.output.count("would send:") == 5 + 5 + 1
    assert "notify[1] (apprise: mailto): would send: New incident: Invoice PDFs are blank" in (
        result.output
    )
    assert "    Cause: A font update broke PDF rendering." in result.output
    assert "s3cret" not in result.output and "127.0.0.1" not in result.output


def test_a_failing_channel_is_retried_then_reported_while_the_others_receive(
    states, channels, monkeypatch
) -> None:
    root, before, after = states
    web, mail = channels
    web.fail("/hook?token=hook-s3cret", 503, 503)  # recovers at the third attempt
    monkeypatch.setenv("FRONTDESK_CHAT_URL", f"json://{web.url.removeprefix('http://')}down")
    web.fail("/down", *[500] * 20)
    result = notify(root, before, after)
    assert result.exit_code == 1
    assert len(web.to("/down")) == 5 * 3  # every message tried three times
    assert len(web.to("/hook?token=hook-s3cret")) == 3 and len(mail) == 5
    failures = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(failures) == 5
    assert failures[0].startswith(
        "Error: notify[0] (apprise: json): 'New update: Some customers cannot sign in"
    )
    assert "not sent:" in failures[0] and "500" in failures[0]
    assert "notify[2] (webhook): sent 1 of 5." in result.output
    assert "s3cret" not in result.output


def test_an_unset_channel_is_skipped_with_a_notice(states, channels, monkeypatch) -> None:
    root, before, after = states
    web, mail = channels
    monkeypatch.delenv("FRONTDESK_EMAIL_URL")
    result = notify(root, before, after)
    assert result.exit_code == 0, result.output
    assert "notify[1] (apprise): skipped, its URL is empty (FRONTDESK_EMAIL_URL is not set)" in (
        result.output
    )
    assert mail == [] and len(web.to("/chat")) == 5


@pytest.mark.parametrize(
    ("channel", "error"),
    [
        ("- apprise: nonsense://s3cret-token/x",
         "notify[0] (apprise: nonsense): Apprise cannot read this URL"),
        ("- webhook: ftp://s3cret@files.example/",
         "notify[0] (webhook): expected an http:// or https:// URL"),
        ("- apprise: json://a.example/\n          webhook: https://b.example/",
         "notify[0]: give exactly one of `apprise: URL` or `webhook: URL`"),
        ("- webhook: https://b.example/\n          language: German",
         "notify[0] (webhook) language: expected a language code like de"),
    ],
)  # fmt: skip
def test_a_channel_url_apprise_cannot_read_fails_check_and_build_without_showing_it(
    copy_example: Path, channel: str, error: str
) -> None:
    mkdocs_yml = copy_example / "mkdocs.yml"
    text = mkdocs_yml.read_text()
    start = text.index("      notify:\n")
    end = text.index("      contact:\n")
    mkdocs_yml.write_text(text[:start] + f"      notify:\n        {channel}\n" + text[end:])
    for command in ("check", "build"):
        result = CliRunner().invoke(main, [command, "-f", str(mkdocs_yml)])
        assert result.exit_code != 0, command
        assert error in result.output, (command, result.output)
        assert "s3cret" not in result.output


def test_an_unknown_channel_component_is_an_error(states, channels) -> None:
    root, before, after = states
    mkdocs_yml = root / "mkdocs.yml"
    mkdocs_yml.write_text(
        mkdocs_yml.read_text().replace("[payments, bank-feeds]", "[payments, bank]")
    )
    result = notify(root, before, after)
    assert result.exit_code == 1
    assert "notify[2] (webhook) components[1]: unknown component id 'bank'" in result.output
    result = CliRunner().invoke(main, ["check", "-f", str(mkdocs_yml)])
    assert result.exit_code == 1
    assert "notify[2] (webhook) components[1]: unknown component id 'bank'" in result.output


def in_language(root: Path, channel: str, code: str) -> None:
    """Give one of the example's channels (`apprise: !ENV FRONTDESK_EMAIL_URL`) a language."""
    mkdocs_yml = root / "mkdocs.yml"
    text = mkdocs_yml.read_text()
    line = next(line for line in text.splitlines() if channel in line)
    indent = " " * (line.index("- ") + 2)
    mkdocs_yml.write_text(text.replace(line + "\n", f"{line}\n{indent}language: {code}\n", 1))


def test_a_channel_in_another_language_hears_of_every_change_in_it(states, channels) -> None:
    root, before, after = states
    web, mail = channels
    in_language(root, "FRONTDESK_EMAIL_URL", "de")
    in_language(root, "FRONTDESK_WEBHOOK_URL", "de")
    result = notify(root, before, after)
    assert result.exit_code == 0, result.output
    # The chat channel has no language: the site's default, word for word as before.
    assert [post.body["title"] for post in web.to("/chat")][:2] == [
        "New update: Some customers cannot sign in to the mobile apps",
        "Resolved: Some customers cannot sign in to the mobile apps",
    ]
    subjects = [m["Subject"] for m in mail]
    assert subjects == [  # the same changes, in the same order
        "Neue Meldung: Manche Kundinnen und Kunden können sich nicht in den Apps anmelden",
        "Behoben: Manche Kundinnen und Kunden können sich nicht in den Apps anmelden",
        "Neue Störung: Invoice PDFs are blank",  # written once, for every language
        "Wartung geplant: Rebuilding the search index",
        "Wartung beginnt in 20 Stunden: Upgrade to card payment and bank feed systems",
    ]
    update = next(m for m in mail if m["Subject"].startswith("Neue Meldung"))
    body = update.get_body(("html",)).get_content().replace("\r\n", "\n")
    assert "<h3>Betrifft</h3>" in body and "Anmeldung, Apps" in body
    assert "<h3>Die Lösung ist eingespielt, wir beobachten sie</h3>" in body
    assert "<h3>Ursache</h3>\n<p>Um 09:30 Uhr deutscher Zeit" in body
    assert "<h3>Damit es nicht wieder passiert</h3>" in body
    link = "https://help.tallybook.example/de/status/incidents/2026-11-23-mobile-app-sign-in/"
    assert f'<a href="{link}">Alle Einzelheiten auf unserer Statusseite</a>' in body
    new = next(m for m in mail if m["Subject"].startswith("Neue Störung"))
    new_body = new.get_body(("html",)).get_content().replace("\r\n", "\n")
    assert "<h3>Voraussichtlich wieder verfügbar</h3>\n<p>bis 24. Nov. 2026, 09:00 UTC</p>" in (
        new_body
    )
    assert "<h3>Wir untersuchen das Problem</h3>" in new_body
    # The webhook in German too: Statuspage's shape, the entry's texts in the channel's language.
    hooks = [post.body for post in web.to("/hook?token=hook-s3cret")]
    assert len(hooks) == 1
    jsonschema.validate(hooks[0], WEBHOOK_SCHEMA)
    window = hooks[0]["incident"]
    assert sorted(c["name"] for c in window["components"]) == ["Bankanbindung", "Kartenzahlungen"]
    assert window["shortlink"] == (
        "https://help.tallybook.example/de/status/maintenance/"
        "2026-11-25-payments-and-bank-feeds-upgrade/"
    )


def test_a_channel_language_the_site_does_not_have_is_an_error(states, channels) -> None:
    root, before, after = states
    web, mail = channels
    in_language(root, "FRONTDESK_EMAIL_URL", "fr")
    error = "notify[1] (apprise: mailto) language: unknown language 'fr'; the site's languages are en, de"
    result = notify(root, before, after)
    assert result.exit_code == 1 and error in result.output
    for command in ("check", "build"):
        result = CliRunner().invoke(main, [command, "-f", str(root / "mkdocs.yml")])
        assert result.exit_code == 1, command
        assert error in result.output, (command, result.output)
    assert web.posts == [] and mail == []
    one = unknown_languages([Channel(0, "webhook", None, (), "de")], [])
    assert one == ["notify[0] (webhook) language: unknown language 'de'; this site has one "
                   "language (no `languages:` option); leave `language:` out"]  # fmt: skip


def test_maintenance_starting_completing_and_cancelled(
    copy_example: Path, tmp_path, channels
) -> None:
    """A window opens by time alone, another is cancelled, the first closes: one message each."""
    web, _ = channels
    root = copy_example
    upgrade = root / "content/status/maintenance/2026-11-25-payments-and-bank-feeds-upgrade.yml"
    rebuild = "content/status/maintenance/2026-12-10-search-index-rebuild.yml"
    (root / rebuild).write_text(CHANGES[rebuild])
    epoch = int(datetime(2026, 11, 25, 1, 0, tzinfo=UTC).timestamp())
    before = publish_state(root, epoch, tmp_path / "before")
    cancel = CliRunner().invoke(main, [
        "maintenance", "cancel", "2026-12-10-search-index-rebuild", "-f", str(root / "mkdocs.yml"),
        "--at", "2026-11-25T01:30:00Z", "--message", "The index is healthy; no rebuild needed.",
    ])  # fmt: skip
    assert cancel.exit_code == 0, cancel.output
    during = publish_state(root, epoch + 2 * 3600, tmp_path / "during")
    upgrade.write_text(upgrade.read_text() + "  - at: 2026-11-25T03:10:00Z\n    status: completed\n"
                       "    message: Done early; everything works as before.\n")  # fmt: skip
    after = publish_state(root, epoch + 3 * 3600, tmp_path / "after")
    assert notify(root, before, during).exit_code == 0
    assert notify(root, during, after).exit_code == 0
    assert [p.body["title"] for p in web.to("/chat")] == [
        "Maintenance cancelled: Rebuilding the search index",
        "Maintenance started: Upgrade to card payment and bank feed systems",
        "Maintenance completed: Upgrade to card payment and bank feed systems",
    ]
    messages = [p.body["message"] for p in web.to("/chat")]
    assert "The index is healthy; no rebuild needed." in messages[0]
    assert "Done early; everything works as before." in messages[2]


def test_two_real_builds_and_a_rerun_after_the_deploy(
    copy_example: Path, tmp_path, channels, monkeypatch
) -> None:
    """As the workflow runs it: the live site's documents saved before the deploy, notify after
    it; a rerun saves the new live state and sends nothing."""
    web, _ = channels
    run = CliRunner()
    mkdocs_yml = str(copy_example / "mkdocs.yml")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EXAMPLE_EPOCH)
    assert (
        run.invoke(main, ["build", "-f", mkdocs_yml, "-d", str(tmp_path / "live")]).exit_code == 0
    )
    change_status(copy_example)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(LATER))
    assert run.invoke(main, ["build", "-f", mkdocs_yml, "-d", str(tmp_path / "new")]).exit_code == 0
    saved = run.invoke(main, ["save-status", "-f", mkdocs_yml, "--from", str(tmp_path / "live"),
                              str(tmp_path / "previous")])  # fmt: skip
    assert saved.exit_code == 0, saved.output
    assert notify(copy_example, tmp_path / "previous", tmp_path / "new").exit_code == 0
    assert len(web.to("/chat")) == 5
    # The deploy made the new site live; the rerun saves it as the state before.
    saved = run.invoke(main, ["save-status", "-f", mkdocs_yml, "--from", str(tmp_path / "new"),
                              str(tmp_path / "previous")])  # fmt: skip
    assert saved.exit_code == 0, saved.output
    assert (tmp_path / "previous/api/v2/incidents.json").read_bytes() == (
        tmp_path / "new/api/v2/incidents.json").read_bytes()  # fmt: skip
    assert notify(copy_example, tmp_path / "previous", tmp_path / "new").exit_code == 0
    assert len(web.to("/chat")) == 5


def test_the_live_site_is_read_over_http_and_a_404_means_a_first_publish(
    states, channels, tmp_path
) -> None:
    root, before, after = states
    web, _ = channels
    from browser import SiteServer

    with SiteServer(before) as live:
        result = notify(root, live.url, after)
        assert result.exit_code == 0, result.output
        assert len(web.to("/chat")) == 5
        saved = CliRunner().invoke(main, ["save-status", "-f", str(root / "mkdocs.yml"),
                                          "--from", live.url, str(tmp_path / "saved")])  # fmt: skip
        assert saved.exit_code == 0, saved.output
        assert (tmp_path / "saved/api/v2/incidents.json").read_bytes() == (
            before / "api/v2/incidents.json"
        ).read_bytes()
    empty = tmp_path / "empty"
    empty.mkdir()
    with SiteServer(empty) as live:
        result = notify(root, live.url, after)
        assert result.exit_code == 1 and "no status documents" in result.output
        result = notify(root, live.url, after, "--first-publish")
        assert result.exit_code == 0 and "No status documents at" in result.output
    assert len(web.to("/chat")) == 5
    assert re.search(r"nothing sent", result.output)


def test_channel_urls_never_reach_the_site_or_the_build_log(
    copy_example: Path, tmp_path, monkeypatch
) -> None:
    monkeypatch.setenv("FRONTDESK_CHAT_URL", "json://hooks.example/s3cret-chat-token")
    monkeypatch.setenv("FRONTDESK_WEBHOOK_URL", "https://hooks.example/s3cret-hook-token")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EXAMPLE_EPOCH)
    result = CliRunner().invoke(
        main, ["build", "-v", "-f", str(copy_example / "mkdocs.yml"), "-d", str(tmp_path / "site")]
    )
    assert result.exit_code == 0, result.output
    assert "s3cret" not in result.output
    leaked = [
        p for p in (tmp_path / "site").rglob("*") if p.is_file() and b"s3cret" in p.read_bytes()
    ]
    assert leaked == []


def test_commands_that_send_nothing_do_not_load_apprise() -> None:
    """Apprise loads its hundred services when imported (seconds here): a build, a check or a
    status publish must not pay for it, nor for an HTTP client it does not use."""
    probe = (
        "import sys, frontdesk.cli.main, frontdesk.mkdocs.plugin\n"
        "print(sorted(m for m in ('apprise', 'requests') if m in sys.modules))\n"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert loaded.stdout.strip() == "[]"


MENTIONS = ["@everyone", "@EVERYONE", "@Everyone", "@here", "@HERE", "@channel", "@Channel",
            "<!channel>", "<!here>", "<!everyone>", "<!subteam^S012AB>", "<@U024BE7LH>",
            "<#C024BE7LR>", "<@w1234|sam>"]  # fmt: skip


@pytest.mark.parametrize("mention", MENTIONS)
def test_every_form_of_mention_is_defused_in_any_letter_case(mention: str) -> None:
    defused = defuse_mentions(f"Heads up {mention} now")
    assert mention not in defused
    assert defused.replace("\u200b", "") == f"Heads up {mention} now"  # it still reads the same


def test_ordinary_at_signs_and_angle_brackets_are_left_alone() -> None:
    text = "Write to help@example.com; 3 < 4 and <b>bold</b> stay as they are."
    assert defuse_mentions(text) == text


def test_a_postmortem_added_and_a_window_planned_inside_the_reminder_period(
    copy_example: Path, tmp_path: Path, channels
) -> None:
    web, _ = channels
    before = publish_state(copy_example, int(EXAMPLE_EPOCH), tmp_path / "before")
    resolved = copy_example / "content/status/incidents/2026-11-15-receipt-uploads-stuck.yml"
    resolved.write_text(resolved.read_text() + "postmortem: |\n  **What happened.** A full disk.\n")
    (copy_example / "content/status/maintenance/2026-11-23-quick-fix.yml").write_text("""\
title: A quick database fix
components: [invoicing]
start: 2026-11-23T15:00:00Z
end: 2026-11-23T15:30:00Z
description: Invoices cannot be saved for up to 30 minutes.
updates:
  - at: 2026-11-23T10:05:00Z
    status: scheduled
    message: Booked for this afternoon.
""")
    after = publish_state(copy_example, int(EXAMPLE_EPOCH) + 600, tmp_path / "after")
    result = notify(copy_example, before, after)
    assert result.exit_code == 0, result.output
    chat = {post.body["title"]: post.body["message"] for post in web.to("/chat")}
    assert set(chat) == {
        "What happened and what we are changing: Receipt photos not uploading from the mobile apps",
        "Maintenance starts in 5 hours: A quick database fix",  # planned and soon: one message
    }
    postmortem = chat["What happened and what we are changing: Receipt photos not uploading "
                      "from the mobile apps"]  # fmt: skip
    assert "What happened: What happened. A full disk." in postmortem


def test_a_failing_channel_waits_between_its_tries(states, channels, monkeypatch) -> None:
    root, before, after = states
    web, _ = channels
    waited: list[float] = []
    monkeypatch.setattr(delivery, "PAUSES", (1.0, 3.0))
    monkeypatch.setattr(delivery.time, "sleep", waited.append)
    monkeypatch.setenv("FRONTDESK_CHAT_URL", f"json://{web.url.removeprefix('http://')}down")
    web.fail("/down", *[500] * 20)
    assert notify(root, before, after).exit_code == 1
    assert waited == [1.0, 3.0] * 5  # for each of the five messages: 1 s, then 3 s
