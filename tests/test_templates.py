"""Incident templates on a fresh `frontdesk new` site: a placeholder in any field, one template
loaded on its own, and every template checked by `frontdesk check` against the site."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pexpect
import pytest
import yaml
from click.testing import CliRunner

from frontdesk.cli.main import main

WEB_APP = "content/status/templates/web-app-unavailable.yml"
SIGN_IN = "content/status/templates/sign-in-failures.yml"
FILLED = ("--title", "The web app is unavailable", "--cause", "We are still finding out why.",
          "--eta", "+2h", "--message", "The web app is unavailable. Your data is safe.")  # fmt: skip


@pytest.fixture
def starter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "help"
    assert CliRunner().invoke(main, ["new", str(root)]).exit_code == 0
    monkeypatch.chdir(root)
    return root


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def incidents(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (root / "content/status/incidents").iterdir()}


def test_the_starters_templates_list_what_each_still_needs(starter: Path) -> None:
    result = run("incident", "templates")
    assert result.exit_code == 0, result.output
    assert "web-app-unavailable: The web app is <<unavailable, or very slow>>\n" \
           "  to fill in: title, impact, cause, message" in result.output  # fmt: skip


def test_a_placeholder_impact_is_filled_by_its_flag(starter: Path) -> None:
    result = run("incident", "new", "--template", "web-app-unavailable", "--impact", "critical",
                 *FILLED)  # fmt: skip
    assert result.exit_code == 0, result.output
    (written,) = (starter / "content/status/incidents").glob("*-the-web-app-is-unavailable.yml")
    data = yaml.safe_load(written.read_text(encoding="utf-8"))
    assert data["impact"] == "critical" and data["components"] == ["web-app"]
    assert run("check").exit_code == 0


def test_a_placeholder_left_without_a_terminal_is_named_and_nothing_is_written(starter) -> None:
    before = incidents(starter)
    result = run("incident", "new", "--template", "web-app-unavailable", *FILLED)
    assert result.exit_code == 2
    assert ("--impact (the template 'web-app-unavailable' says "
            '"<<major, or critical if nothing works>>")') in result.output  # fmt: skip
    assert incidents(starter) == before


def test_a_broken_template_stops_only_itself_and_check_names_it(starter: Path) -> None:
    path = starter / WEB_APP
    path.write_text(path.read_text().replace("impact: <<major, or critical if nothing works>>",
                                             "impact: huge"))  # fmt: skip
    line = 1 + path.read_text().split("impact:")[0].count("\n")
    expected = f"{WEB_APP}:{line}: impact: expected one of none, minor, major, critical; got 'huge'"
    other = run("incident", "new", "--template", "sign-in-failures", "--eta", "unknown",
                "--title", "Some customers cannot sign in on the web", "--cause", "Unknown yet.",
                "--message", "Signing in on the web fails for some customers.")  # fmt: skip
    assert other.exit_code == 0, other.output
    listed = run("incident", "templates")
    assert listed.exit_code == 1 and expected in listed.output
    assert "sign-in-failures:" in listed.output  # the usable ones are still listed
    mine = run("incident", "new", "--template", "web-app-unavailable", *FILLED)
    assert mine.exit_code == 1 and expected in mine.output
    checked = run("check")
    assert checked.exit_code == 1 and expected in checked.output


def test_check_sees_templates_that_name_components_the_site_no_longer_has(starter) -> None:
    """A team renames its components everywhere but in the templates."""
    for path in (starter / "content").rglob("*"):
        if path.suffix in (".yml", ".md") and "templates" not in path.parts:
            path.write_text(path.read_text().replace("web-app", "dashboard"))
    checked = run("check")
    assert checked.exit_code == 1
    line = 1 + (starter / WEB_APP).read_text().split("components:")[0].count("\n")
    assert (f"{WEB_APP}:{line}: components[0]: unknown component id 'web-app'; components.yml "
            "defines api, dashboard, sign-in") in checked.output  # fmt: skip
    assert SIGN_IN not in checked.output


def test_check_sees_a_template_in_a_language_the_site_does_not_have(starter: Path) -> None:
    path = starter / SIGN_IN
    path.write_text(path.read_text().replace(
        "title: Some customers cannot sign in <<on the web, in the mobile apps, or everywhere>>",
        "title: {en: Some customers cannot sign in, fr: Connexion impossible}"))  # fmt: skip
    config = starter / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "      # languages:\n      #   - {code: en, name: English}\n      #   - {code: de, name: Deutsch}",
        "      languages:\n        - {code: en, name: English}\n        - {code: de, name: Deutsch}"))  # fmt: skip
    checked = run("check")
    assert checked.exit_code == 1
    assert (f"{SIGN_IN}:8: title.fr: unknown language code 'fr'; the site's languages are "
            "en, de") in checked.output  # fmt: skip


def test_at_a_terminal_each_placeholder_is_asked_for_the_impact_among_its_choices(
    starter: Path,
) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "COLUMNS": "200"}
    child = pexpect.spawn(sys.executable, ["-m", "frontdesk", "incident", "new", "--template",
                          "web-app-unavailable", "--eta", "+2h"], cwd=str(starter), env=env,
                          encoding="utf-8", timeout=60, dimensions=(40, 200))  # fmt: skip
    try:
        child.expect("The template says: The web app is <<unavailable, or very slow>>")
        child.expect("Title.*, in your own words: ")
        child.sendline("The web app is unavailable")
        child.expect("The template says: <<major, or critical if nothing works>>")
        child.expect(r"Impact, in your own words \(none, minor, major, critical\): ")
        child.sendline("critical")
        child.expect("Cause.*, in your own words: ")
        child.sendline("We are still finding out why.")
        child.expect("First message.*, in your own words: ")
        child.sendline("The web app does not open. Your data is safe.")
        child.expect(r"Wrote (content/status/incidents/\S+\.yml)")
        written = starter / child.match.group(1)
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0, child.before
    data = yaml.safe_load(written.read_text(encoding="utf-8"))
    assert data["impact"] == "critical" and data["title"] == "The web app is unavailable"
    assert data["components"] == ["web-app"]  # kept from the template
