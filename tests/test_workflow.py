"""The publishing workflow: when it runs, its fast path for status-only changes and the full path
for everything else, and that only a good build deploys. The script that chooses the path runs
here for real, in a git repository with the commits a push would bring."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import REPO

WORKFLOW = REPO / ".github/workflows/publish.yml"
NOT_ON_SCHEDULE = "github.event_name != 'schedule'"
SITE_KEY = "${{ needs.route.outputs.site-key }}"


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(Path(WORKFLOW).read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    # PyYAML follows YAML 1.1, where a bare `on` key reads as the boolean true.
    return workflow.get("on", workflow.get(True))


def steps(workflow: dict, job: str) -> list[dict]:
    return workflow["jobs"][job]["steps"]


def step_running(workflow: dict, command: str, job: str) -> tuple[int, dict]:
    found = [(i, s) for i, s in enumerate(steps(workflow, job)) if command in s.get("run", "")]
    assert len(found) == 1, f"expected one step running {command!r}; found {len(found)}"
    return found[0]


def step_using(workflow: dict, action: str, job: str) -> tuple[int, dict]:
    job_steps = steps(workflow, job)
    found = [(i, s) for i, s in enumerate(job_steps) if s.get("uses", "").startswith(action + "@")]
    assert len(found) == 1, f"expected one step using {action}; found {len(found)}"
    return found[0]


def test_runs_on_push_to_main_every_ten_minutes_and_by_hand(workflow: dict) -> None:
    on = triggers(workflow)
    assert on["push"]["branches"] == ["main"]
    assert on["schedule"] == [{"cron": "*/10 * * * *"}]
    assert "workflow_dispatch" in on


def test_one_publish_at_a_time_newest_wins(workflow: dict) -> None:
    """The publishing jobs give way to a newer run; the notify job of a deploy that happened
    is never cancelled, so its messages are not lost."""
    assert "concurrency" not in workflow
    for job in ("fast", "full", "deploy"):
        assert workflow["jobs"][job]["concurrency"] == {
            "group": "pages",
            "cancel-in-progress": True,
        }
    assert "concurrency" not in workflow["jobs"]["notify"]


@pytest.mark.parametrize("job", ["fast", "full"])
def test_both_paths_save_the_live_status_before_their_site_is_uploaded(
    workflow: dict, job: str
) -> None:
    save_at, save = step_running(workflow, "frontdesk save-status previous", job)
    upload_at, _ = step_using(workflow, "actions/upload-pages-artifact", job)
    keep_at, keep = step_using(workflow, "actions/upload-artifact", job)
    assert save_at < upload_at < keep_at
    assert save["continue-on-error"] is True  # a failure holds back notify, never the site
    assert workflow["jobs"][job]["outputs"]["saved"] == "${{ steps.save.outcome }}"
    assert keep["with"]["name"] == "status-documents"
    assert keep["with"]["path"].split() == ["previous/", "site/api/v2/"]
    if job == "fast":  # only a publish that happened has something to tell
        for step in (save, keep):
            assert step["if"] == "steps.publish.outputs.published == 'true'"


def test_notify_runs_after_a_deploy_with_every_channel_secret(workflow: dict) -> None:
    notify = workflow["jobs"]["notify"]
    assert notify["needs"] == ["fast", "full", "deploy"]
    assert notify["if"] == "always() && needs.deploy.result == 'success'"
    fetch_at, fetch = step_using(workflow, "actions/download-artifact", "notify")
    stop_at, stop = step_running(workflow, "exit 1", "notify")
    send_at, send = step_running(workflow, "frontdesk notify --previous previous site", "notify")
    assert fetch["with"] == {"name": "status-documents"} and fetch_at < stop_at < send_at
    assert stop["if"] == (
        "needs.fast.outputs.saved == 'failure' || needs.full.outputs.saved == 'failure'"
    )
    named = set(
        re.findall(r"(?m)^\s*- (?:apprise|webhook): !ENV (\w+)", (REPO / "mkdocs.yml").read_text())
    )
    assert len(named) == 3
    assert send["env"] == {name: f"${{{{ secrets.{name} }}}}" for name in named}
    assert "--dry-run" not in send["run"]


def test_may_deploy_to_pages_and_re_enable_its_schedule(workflow: dict) -> None:
    assert workflow["permissions"]["pages"] == "write"
    assert workflow["permissions"]["id-token"] == "write"
    assert workflow["permissions"]["actions"] == "write"


# --- the full path ---------------------------------------------------------------------------


def test_the_full_path_builds_with_python_3_11_and_the_test_extras(workflow: dict) -> None:
    assert "3.11" in workflow["jobs"]["full"]["container"]
    step_using(workflow, "actions/checkout", "full")
    step_running(workflow, "pip install -e '.[test]'", "full")


def test_tests_run_on_push_with_chromium_and_are_skipped_on_schedule(workflow: dict) -> None:
    chromium_at, chromium = step_running(workflow, "apt-get install", "full")
    assert "chromium" in chromium["run"]
    tests_at, tests = step_running(workflow, "pytest", "full")
    assert chromium_at < tests_at
    for step in (chromium, tests):
        assert step["if"] == NOT_ON_SCHEDULE
    assert tests.get("env", {}).get("FRONTDESK_REQUIRE_BROWSER") == "1"


def test_the_full_path_checks_then_builds_strictly_at_the_build_time(workflow: dict) -> None:
    tests_at, _ = step_running(workflow, "pytest", "full")
    check_at, check = step_running(workflow, "frontdesk check", "full")
    build_at, build = step_running(workflow, "frontdesk build", "full")
    assert tests_at < check_at < build_at
    assert "if" not in check and "if" not in build
    assert "SOURCE_DATE_EPOCH=$(date +%s) frontdesk build" in build["run"]
    assert "--no-strict" not in build["run"]  # strict is the default of frontdesk build


def test_the_full_path_keeps_its_site_with_the_build_record_for_the_fast_path(
    workflow: dict,
) -> None:
    build_at, _ = step_running(workflow, "frontdesk build", "full")
    save_at, save = step_using(workflow, "actions/cache/save", "full")
    strip_at, _ = step_running(workflow, "rm -rf site/.frontdesk", "full")
    upload_at, upload = step_using(workflow, "actions/upload-pages-artifact", "full")
    assert build_at < save_at < strip_at < upload_at
    assert save["with"] == {"path": "site", "key": SITE_KEY}
    assert upload["with"]["path"] == "site"


def test_the_site_key_covers_every_input_but_the_status_content(workflow: dict) -> None:
    _, key = step_running(workflow, "site-key=", "route")
    for pattern in ("'generator/**'", "'pyproject.toml'", "'mkdocs.yml'", "'overrides/**'",
                    "'content/**'", "'!content/status/**'"):  # fmt: skip
        assert pattern in key["run"], pattern
    assert workflow["jobs"]["route"]["outputs"]["site-key"] == "${{ steps.key.outputs.site-key }}"


# --- the fast path ---------------------------------------------------------------------------


def test_the_fast_path_runs_only_when_chosen_and_skips_browser_and_tests(workflow: dict) -> None:
    fast = workflow["jobs"]["fast"]
    assert fast["needs"] == "route" and fast["if"] == "needs.route.outputs.path == 'fast'"
    commands = " ".join(step.get("run", "") for step in fast["steps"])
    assert "pytest" not in commands and "chromium" not in commands
    assert "container" not in fast  # no Debian image to pull
    _, setup = step_using(workflow, "actions/setup-python", "fast")
    assert setup["with"] == {"python-version": "3.11", "cache": "pip"}


def test_the_fast_path_checks_restores_publishes_and_uploads_in_that_order(workflow: dict) -> None:
    install_at, install = step_running(workflow, "pip install", "fast")
    assert "-e ." in install["run"]  # the same code path as the full build's record
    check_at, _ = step_running(workflow, "frontdesk check", "fast")
    restore_at, restore = step_using(workflow, "actions/cache/restore", "fast")
    publish_at, publish = step_running(workflow, "frontdesk publish-status", "fast")
    strip_at, strip = step_running(workflow, "rm -rf site/.frontdesk", "fast")
    upload_at, upload = step_using(workflow, "actions/upload-pages-artifact", "fast")
    assert install_at < check_at < restore_at < publish_at < strip_at < upload_at
    assert restore["with"] == {"path": "site", "key": SITE_KEY}
    assert publish["if"] == "steps.restore.outputs.cache-hit == 'true'"
    assert (
        "SOURCE_DATE_EPOCH=$(date +%s) frontdesk publish-status --fast-only site"
        in (publish["run"])
    )
    for step in (strip, upload):
        assert step["if"] == "steps.publish.outputs.published == 'true'"


def test_a_cache_miss_or_a_needed_full_build_takes_the_full_path(workflow: dict) -> None:
    full, deploy = workflow["jobs"]["full"], workflow["jobs"]["deploy"]
    assert full["needs"] == ["route", "fast"]
    condition = " ".join(full["if"].split())
    assert condition == (
        "always() && needs.route.result == 'success' && (needs.route.outputs.path == 'full' "
        "|| needs.fast.outputs.published != 'true')"
    )
    assert workflow["jobs"]["fast"]["outputs"]["published"] == (
        "${{ steps.publish.outputs.published }}"
    )
    assert deploy["needs"] == ["fast", "full"]
    assert " ".join(deploy["if"].split()) == (
        "always() && (needs.fast.outputs.published == 'true' || needs.full.result == 'success')"
    )
    step_using(workflow, "actions/deploy-pages", "deploy")
    assert deploy["environment"]["name"] == "github-pages"


def test_the_publish_step_tells_a_needed_full_build_from_a_failure(
    workflow: dict, tmp_path: Path
) -> None:
    _, publish = step_running(workflow, "frontdesk publish-status", "fast")
    for code, published in ((0, "true"), (3, "false"), (1, None)):
        fake = tmp_path / "bin"
        fake.mkdir(exist_ok=True)
        (fake / "frontdesk").write_text(f"#!/bin/sh\nexit {code}\n")
        (fake / "frontdesk").chmod(0o755)
        output = tmp_path / f"output-{code}"
        output.write_text("")
        env = {**os.environ, "PATH": f"{fake}{os.pathsep}{os.environ['PATH']}",
               "GITHUB_OUTPUT": str(output)}  # fmt: skip
        done = subprocess.run(["bash", "-e", "-c", publish["run"]], env=env, cwd=tmp_path)
        if published is None:
            assert done.returncode == 1 and output.read_text() == ""  # a real failure fails
        else:
            assert done.returncode == 0 and output.read_text() == f"published={published}\n"


def test_the_scheduled_run_keeps_its_schedule_alive(workflow: dict) -> None:
    _, keep = step_running(workflow, "gh api", "fast")
    assert keep["if"] == "github.event_name == 'schedule'"
    assert keep["run"] == (
        'gh api -X PUT "repos/${{ github.repository }}/actions/workflows/publish.yml/enable"'
    )
    assert keep["env"]["GH_TOKEN"] == "${{ github.token }}"


# --- choosing the path, for real --------------------------------------------------------------


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                          text=True).stdout.strip()  # fmt: skip


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.email", "staff@example.test")
    git(root, "config", "user.name", "Staff")
    for name in ("mkdocs.yml", "content/articles/pay/cards.md", "content/status/components.yml"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("first\n")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "first")
    return root


def chosen(workflow: dict, repo: Path, event: str, before: str) -> str:
    _, route = step_running(workflow, "path=full", "route")
    output = repo.parent / "github-output"
    output.write_text("")
    env = {**os.environ, "EVENT": event, "BEFORE": before, "GITHUB_OUTPUT": str(output)}
    subprocess.run(["bash", "-e", "-c", route["run"]], cwd=repo, env=env, check=True,
                   capture_output=True)  # fmt: skip
    return output.read_text()


def push(repo: Path, *changed: str) -> str:
    """Commit changes to these files (two commits, as a push may bring); the commit before."""
    before = git(repo, "rev-parse", "HEAD")
    for number, name in enumerate(changed):
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"changed {number}\n")
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", f"change {number}")
    return before


@pytest.mark.parametrize(
    ("changed", "path"),
    [
        (["content/status/incidents/2026-11-23-sign-in.yml"], "fast"),
        (["content/status/incidents/a.yml", "content/status/maintenance/b.yml"], "fast"),
        (["content/status/templates/sign-in.yml"], "fast"),  # not published, still status
        (["content/articles/pay/cards.md"], "full"),
        (["content/status/incidents/a.yml", "mkdocs.yml"], "full"),
        (["content/status/incidents/a.yml", "overrides/main.html"], "full"),
        (["generator/frontdesk/mkdocs/plugin.py"], "full"),
        (["content/glossary.yml"], "full"),
    ],
    ids=lambda value: ",".join(value) if isinstance(value, list) else value,
)
def test_a_push_is_routed_by_what_it_changed(workflow, repo, changed, path) -> None:
    assert chosen(workflow, repo, "push", push(repo, *changed)) == f"path={path}\n"


def test_scheduled_runs_are_fast_and_manual_runs_full(workflow, repo) -> None:
    head = git(repo, "rev-parse", "HEAD")
    assert chosen(workflow, repo, "schedule", "") == "path=fast\n"
    assert chosen(workflow, repo, "workflow_dispatch", head) == "path=full\n"


def test_a_push_without_a_known_commit_before_it_is_full(workflow, repo) -> None:
    push(repo, "content/status/incidents/a.yml")
    assert chosen(workflow, repo, "push", "0" * 40) == "path=full\n"  # a new branch
    assert chosen(workflow, repo, "push", git(repo, "rev-parse", "HEAD")) == "path=full\n"
