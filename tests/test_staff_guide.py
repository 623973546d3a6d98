"""The starter's STAFF.md, followed as a support lead follows it: every command it gives, in
order, on a fresh `frontdesk new` site, and again once the components carry the company's own
names. `ID` is the entry the command before wrote, `COMPONENT` a component of the site, `...` a
sentence of the lead's own."""

from __future__ import annotations

import re
import shlex
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from frontdesk.cli.main import main
from frontdesk.cli.new import STARTER
from frontdesk.content.loading import load_site

LEVELS = ["novice", "intermediate", "expert"]
START = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)  # conftest's SOURCE_DATE_EPOCH
RENAMED = {"web-app": "dashboard", "sign-in": "login", "api": "developer-api"}
WROTE = re.compile(r"Wrote (content/status/(?:incidents|maintenance)/([a-z0-9-]+)\.yml)")


def guide_commands(text: str) -> list[str]:
    """Every line of the guide's shell blocks, in order."""
    blocks = re.findall(r"^ *```sh\n(.*?)^ *```", text, re.M | re.S)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


GUIDE = (STARTER / "STAFF.md").read_text(encoding="utf-8")


def test_the_guide_gives_every_staff_command_it_teaches() -> None:
    commands = [c for c in guide_commands(GUIDE) if c.startswith("frontdesk ")]
    assert len(commands) == 11
    for taught in ("incident templates", "incident new --template", "incident update",
                   "incident resolve", "incident amend", "incident postmortem",
                   "maintenance new", "maintenance update", "status", "check"):  # fmt: skip
        assert any(c.startswith(f"frontdesk {taught}") for c in commands), taught


def rename_components(root: Path) -> None:
    """What a team does first: their own component ids, everywhere the starter names them."""
    for path in (root / "content").rglob("*"):
        if path.suffix in (".yml", ".md"):
            text = path.read_text(encoding="utf-8")
            for old, new in RENAMED.items():
                text = re.sub(rf"(?<![\w-]){old}(?![\w-])", new, text)
            path.write_text(text, encoding="utf-8")


def follow_the_guide(root: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.chdir(root)
    component = load_site(root / "content", root, LEVELS).status.catalog.components[0].id
    guide = (root / "STAFF.md").read_text(encoding="utf-8")
    entry, ran = "", []
    for step, line in enumerate(guide_commands(guide)):
        words = shlex.split(line)
        if words[:2] == ["git", "rm"]:  # the samples go before anything is published
            for name in words[2:]:
                (root / name).unlink()
            continue
        assert words[0] == "frontdesk", line
        args = [
            {"ID": entry, "COMPONENT": component}.get(word, word).replace(
                "...", f"What customers should know at step {step}."
            )
            for word in words[1:]
        ]
        now = START + timedelta(minutes=10 * step)
        monkeypatch.setenv("FRONTDESK_NOW", now.strftime("%Y-%m-%dT%H:%M:%SZ"))
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, f"{line}\n{result.output}"
        entry = next((m[2] for m in WROTE.finditer(result.output)), entry)
        ran.append(args[0] + " " + args[1] if len(args) > 1 else args[0])
    return ran


@pytest.mark.parametrize("renamed", [False, True], ids=["as-written", "renamed-components"])
def test_every_command_in_the_starters_staff_guide_works_in_order(
    renamed: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "help"
    assert CliRunner().invoke(main, ["new", str(root)]).exit_code == 0
    if renamed:
        rename_components(root)
    follow_the_guide(root, monkeypatch)
    site = load_site(root / "content", root, LEVELS)
    (incident,) = site.status.incidents  # the sample is gone, the guide's own is there
    assert incident.resolved and incident.postmortem and "step" in incident.prevention
    assert [u.status for u in incident.updates] == ["investigating", "identified", "resolved"]
    (window,) = site.status.maintenance
    assert [u.status for u in window.updates] == ["in_progress", "completed"]
    names = {c.id for c in site.status.catalog.components}
    assert set(incident.component_ids) <= names and set(window.component_ids) <= names
    assert CliRunner().invoke(main, ["check"]).exit_code == 0
