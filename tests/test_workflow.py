"""The workflows, this repository's and the starter's: they only wire steps, and the route lives in
`frontdesk publish` (tests/test_publish_command.py). Every action pinned to a commit, no token
left in a checkout, each job granted only what it needs, and zizmor, offline with its default
settings, finds nothing in any of them."""

from __future__ import annotations

import re
import subprocess
import sysconfig
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import REPO

from frontdesk.cli.main import main

HERE = REPO / ".github"
STARTER = REPO / "generator/frontdesk/cli/starter_site/dot-github"
PUBLISHERS = {
    "repository": HERE / "workflows/publish.yml",
    "starter": STARTER / "workflows/publish.yml",
}
ALL = sorted([*HERE.glob("workflows/*.yml"), *STARTER.glob("workflows/*.yml")])
PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s+[\w.-]+/[\w./-]+@[0-9a-f]{40}\s+#\s+v\d+(?:\.\d+)*\s*$")
DAILY = "17 3 * * *"
ZIZMOR = str(Path(sysconfig.get_path("scripts")) / "zizmor")  # a binary, from the test extras


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    # PyYAML follows YAML 1.1, where a bare `on` key reads as the boolean true.
    return workflow.get("on", workflow.get(True))


def runs(job: dict) -> list[str]:
    return [step.get("run") or step.get("uses", "").split("@")[0] for step in job["steps"]]


@pytest.fixture(params=sorted(PUBLISHERS), scope="module")
def publisher(request) -> dict:
    return load(PUBLISHERS[request.param])


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.relative_to(REPO).as_posix())
def test_every_action_is_pinned_to_a_commit_with_its_version(path: Path) -> None:
    uses = [line for line in path.read_text().splitlines() if re.match(r"^\s*(-\s+)?uses:", line)]
    assert uses and all(PINNED.match(line) for line in uses), [
        line for line in uses if not PINNED.match(line)
    ]


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.relative_to(REPO).as_posix())
def test_no_checkout_keeps_its_token_and_no_job_gets_more_than_it_asks(path: Path) -> None:
    workflow = load(path)
    assert workflow["permissions"] == {}
    for name, job in workflow["jobs"].items():
        assert "permissions" in job, name
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False, name


def test_each_publishing_job_gets_only_what_it_needs(publisher: dict) -> None:
    jobs = publisher["jobs"]
    assert jobs["build"]["permissions"] == {"contents": "read"}  # installs packages: read alone
    assert jobs["notify"]["permissions"] == {"contents": "read"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["keep-alive"]["permissions"] == {"actions": "write"}
    assert "pip install" not in " ".join(map(str, runs(jobs["deploy"]) + runs(jobs["keep-alive"])))


def test_publishing_runs_on_push_on_a_schedule_and_by_hand(publisher: dict) -> None:
    on = triggers(publisher)
    assert on["push"] == {"branches": ["main"]} and "workflow_dispatch" in on
    assert [entry["cron"] for entry in on["schedule"]] == ["*/10 * * * *", DAILY]


def test_the_build_job_wires_one_command_between_restore_and_keep(publisher: dict) -> None:
    steps = runs(publisher["jobs"]["build"])
    expected = ["actions/checkout", "actions/setup-python", None, "actions/cache/restore",
                "frontdesk publish site", "actions/cache/save", "rm -rf site/.frontdesk",
                "actions/upload-pages-artifact", "actions/upload-artifact"]  # fmt: skip
    assert [None if i == 2 else s for i, s in enumerate(steps)] == expected
    assert steps[2].startswith("pip install")
    restore = publisher["jobs"]["build"]["steps"][3]["with"]
    keep = publisher["jobs"]["build"]["steps"][5]["with"]
    assert restore["path"] == keep["path"] == "site" and restore["restore-keys"] == "site-"
    assert keep["key"].startswith("site-")
    assert publisher["jobs"]["build"]["concurrency"] == {
        "group": "pages",
        "cancel-in-progress": True,
    }


def test_notify_checks_the_live_site_then_tells_every_channel(publisher: dict) -> None:
    job = publisher["jobs"]["notify"]
    assert job["needs"] == ["build", "deploy"] and "concurrency" not in job
    steps = runs(job)
    assert steps.index("frontdesk check-live site") < steps.index(
        "frontdesk notify --previous previous site"
    )
    notify = next(s for s in job["steps"] if s.get("run", "").startswith("frontdesk notify"))
    assert sorted(notify["env"]) == [
        "FRONTDESK_CHAT_URL",
        "FRONTDESK_EMAIL_URL",
        "FRONTDESK_WEBHOOK_URL",
    ]


def test_the_schedule_is_kept_alive_once_a_day(publisher: dict) -> None:
    job = publisher["jobs"]["keep-alive"]
    assert job["if"] == f"github.event.schedule == '{DAILY}'"
    assert "actions/workflows/publish.yml/enable" in job["steps"][0]["run"]


def test_the_starter_installs_from_its_requirements_and_says_what_it_costs() -> None:
    text = PUBLISHERS["starter"].read_text()
    assert (
        runs(load(PUBLISHERS["starter"])["jobs"]["build"])[2] == "pip install -r requirements.txt"
    )
    assert "Settings -> Pages -> Build and deployment -> Source: GitHub Actions" in text
    assert "about 13,000" in text and "minutes a month" in text


def test_the_tests_run_on_every_supported_python_and_at_both_ends_of_the_dependencies() -> None:
    workflow = load(HERE / "workflows/test.yml")
    assert triggers(workflow) == {"push": {"branches": ["main"]}, "pull_request": None}
    matrix = workflow["jobs"]["test"]["strategy"]["matrix"]
    assert matrix["python"] == ["3.11", "3.12", "3.13", "3.14"]
    assert matrix["include"] == [{"python": "3.11", "dependencies": "lowest"}]
    script = "\n".join(map(str, runs(workflow["jobs"]["test"])))
    assert "-c constraints/lowest.txt" in script and "faketime -f +400d pytest" in script
    classifiers = (REPO / "pyproject.toml").read_text()
    for version in matrix["python"]:
        assert f"Programming Language :: Python :: {version}" in classifiers


def test_a_release_builds_tests_the_wheel_and_publishes_by_trusted_publishing() -> None:
    workflow = load(HERE / "workflows/release.yml")
    assert triggers(workflow) == {"push": {"tags": ["v*"]}}
    build, publish = workflow["jobs"]["build"], workflow["jobs"]["publish"]
    assert build["permissions"] == {"contents": "read"}
    assert publish["permissions"] == {"id-token": "write"} and publish["needs"] == "build"
    assert any("frontdesk new" in step for step in runs(build) if step)
    assert runs(publish)[-1] == "pypa/gh-action-pypi-publish"
    assert publish["steps"][-1]["with"]["attestations"] is True


def zizmor(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [ZIZMOR, "--offline", "--no-progress", *map(str, paths)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_zizmor_finds_nothing_here() -> None:
    done = zizmor(HERE)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No findings to report" in done.stdout + done.stderr


def test_zizmor_finds_nothing_in_a_new_site(tmp_path: Path) -> None:
    assert CliRunner().invoke(main, ["new", str(tmp_path / "help")]).exit_code == 0
    written = tmp_path / "help/.github"
    assert (written / "dependabot.yml").is_file() and (written / "workflows/publish.yml").is_file()
    done = zizmor(written)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No findings to report" in done.stdout + done.stderr
