"""`frontdesk incident|maintenance|status` on copies of the example site, as support staff use them."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import click
import pexpect
import pytest
import yaml
from click.testing import CliRunner, Result
from conftest import EXAMPLE_LANGUAGES, REPO

from frontdesk.cli.main import main as frontdesk
from frontdesk.content.loading import load_site
from frontdesk.content.loading.status_files import INCIDENT_FIELDS, MAINTENANCE_FIELDS

LEVELS = ["novice", "intermediate", "expert"]
ACTIVE = "content/status/incidents/2026-11-23-mobile-app-sign-in.yml"
RESOLVED = "content/status/incidents/2026-11-15-receipt-uploads-stuck.yml"
CANCELLED = "content/status/maintenance/2026-12-06-email-sending-service-move.yml"
HAND_COMMENT = "# On call: Sam (payments team). Bridge channel: #inc-invoice-pdfs"


def run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(frontdesk, [*args, "-f", str(root / "mkdocs.yml")])


def validates(root: Path) -> None:
    load_site(root / "content", root, LEVELS, languages=EXAMPLE_LANGUAGES)


def keys_in_contract_order(path: Path, order: tuple[str, ...]) -> bool:
    keys = list(yaml.safe_load(path.read_text(encoding="utf-8")))
    return keys == [key for key in order if key in keys]


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(".")]


def test_a_scripted_incident_from_first_post_to_postmortem(copy_example: Path) -> None:
    opened = run(
        copy_example, "incident", "new", "--title", "Invoice PDFs fail to download",
        "--impact", "minor", "--components", "invoicing,email-delivery",
        "--cause", "We are still finding out why.", "--eta", "unknown",
        "--next-update", "2026-11-23T11:00:00Z",
        "--prevention", "Once we know the cause, we will say what we are changing.",
        "--message", "Some invoice PDFs fail to download. Viewing invoices online works.",
        "--started", "2026-11-23T10:05:00Z",
    )  # fmt: skip
    assert opened.exit_code == 0, opened.output
    relative = "content/status/incidents/2026-11-23-invoice-pdfs-fail-to-download.yml"
    assert f"Wrote {relative}" in opened.output
    assert 'git commit -m "Incident 2026-11-23-invoice-pdfs-fail-to-download: opened' in (
        opened.output
    )
    path = copy_example / relative
    validates(copy_example)
    assert keys_in_contract_order(path, INCIDENT_FIELDS)

    # A support lead's notes, added by hand, must survive every later edit.
    text = path.read_text(encoding="utf-8")
    text = text.replace("updates:", f"{HAND_COMMENT}\nupdates:").replace(
        "eta: unknown", "eta: unknown  # supplier has not given a time"
    )
    path.write_text(text, encoding="utf-8")

    steps = [
        ("incident", "update", path.stem, "--status", "identified", "--at", "2026-11-23T10:40:00Z",
         "--message", "A faulty font file breaks PDF creation; a fix is being tested.",
         "--cause", "A font file in last night's release breaks PDF creation.",
         "--eta", "2026-11-23T12:00:00Z"),
        ("incident", "resolve", path.stem, "--at", "2026-11-23T11:30:00Z",
         "--message", "PDFs download normally again.\nNo invoices were changed.",
         "--compensation", "None needed; no money was involved."),
        ("incident", "postmortem", path.stem,
         "--text", "**Summary.** A font file broke PDF creation for 85 minutes.\n\n**Follow-up.** PDF checks in release tests."),
    ]  # fmt: skip
    for step, expected_commit in zip(steps, ("identified", "resolved", "postmortem")):
        result = run(copy_example, *step)
        assert result.exit_code == 0, result.output
        assert f'git commit -m "Incident {path.stem}: {expected_commit}"' in result.output
        validates(copy_example)
        text = path.read_text(encoding="utf-8")
        assert HAND_COMMENT in text and "# supplier has not given a time" in text
        assert keys_in_contract_order(path, INCIDENT_FIELDS)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert [u["status"] for u in data["updates"]] == ["investigating", "identified", "resolved"]
    assert data["cause"] == "A font file in last night's release breaks PDF creation."
    assert data["postmortem"].startswith("**Summary.**")
    assert leftovers(path.parent) == []


def test_editing_keeps_the_rest_of_a_hand_written_file_byte_for_byte(copy_example: Path) -> None:
    path = copy_example / ACTIVE
    before = path.read_text(encoding="utf-8")
    result = run(copy_example, "incident", "update", path.stem, "--status", "monitoring",
                 "--at", "2026-11-23T10:45:00Z", "--message", "Sign-in works again.")  # fmt: skip
    assert result.exit_code == 0, result.output
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before)
    assert after[len(before) :] == (
        "  - at: 2026-11-23T10:45:00Z\n    status: monitoring\n    message: |\n"
        "      Sign-in works again.\n"
    )


REFUSALS = {
    "update after resolve": (
        RESOLVED,
        ["incident", "update", "2026-11-15-receipt-uploads-stuck", "--status", "monitoring",
         "--message", "Still fine.", "--at", "2026-11-16T09:00:00Z"],
        "the incident was resolved at 2026-11-15 12:25 UTC; no update may follow it",
    ),
    "unknown component": (
        ACTIVE,
        ["incident", "update", "2026-11-23-mobile-app-sign-in", "--status", "identified",
         "--message", "Payments too.", "--at", "2026-11-23T10:00:00Z",
         "--components", "sign-in,mobile-apps,cheques"],
        "components[2]: unknown component id 'cheques'; components.yml defines api, bank-feeds, "
        "email-delivery, invoicing, mobile-apps, payments, sign-in, web-app",
    ),
    "postmortem before resolve": (
        ACTIVE,
        ["incident", "postmortem", "2026-11-23-mobile-app-sign-in", "--text", "Too early."],
        "postmortem: the incident is not resolved yet (its last update is 'identified'); "
        "resolve it first",
    ),
    "update before the last update": (
        ACTIVE,
        ["incident", "update", "2026-11-23-mobile-app-sign-in", "--status", "monitoring",
         "--message", "Back.", "--at", "2026-11-23T09:00:00Z"],
        "updates: the new update at 2026-11-23 09:00 UTC would come before the last one, "
        "at 2026-11-23 09:35 UTC; updates must be in time order",
    ),
    "resolved through update": (
        ACTIVE,
        ["incident", "update", "2026-11-23-mobile-app-sign-in", "--status", "resolved",
         "--message", "Fixed."],
        "close an incident with `frontdesk incident resolve 2026-11-23-mobile-app-sign-in",
    ),
    "update on a cancelled maintenance": (
        CANCELLED,
        ["maintenance", "update", "2026-12-06-email-sending-service-move", "--status",
         "in_progress", "--message", "Starting.", "--at", "2026-12-06T06:00:00Z"],
        "this maintenance was cancelled; no update may follow",
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", REFUSALS)
def test_refusals_name_the_file_and_leave_it_untouched(case: str, copy_example: Path) -> None:
    relative, args, message = REFUSALS[case]
    path = copy_example / relative
    before = path.read_bytes()
    result = run(copy_example, *args)
    assert result.exit_code != 0
    assert message in " ".join(result.output.split())
    if case != "resolved through update":  # a usage error, refused before any file is read
        assert relative in result.output
    assert path.read_bytes() == before
    assert leftovers(path.parent) == []


def test_a_new_incident_with_an_unknown_component_writes_nothing(copy_example: Path) -> None:
    folder = copy_example / "content/status/incidents"
    before = sorted(folder.iterdir())
    result = run(
        copy_example, "incident", "new", "--title", "Cheque scanning down", "--impact", "minor",
        "--components", "cheques", "--cause", "Unknown yet.", "--eta", "2026-11-23T12:00:00Z",
        "--prevention", "To follow.", "--message", "Cheque scanning is down.",
        "--started", "2026-11-23T10:00:00Z",
    )  # fmt: skip
    assert result.exit_code == 1
    assert re.search(r"2026-11-23-cheque-scanning-down\.yml:\d+: components\[0\]: unknown "
                     r"component id 'cheques'; components\.yml defines api,", result.output)  # fmt: skip
    assert sorted(folder.iterdir()) == before


def test_a_missing_value_without_a_terminal_is_a_usage_error(copy_example: Path) -> None:
    folder = copy_example / "content/status/incidents"
    before = sorted(folder.iterdir())
    result = run(copy_example, "incident", "new", "--title", "Slow reports", "--eta", "unknown")
    assert result.exit_code == 2
    missing = result.output.split("give them as flags):")[1].split()
    assert missing == ["--impact", "--components", "--cause", "--prevention", "--message"]
    assert sorted(folder.iterdir()) == before


def test_a_failed_write_leaves_the_file_intact_and_no_draft(copy_example: Path, monkeypatch):
    path = copy_example / ACTIVE
    before = path.read_bytes()

    def full_disk(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    result = run(copy_example, "incident", "update", path.stem, "--status", "monitoring",
                 "--at", "2026-11-23T10:45:00Z", "--message", "Sign-in works again.")  # fmt: skip
    assert result.exit_code == 1
    assert "nothing was written" in result.output and "No space left on device" in result.output
    assert path.read_bytes() == before
    assert leftovers(path.parent) == []


def template_new(root: Path, *extra: str) -> Result:
    return run(root, "incident", "new", "--template", "sign-in-failures", "--eta", "unknown",
               "--next-update", "2026-11-23T11:00:00Z", "--started", "2026-11-23T10:00:00Z",
               *extra)  # fmt: skip


def test_a_template_with_placeholders_left_is_refused_and_writes_nothing(copy_example: Path):
    folder = copy_example / "content/status/incidents"
    before = sorted(folder.iterdir())
    result = template_new(copy_example)
    assert result.exit_code == 2
    for flag in ("--title", "--cause", "--message"):
        assert re.search(rf"^  {flag} \(the template 'sign-in-failures' says \".*<<.*>>.*\"\)$",
                         result.output, re.M), flag  # fmt: skip
    assert sorted(folder.iterdir()) == before


def test_a_template_with_every_placeholder_replaced_opens_the_incident(copy_example: Path):
    result = template_new(
        copy_example, "--title", "Some customers cannot sign in to the mobile apps",
        "--cause", "We are still finding out why sign-in is failing.",
        "--message", "Some customers cannot sign in to the iPhone app. Signing in on the web works.",
        "--id", "2026-11-23-app-sign-in",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    validates(copy_example)
    data = yaml.safe_load((copy_example / "content/status/incidents/2026-11-23-app-sign-in.yml")
                          .read_text(encoding="utf-8"))  # fmt: skip
    assert data["components"] == ["sign-in"] and data["impact"] == "major"
    assert data["apology"].startswith("We're sorry.")  # kept from the template
    assert data["prevention"].startswith("Once we know the cause")


def test_resolve_can_bring_the_prevention_plan_and_the_postmortem(copy_example: Path) -> None:
    path = copy_example / ACTIVE
    result = run(copy_example, "incident", "resolve", path.stem, "--at", "2026-11-23T11:30:00Z",
                 "--message", "Sign-in works again on every app version.",
                 "--prevention", "Sign-in changes now go to one app store at a time.",
                 "--prevention", "de=Änderungen an der Anmeldung gehen nun an einen Store nach dem anderen.",
                 "--postmortem", "## What happened\nA release changed the sign-in format.")  # fmt: skip
    assert result.exit_code == 0, result.output
    validates(copy_example)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["prevention"]["en"].strip() == "Sign-in changes now go to one app store at a time."
    assert data["prevention"]["de"].startswith("Änderungen an der Anmeldung")
    assert data["postmortem"].startswith("## What happened")
    assert data["updates"][-1]["status"] == "resolved"


def test_amend_replaces_what_became_known_after_resolution(copy_example: Path) -> None:
    path = copy_example / RESOLVED
    updates_before = yaml.safe_load(path.read_text(encoding="utf-8"))["updates"]
    result = run(copy_example, "incident", "amend", path.stem,
                 "--prevention", "Uploads now retry on a second storage provider.",
                 "--compensation", "A month of free receipt storage.")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert f'git commit -m "Incident {path.stem}: amended compensation, prevention"' in (
        result.output
    )
    validates(copy_example)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["prevention"].strip() == "Uploads now retry on a second storage provider."
    assert data["compensation"].strip() == "A month of free receipt storage."
    assert data["updates"] == updates_before  # amending posts no update


def test_amend_keeps_the_rules_of_any_other_edit(copy_example: Path) -> None:
    active, resolved = copy_example / ACTIVE, copy_example / RESOLVED
    before = active.read_bytes(), resolved.read_bytes()
    early = run(copy_example, "incident", "amend", active.stem, "--postmortem", "Too soon.")
    assert early.exit_code == 1
    assert re.search(r"2026-11-23-mobile-app-sign-in\.yml:\d+: postmortem: allowed only once the "
                     r"incident is resolved", early.output)  # fmt: skip
    placeholder = run(copy_example, "incident", "amend", resolved.stem,
                      "--prevention", "We will <<say what changes>>.")  # fmt: skip
    assert placeholder.exit_code == 1
    assert "prevention: still contains the template placeholder" in placeholder.output
    nothing = run(copy_example, "incident", "amend", resolved.stem)
    assert nothing.exit_code == 1
    assert (
        "nothing to amend; give one or more of prevention, postmortem, compensation, apology"
        in (nothing.output)
    )
    assert (active.read_bytes(), resolved.read_bytes()) == before


def test_written_files_point_at_help_every_site_has(copy_example: Path) -> None:
    result = template_new(
        copy_example, "--title", "Some customers cannot sign in to the mobile apps",
        "--cause", "We are still finding out why.", "--message", "Some cannot sign in.",
        "--id", "2026-11-23-app-sign-in",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    written = (copy_example / "content/status/incidents/2026-11-23-app-sign-in.yml").read_text()
    assert written.startswith(
        "# Incident 2026-11-23-app-sign-in. What each field means: frontdesk incident new --help.\n"
    )
    assert "README" not in written


def test_templates_are_listed_with_the_fields_still_to_fill_in(copy_example: Path) -> None:
    result = run(copy_example, "incident", "templates")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    for name in ("email-delays", "sign-in-failures", "third-party-outage"):
        assert any(line.startswith(f"{name}: ") for line in lines), name
    at = lines.index(next(line for line in lines if line.startswith("sign-in-failures: ")))
    assert "Some customers cannot sign in <<" in lines[at]
    assert lines[at + 1].strip() == "to fill in: title, cause, message"


def test_templates_are_neither_loaded_as_incidents_nor_published(example_site: Path) -> None:
    assert (REPO / "content/status/templates/sign-in-failures.yml").is_file()
    assert not (example_site / "status/templates").exists()
    assert not list(example_site.rglob("sign-in-failures*"))


def test_maintenance_new_update_cancel_round_trip(copy_example: Path) -> None:
    created = run(
        copy_example, "maintenance", "new", "--title", "Faster invoice search",
        "--components", "invoicing,api", "--start", "2026-11-29T02:00:00Z",
        "--end", "2026-11-29T03:00:00Z", "--message", "Booked for Sunday night.",
        "--description", "Searching invoices may be slow for up to ten minutes.",
        "--at", "2026-11-26T16:00:00Z",
    )  # fmt: skip
    assert created.exit_code == 0, created.output
    path = copy_example / "content/status/maintenance/2026-11-29-faster-invoice-search.yml"
    assert "updates:\n  - at: 2026-11-26T16:00:00Z\n    status: scheduled\n" in path.read_text()
    assert 'git commit -m "Maintenance 2026-11-29-faster-invoice-search: scheduled"' in (
        created.output
    )
    validates(copy_example)
    moved = run(copy_example, "maintenance", "update", path.stem, "--status", "scheduled",
                "--at", "2026-11-27T09:00:00Z", "--message", "Still on for Sunday.")  # fmt: skip
    assert moved.exit_code == 0, moved.output
    cancelled = run(copy_example, "maintenance", "cancel", path.stem, "--at",
                    "2026-11-28T09:00:00Z", "--message", "Not needed: the new index went live "
                    "without downtime.")  # fmt: skip
    assert cancelled.exit_code == 0, cancelled.output
    validates(copy_example)
    assert keys_in_contract_order(path, MAINTENANCE_FIELDS)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["cancelled"] is True
    assert [u["status"] for u in data["updates"]][-1] == "scheduled"  # the work never began
    after = run(copy_example, "maintenance", "update", path.stem, "--status", "in_progress",
                "--at", "2026-11-29T02:00:00Z", "--message", "Starting.")  # fmt: skip
    assert after.exit_code == 1 and "was cancelled" in after.output


def test_cancelling_work_under_way_closes_it_as_completed(copy_example: Path) -> None:
    window = "2026-11-25-payments-and-bank-feeds-upgrade"
    for args in (("update", window, "--status", "in_progress", "--message", "Started.",
                  "--at", "2026-11-25T02:00:00Z"),
                 ("cancel", window, "--message", "Stopped and rolled back; nothing changed.",
                  "--at", "2026-11-25T02:30:00Z")):  # fmt: skip
        result = run(copy_example, "maintenance", *args)
        assert result.exit_code == 0, result.output
    validates(copy_example)
    data = yaml.safe_load((copy_example / f"content/status/maintenance/{window}.yml").read_text())
    assert data["updates"][-1]["status"] == "completed" and data["cancelled"] is True


def test_status_prints_what_the_front_page_says(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795428000")
    monkeypatch.setenv("COLUMNS", "100")
    result = run(REPO, "status")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Service status: partial outage (as of 2026-11-23 10:00 UTC)" in out
    assert "[Major impact] Some customers cannot sign in to the mobile apps" in out
    assert "What went wrong: At 08:30 UK time we released a security update" in out
    assert "Expected back by 2026-11-23 12:00 UTC" in out
    assert "Before any change to sign-in is released" in out
    assert "[Planned maintenance] Upgrade to card payment and bank feed systems" in out


def test_status_lists_what_is_owed_to_customers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(1795428000 + 3 * 3600))  # 13:00, three hours on
    result = run(REPO, "status")
    assert result.exit_code == 0, result.output
    owed = result.output.split("Owed to customers (build notices):\n", 1)[1].splitlines()
    assert owed == [
        f"  {ACTIVE}: updates: last update was 3 hours ago; customers are owed a new update",
        f"  {ACTIVE}: eta: the expected restoration time 2026-11-23 12:00 UTC has passed",
        f"  {ACTIVE}: next_update: the promised update at 2026-11-23 10:30 UTC is overdue",
    ]


def test_status_says_all_is_well_when_it_is(make_site) -> None:
    result = run(make_site(), "status")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("All systems operational (checked 2026-11-23 10:00 UTC)")


def command_paths(group: click.Group = frontdesk, path: tuple[str, ...] = ()) -> list[list[str]]:
    """Every command and group under `frontdesk`, found by walking the command tree."""
    found = [list(path)] if path else []
    for name, command in sorted(group.commands.items()):
        found += (command_paths(command, (*path, name)) if isinstance(command, click.Group)
                  else [[*path, name]])  # fmt: skip
    return found


COMMANDS = command_paths()


def test_the_walk_finds_every_command() -> None:
    assert len(COMMANDS) >= 23 and ["incident", "translate"] in COMMANDS and ["publish"] in COMMANDS


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help_ending_in_an_example(command: list[str]) -> None:
    result = CliRunner().invoke(frontdesk, [*command, "--help"])
    assert result.exit_code == 0, result.output
    description = result.output.split("Options:")[0].rstrip().splitlines()
    assert description[-2].strip() == "Example:" and "frontdesk " in description[-1]


def test_incident_new_at_a_terminal_asks_for_each_missing_value(copy_example: Path) -> None:
    args = ["-m", "frontdesk", "incident", "new", "--started", "2026-11-23T10:00:00Z",
            "-f", str(copy_example / "mkdocs.yml")]  # fmt: skip
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "COLUMNS": "200"}
    child = pexpect.spawn(sys.executable, args, cwd=str(REPO), env=env, encoding="utf-8",
                          timeout=60, dimensions=(40, 200))  # fmt: skip
    try:
        child.expect("Title.*: ")
        child.sendline("Bank feeds not updating for some banks")
        child.expect(r"Impact \(none, minor, major, critical\): ")
        child.sendline("huge")  # not offered: asked again
        child.expect("not one of")
        child.expect("Impact.*: ")
        child.sendline("major")
        child.expect(r"Components \(([^)]*)\): ")
        offered = child.match.group(1)
        assert "bank-feeds" in offered and "sign-in" in offered
        child.sendline("bank-feeds=partial_outage")
        child.expect("Cause.*: ")
        child.sendline("Our Open Banking provider is not returning new transactions.")
        child.expect("Expected back.*: ")
        child.sendline("unknown")
        child.expect(r"next update by \(like \+30m or 2026-12-31T13:00:00Z\) \[\+60m\]: ")
        child.sendline("+30m")  # from the command line's now, conftest's CLI_NOW
        child.expect("Prevention.*: ")
        child.sendline("We will publish what we change once our provider explains the fault.")
        child.expect("First message to customers: ")
        child.sendline("Some bank feeds have stopped updating. Transactions already in are safe.")
        child.expect(r"Wrote (content/status/incidents/\S+\.yml)")
        written = copy_example / child.match.group(1)
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0, child.before
    validates(copy_example)
    data = yaml.safe_load(written.read_text(encoding="utf-8"))
    assert data["components"] == {"bank-feeds": "partial_outage"}
    assert data["eta"] == "unknown" and data["updates"][0]["status"] == "investigating"
    assert data["next_update"] == datetime(2026, 12, 31, 12, 30, tzinfo=UTC)


def test_help_examples_name_the_sites_own_components(
    make_site, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(make_site())  # components: sign-in, api, payments
    shown = CliRunner().invoke(frontdesk, ["maintenance", "new", "--help"]).output
    assert "--components sign-in --start" in shown and "comma-separated: sign-in,api." in shown
    monkeypatch.chdir(tmp_path)  # no site here: ids that only illustrate
    shown = CliRunner().invoke(frontdesk, ["maintenance", "new", "--help"]).output
    assert "--components api --start" in shown and "comma-separated: api,web-app." in shown


def test_help_offers_only_the_statuses_an_update_accepts() -> None:
    shown = " ".join(CliRunner().invoke(frontdesk, ["incident", "update", "--help"]).output.split())
    assert "--status [investigating|identified|monitoring]" in shown
    assert "resolved" not in shown.split("--status", 1)[1].split("--message")[0]


def test_a_failed_build_prints_each_problem_once(copy_example: Path) -> None:
    incident = copy_example / ACTIVE
    incident.write_text(incident.read_text().replace("impact: major", "impact: huge"))
    article = copy_example / "content/articles/account/reset-password.md"
    article.write_text(article.read_text().replace("audience: novice", "audience: newbie", 1))
    done = subprocess.run(
        [sys.executable, "-m", "frontdesk", "build", "-f", str(copy_example / "mkdocs.yml"),
         "-d", str(copy_example / "out")],
        capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )  # fmt: skip
    assert done.returncode == 1
    output = done.stdout + done.stderr
    assert output.count("impact: expected one of none, minor, major, critical; got 'huge'") == 1
    assert output.count("audience: expected one of novice, intermediate, expert") == 1
    assert output.count("2 problems in the content") == 1
