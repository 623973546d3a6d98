"""Times staff give cannot lie: none ahead of now, relative times from the command line's now,
a next update promised by the site's interval, and a notice for an entry dated after the moment
a build describes. The command line's now is pinned by FRONTDESK_NOW (conftest: CLI_NOW)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import CLI_NOW

from frontdesk.cli.main import main

ACTIVE = "content/status/incidents/2026-11-23-mobile-app-sign-in.yml"
OPEN = ("incident", "new", "--title", "Exports fail", "--impact", "minor", "--components",
        "invoicing", "--cause", "Unknown yet.", "--prevention", "To follow.",
        "--message", "Exports fail.", "--id", "exports")  # fmt: skip


def run(root: Path, *args: str):
    return CliRunner().invoke(main, [*args, "-f", str(root / "mkdocs.yml")])


def opened(root: Path) -> dict:
    return yaml.safe_load((root / "content/status/incidents/exports.yml").read_text())


def test_a_start_ahead_of_now_is_refused_saying_what_now_is(copy_example: Path) -> None:
    folder = copy_example / "content/status/incidents"
    before = sorted(folder.iterdir())
    result = run(copy_example, *OPEN, "--eta", "+3h", "--started", "+2h")
    assert result.exit_code == 2
    assert ("Invalid value for '--started': 2026-12-31 14:00 UTC is 2 hours ahead of now "
            "(2026-12-31 12:00 UTC)") in " ".join(result.output.split())  # fmt: skip
    assert sorted(folder.iterdir()) == before


@pytest.mark.parametrize("command", [
    ("incident", "update", "2026-11-23-mobile-app-sign-in", "--status", "monitoring", "--message", "Ok."),
    ("incident", "resolve", "2026-11-23-mobile-app-sign-in", "--message", "Ok."),
    ("maintenance", "update", "2026-11-25-payments-and-bank-feeds-upgrade", "--status",
     "completed", "--message", "Done."),
])  # fmt: skip
def test_an_update_posted_ahead_of_now_is_refused(command, copy_example: Path) -> None:
    files = {p: p.read_bytes() for p in (copy_example / "content/status").rglob("*.yml")}
    result = run(copy_example, *command, "--at", "+30m")
    assert result.exit_code == 2
    assert "Invalid value for '--at': 2026-12-31 12:30 UTC is 30 minutes ahead of now" in (
        " ".join(result.output.split())
    )
    assert {p: p.read_bytes() for p in files} == files


def test_a_few_minutes_of_clock_difference_are_allowed(copy_example: Path) -> None:
    result = run(copy_example, *OPEN, "--eta", "+3h", "--started", "+4m")
    assert result.exit_code == 0, result.output


def test_relative_times_and_defaults_come_from_the_command_lines_now(copy_example) -> None:
    result = run(copy_example, *OPEN, "--eta", "unknown")
    assert result.exit_code == 0, result.output
    data = opened(copy_example)
    assert data["started"].isoformat() == CLI_NOW.replace("Z", "+00:00")  # --started's default
    assert data["updates"][0]["at"] == data["started"]
    assert data["next_update"].isoformat() == "2026-12-31T13:00:00+00:00"  # + 60 minutes
    assert "promised the next update by 2026-12-31 13:00 UTC" in result.output
    again = run(copy_example, "incident", "update", "exports", "--status", "identified",
                "--message", "Found it.", "--eta", "+1h30m")  # fmt: skip
    assert again.exit_code == 0, again.output
    data = opened(copy_example)
    assert data["eta"].isoformat() == "2026-12-31T13:30:00+00:00"
    assert data["updates"][1]["at"].isoformat() == "2026-12-31T12:00:00+00:00"  # --at's default


def test_the_site_interval_sets_the_promised_update(copy_example: Path) -> None:
    config = copy_example / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - frontdesk:\n", "  - frontdesk:\n"
                                                 "      update_interval_minutes: 20\n", 1))  # fmt: skip
    assert run(copy_example, *OPEN, "--eta", "unknown").exit_code == 0
    assert opened(copy_example)["next_update"].isoformat() == "2026-12-31T12:20:00+00:00"


def test_a_refusal_caused_by_an_earlier_wrong_time_names_it(copy_example, monkeypatch) -> None:
    monkeypatch.setenv("FRONTDESK_NOW", "2026-11-23T10:00:00Z")
    path = copy_example / "content/status/incidents/exports.yml"
    monkeypatch.setenv("FRONTDESK_NOW", "2026-11-23T12:00:00Z")
    assert run(copy_example, *OPEN, "--eta", "+3h").exit_code == 0  # as if the clock ran ahead
    monkeypatch.setenv("FRONTDESK_NOW", "2026-11-23T10:00:00Z")  # back to the true time
    before = path.read_bytes()
    result = run(copy_example, "incident", "update", "exports", "--status", "identified",
                 "--message", "Found it.")  # fmt: skip
    assert result.exit_code == 1
    assert ("would come before the last one, at 2026-11-23 12:00 UTC; updates must be in time "
            "order. That time, 2026-11-23 12:00 UTC, is itself ahead of now (2026-11-23 10:00 "
            "UTC), so it is likely the mistake: correct started and updates[0].at in the file"
            ) in " ".join(result.output.split())  # fmt: skip
    assert path.read_bytes() == before


def test_check_and_the_build_name_an_entry_dated_after_the_moment_they_describe(
    copy_example: Path,
) -> None:
    path = copy_example / ACTIVE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  - at: 2026-11-23T09:35:00Z", "  - at: 2026-11-23T11:35:00Z"))
    result = run(copy_example, "check")  # SOURCE_DATE_EPOCH: 2026-11-23 10:00 UTC
    assert result.exit_code == 0, result.output
    assert (f"NOTICE  -  {ACTIVE}:70: updates[1].at: 2026-11-23 11:35 UTC is after the moment "
            "this site describes (2026-11-23 10:00 UTC); if it is a mistake, correct it"
            ) in result.output  # fmt: skip


def test_the_build_names_an_entry_dated_after_its_moment_and_still_builds(
    make_site, build_site, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_site({"status/incidents/ahead.yml": """\
        title: Slow payments
        impact: minor
        components: [payments]
        started: 2026-11-23T11:00:00Z
        cause: A busy database.
        eta: 2026-11-23T13:00:00Z
        prevention: More capacity.
        updates:
          - at: 2026-11-23T11:05:00Z
            status: investigating
            message: Payments are slow.
        """})  # fmt: skip
    assert (build_site(root) / "status/index.html").is_file()
    err = capsys.readouterr().err
    for line, field, when in ((4, "started", "11:00"), (9, "updates[0].at", "11:05")):
        assert (f"NOTICE  -  content/status/incidents/ahead.yml:{line}: {field}: 2026-11-23 {when} "
                "UTC is after the moment this site describes (2026-11-23 10:00 UTC)") in err  # fmt: skip
