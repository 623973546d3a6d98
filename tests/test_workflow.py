"""The publishing workflow: when it runs, what it checks, and that only a good build deploys."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import REPO

WORKFLOW = REPO / ".github/workflows/publish.yml"
NOT_ON_SCHEDULE = "github.event_name != 'schedule'"


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(Path(WORKFLOW).read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    # PyYAML follows YAML 1.1, where a bare `on` key reads as the boolean true.
    return workflow.get("on", workflow.get(True))


def steps(workflow: dict) -> list[dict]:
    return workflow["jobs"]["build"]["steps"]


def step_running(workflow: dict, command: str) -> tuple[int, dict]:
    found = [(i, s) for i, s in enumerate(steps(workflow)) if command in s.get("run", "")]
    assert len(found) == 1, f"expected one step running {command!r}; found {len(found)}"
    return found[0]


def step_using(workflow: dict, action: str, job: str = "build") -> tuple[int, dict]:
    job_steps = workflow["jobs"][job]["steps"]
    found = [(i, s) for i, s in enumerate(job_steps) if s.get("uses", "").startswith(action + "@")]
    assert len(found) == 1, f"expected one step using {action}; found {len(found)}"
    return found[0]


def test_runs_on_push_to_main_every_ten_minutes_and_by_hand(workflow: dict) -> None:
    on = triggers(workflow)
    assert on["push"]["branches"] == ["main"]
    assert on["schedule"] == [{"cron": "*/10 * * * *"}]
    assert "workflow_dispatch" in on


def test_one_publish_at_a_time_newest_wins(workflow: dict) -> None:
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": True}


def test_may_deploy_to_pages(workflow: dict) -> None:
    assert workflow["permissions"]["pages"] == "write"
    assert workflow["permissions"]["id-token"] == "write"


def test_builds_with_python_3_11_and_the_test_extras(workflow: dict) -> None:
    build = workflow["jobs"]["build"]
    python = build.get("container", "")
    if not python:
        _, setup = step_using(workflow, "actions/setup-python")
        python = str(setup["with"]["python-version"])
    assert "3.11" in python
    step_using(workflow, "actions/checkout")
    step_running(workflow, "pip install -e '.[test]'")


def test_tests_run_on_push_with_chromium_and_are_skipped_on_schedule(workflow: dict) -> None:
    chromium_at, chromium = step_running(workflow, "apt-get install")
    assert "chromium" in chromium["run"]
    tests_at, tests = step_running(workflow, "pytest")
    assert chromium_at < tests_at
    for step in (chromium, tests):
        assert step["if"] == NOT_ON_SCHEDULE
    assert tests.get("env", {}).get("FRONTDESK_REQUIRE_BROWSER") == "1"


def test_check_and_a_strict_build_at_the_build_time_always_run(workflow: dict) -> None:
    tests_at, _ = step_running(workflow, "pytest")
    check_at, check = step_running(workflow, "frontdesk check")
    build_at, build = step_running(workflow, "frontdesk build")
    assert tests_at < check_at < build_at
    assert "if" not in check and "if" not in build
    assert "SOURCE_DATE_EPOCH=$(date +%s) frontdesk build" in build["run"]
    assert "--no-strict" not in build["run"]  # strict is the default of frontdesk build


def test_uploads_the_built_site_and_deploys_only_after_the_build(workflow: dict) -> None:
    build_at, _ = step_running(workflow, "frontdesk build")
    upload_at, upload = step_using(workflow, "actions/upload-pages-artifact")
    assert build_at < upload_at and upload["with"]["path"] == "site"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build" or deploy["needs"] == ["build"]
    step_using(workflow, "actions/deploy-pages", job="deploy")
    assert deploy["environment"]["name"] == "github-pages"
