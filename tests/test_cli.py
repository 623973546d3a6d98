"""The frontdesk command on the repository's own site and on broken copies of it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO

from generator.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_check_passes_on_the_example_and_reports_time_notices_without_failing() -> None:
    result = run("check", "-f", str(REPO / "mkdocs.yml"))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("OK: ")


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
