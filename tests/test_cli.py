"""The frontdesk command on the repository's own site and on broken copies of it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO

from frontdesk.cli.main import main


def run(*args: str):
    return CliRunner().invoke(main, list(args))


ACTIVE = "content/status/incidents/2026-11-23-mobile-app-sign-in.yml"
# Four hours after the example's moment: the incident's last update (09:35), its promised next
# update (10:30) and its eta (12:00) have all been overtaken.
LATE = str(1795428000 + 4 * 3600)
LATE_NOTICES = [
    f"NOTICE  -  {ACTIVE}: updates: last update was 4 hours ago; customers are owed a new update",
    f"NOTICE  -  {ACTIVE}: eta: the expected restoration time 2026-11-23 12:00 UTC has passed",
    f"NOTICE  -  {ACTIVE}: next_update: the promised update at 2026-11-23 10:30 UTC is overdue",
]


def notices(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("NOTICE")]


def test_check_passes_on_the_example_with_no_notice_at_its_moment() -> None:
    result = run("check", "-f", str(REPO / "mkdocs.yml"))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("OK: 17 articles, 8 incidents, 3 maintenance windows.")
    assert notices(result.output) == []


def test_check_reports_time_notices_without_failing(monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", LATE)
    result = run("check", "-f", str(REPO / "mkdocs.yml"))
    assert result.exit_code == 0, result.output
    assert notices(result.output) == LATE_NOTICES
    assert "OK: 17 articles, 8 incidents, 3 maintenance windows." in result.output


def test_a_strict_build_reports_time_notices_and_still_succeeds(
    copy_example: Path, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", LATE)
    out = tmp_path / "public"
    result = run("build", "-f", str(copy_example / "mkdocs.yml"), "--site-dir", str(out))
    assert result.exit_code == 0, result.output
    assert notices(result.output) == LATE_NOTICES
    assert (out / "status/index.html").is_file()


def test_check_fails_when_one_file_breaks(copy_example: Path) -> None:
    broken = copy_example / "content/status/incidents/2026-11-15-receipt-uploads-stuck.yml"
    broken.write_text(broken.read_text().replace("impact:", "imapct:", 1))
    result = run("check", "-f", str(copy_example / "mkdocs.yml"))
    assert result.exit_code == 1
    assert "content/status/incidents/2026-11-15-receipt-uploads-stuck.yml:" in result.output
    assert "imapct: unknown field (did you mean 'impact'?)" in result.output


def test_build_writes_the_site_strictly(copy_example: Path, tmp_path: Path) -> None:
    out = tmp_path / "public"
    result = run("build", "-f", str(copy_example / "mkdocs.yml"), "--site-dir", str(out))
    assert result.exit_code == 0, result.output
    assert (out / "status/index.html").exists() and (out / "index.html").exists()


def test_build_refuses_a_bad_source_date_epoch(copy_example: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    result = run("build", "-f", str(copy_example / "mkdocs.yml"))
    assert result.exit_code != 0
    assert "SOURCE_DATE_EPOCH: expected whole seconds since 1970; got 'yesterday'" in result.output


@pytest.mark.parametrize("command", [[], ["build"], ["serve"], ["check"]])
def test_every_command_has_help_ending_in_an_example(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0
    description = result.output.split("Options:")[0].rstrip().splitlines()
    assert description[-2].strip() == "Example:" and "frontdesk " in description[-1]


def test_one_truth_about_the_build_moment(tmp_path: Path) -> None:
    """The build's help and the staff guide give the build time; both publishing workflows run
    `frontdesk publish`, which describes now unless SOURCE_DATE_EPOCH says otherwise, and set no
    other moment (a commit's time would freeze the status a scheduled run must move on)."""
    said = "SOURCE_DATE_EPOCH=$(date +%s) frontdesk build"
    assert said in run("build", "--help").output
    assert said in (REPO / "STAFF.md").read_text(encoding="utf-8")
    assert "SOURCE_DATE_EPOCH gives, or else now" in " ".join(
        run("publish", "--help").output.split()
    )
    assert run("new", str(tmp_path / "help")).exit_code == 0
    for workflow in (REPO / ".github/workflows/publish.yml",
                     tmp_path / "help/.github/workflows/publish.yml"):  # fmt: skip
        text = workflow.read_text(encoding="utf-8")
        assert "run: frontdesk publish site" in text and "SOURCE_DATE_EPOCH" not in text
    assert "git log" not in run("build", "--help").output
