"""`frontdesk new` writes a complete help centre that builds strictly as it is."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from click.testing import CliRunner
from conftest import EXAMPLE_EPOCH
from mkdocs.commands.build import build
from mkdocs.config import load_config
from pages import read, text
from site_config import read_config

import frontdesk
from frontdesk.cli.main import main
from frontdesk.cli.new import installed_requirement
from frontdesk.content.loading import load_site

LEVELS = ["novice", "intermediate", "expert"]


def new(*args: str):
    return CliRunner().invoke(main, ["new", *args])


def test_a_new_site_holds_everything_a_team_starts_with(tmp_path: Path) -> None:
    result = new(str(tmp_path / "help"), "--name", "Acme Help Centre")
    assert result.exit_code == 0, result.output
    root = tmp_path / "help"
    config = read_config(root / "mkdocs.yml")
    assert config["site_name"] == "Acme Help Centre" and config["docs_dir"] == "content"
    assert config["site_url"] == "https://help.example.com/"
    assert "announce.dismiss" in config["theme"]["features"]
    options = config["plugins"][1]["frontdesk"]
    assert [level["name"] for level in options["levels"]] == LEVELS
    assert options["contact"]["channels"][0]["kind"] == "email"
    assert options["notify"] == [{"apprise": "FRONTDESK_CHAT_URL"},
                                 {"apprise": "FRONTDESK_EMAIL_URL"},
                                 {"webhook": "FRONTDESK_WEBHOOK_URL"}]  # fmt: skip
    assert config["nav"][1] == {"Help topics": ["articles/getting-started/index.md",
                                                "articles/account/index.md"]}  # fmt: skip
    site = load_site(root / "content", root, LEVELS)
    by_level = sorted(article.audience for article in site.articles)
    assert by_level == sorted(LEVELS)  # one article per level
    assert {a.category for a in site.articles} == {"getting-started", "account"}
    incidents, windows = site.status.incidents, site.status.maintenance
    assert len(incidents) == 1 and incidents[0].resolved
    assert len(windows) == 1 and windows[0].start.timestamp() > int(EXAMPLE_EPOCH)
    assert sorted(p.name for p in (root / "content/status/templates").iterdir()) == [
        "sign-in-failures.yml", "third-party-outage.yml", "web-app-unavailable.yml"]  # fmt: skip
    assert (root / "content/glossary.yml").is_file() and (root / "STAFF.md").is_file()
    assert "/site/" in (root / ".gitignore").read_text().split()
    workflow = yaml.safe_load((root / ".github/workflows/publish.yml").read_text())
    steps = [step.get("run", "") for step in workflow["jobs"]["build"]["steps"]]
    assert "frontdesk publish site" in steps  # tests/test_workflow.py checks the rest
    notify = [step.get("run", "") for step in workflow["jobs"]["notify"]["steps"]]
    assert workflow["jobs"]["notify"]["needs"] == ["build", "deploy"]
    assert "frontdesk notify --previous previous site" in notify
    assert f"frontdesk=={frontdesk.__version__}" in (root / "requirements.txt").read_text()
    assert "frontdesk serve" in result.output


def test_a_new_site_builds_strictly_as_it_is(tmp_path: Path) -> None:
    assert new(str(tmp_path / "help")).exit_code == 0
    root = tmp_path / "help"
    build(load_config(str(root / "mkdocs.yml"), strict=True, site_dir=str(tmp_path / "out")))
    out = tmp_path / "out"
    assert "Slow pages in the web app" in text(read(out, "status/history/"))
    assert "Faster sign-in servers" in text(read(out, "status/"))
    summary = json.loads((out / "api/v2/summary.json").read_text())
    assert summary["status"]["indicator"] == "none"
    assert "Create your account" in text(read(out, "levels/novice/"))


def test_check_passes_on_a_new_site_without_notices(tmp_path: Path) -> None:
    assert new(str(tmp_path / "help")).exit_code == 0
    result = CliRunner().invoke(main, ["check", "-f", str(tmp_path / "help/mkdocs.yml")])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["OK: 3 articles, 1 incident, 1 maintenance window."]


def test_a_folder_holding_a_site_is_refused_unless_forced(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: Ours\n")
    (tmp_path / "notes.txt").write_text("keep me")
    refused = new(str(tmp_path))
    assert refused.exit_code == 1
    assert refused.output == (
        f"Error: {tmp_path}: already holds a site (mkdocs.yml); use --force to write the "
        "starter files over it\n"
    )
    assert (tmp_path / "mkdocs.yml").read_text() == "site_name: Ours\n"
    assert not (tmp_path / "content").exists()
    forced = new(str(tmp_path), "--force")
    assert forced.exit_code == 0, forced.output
    assert "Ours" not in (tmp_path / "mkdocs.yml").read_text()
    assert (tmp_path / "notes.txt").read_text() == "keep me"


def test_version() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"frontdesk, version {frontdesk.__version__}\n"


def test_next_names_the_samples_to_delete_before_publishing(tmp_path: Path) -> None:
    result = new(str(tmp_path / "help"))
    assert result.exit_code == 0, result.output
    root = tmp_path / "help"
    named = [line.strip() for line in result.output.splitlines() if line.startswith("      ")]
    site = load_site(root / "content", root, LEVELS)
    samples = [e.source for e in (*site.status.incidents, *site.status.maintenance)]
    assert named == samples and all((root / name).is_file() for name in named)
    assert "before you publish, delete the sample incident and maintenance window" in result.output
    assert "/previous/" in (root / ".gitignore").read_text().splitlines()


class _Installed:
    """A distribution's metadata as pip leaves it, with the direct_url.json given."""

    version = "0.3.1"

    def __init__(self, direct_url: str | None) -> None:
        self.direct_url = direct_url

    def read_text(self, name: str) -> str | None:
        return self.direct_url if name == "direct_url.json" else None


def test_the_requirement_installs_frontdesk_from_where_it_came() -> None:
    assert installed_requirement(_Installed(None)) == ("frontdesk==0.3.1", None)  # an index
    git = '{"url": "https://github.com/acme/frontdesk", "vcs_info": {"vcs": "git", "commit_id": "0123abc"}}'
    assert installed_requirement(_Installed(git)) == (
        "frontdesk @ git+https://github.com/acme/frontdesk@0123abc", None)  # fmt: skip
    archive = (
        '{"url": "https://files.example.test/frontdesk-0.3.1-py3-none-any.whl", "archive_info": {}}'
    )
    assert installed_requirement(_Installed(archive))[0] == (
        "frontdesk @ https://files.example.test/frontdesk-0.3.1-py3-none-any.whl")  # fmt: skip
    local, why = installed_requirement(
        _Installed('{"url": "file:///home/me/frontdesk", "dir_info": {}}')
    )
    assert (
        local == "frontdesk==0.3.1"
        and "file:///home/me/frontdesk, which a CI runner cannot reach" in why
    )


def test_a_stated_requirement_is_written_and_the_pages_setting_named(tmp_path: Path) -> None:
    spec = "frontdesk @ git+https://github.com/acme/frontdesk@v0.3.1"
    result = new(str(tmp_path / "help"), "--requirement", spec)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "help/requirements.txt").read_text().splitlines()[-1] == spec
    assert "Settings -> Pages -> Build and deployment -> Source: GitHub Actions" in " ".join(
        result.output.split()
    )
    assert "Warning:" not in result.output


def test_a_frontdesk_from_a_local_folder_is_named_as_unreachable(tmp_path: Path) -> None:
    result = new(str(tmp_path / "help"))  # the tests run an editable install of this checkout
    assert result.exit_code == 0, result.output
    assert "which a CI runner cannot reach" in result.output
